package dev.contentservice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Regression: bad settings and a port in use ended in Guice or Javalin stack traces that did not name
 * the variable, and {@code CONTENT_LOG_LEVEL=LOUD} was silently taken as DEBUG. Each now stops the start
 * of the real jar's {@link Main} with exit code 2 and one line naming the variable, without a stack trace.
 */
class BadSettingsTest {

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of(Map.of("CONTENT_LOG_LEVEL", "LOUD"), "CONTENT_LOG_LEVEL"),
                Arguments.of(Map.of("CONTENT_LOG_FORMAT", "xml"), "CONTENT_LOG_FORMAT"),
                Arguments.of(Map.of("CONTENT_HTTP_PORT", "http"), "CONTENT_HTTP_PORT"),
                Arguments.of(Map.of("CONTENT_HTTP_PORT", "70000"), "CONTENT_HTTP_PORT"),
                Arguments.of(Map.of("CONTENT_HTTP_HOST", "no such host!"), "CONTENT_HTTP_HOST"),
                Arguments.of(Map.of("CONTENT_CORS_ORIGINS", "app.example.com/path"), "CONTENT_CORS_ORIGINS"),
                Arguments.of(Map.of("CONTENT_OPS_REQUIRE_KEY", "maybe"), "CONTENT_OPS_REQUIRE_KEY"),
                Arguments.of(Map.of("CONTENT_JOB_MAX_ATTEMPTS", "0"), "CONTENT_JOB_MAX_ATTEMPTS"),
                Arguments.of(Map.of("CONTENT_IMAGEGEN_TEXT", "both"), "CONTENT_IMAGEGEN_TEXT"),
                Arguments.of(
                        Map.of("CONTENT_IMAGEGEN_URL", "http://127.0.0.1:9", "CONTENT_IMAGEGEN_SIZE", "big"),
                        "CONTENT_IMAGEGEN_SIZE"),
                // without a provider too: a typo does not wait for the day a URL is added
                Arguments.of(Map.of("CONTENT_IMAGEGEN_SIZE", "big"), "CONTENT_IMAGEGEN_SIZE"),
                Arguments.of(
                        Map.of("CONTENT_IMAGEGEN_URL", "http://127.0.0.1:9", "CONTENT_IMAGEGEN_MAX_RETRIES", "-1"),
                        "CONTENT_IMAGEGEN_MAX_RETRIES"));
    }

    static Stream<Map<String, String>> badProviderSettings() {
        return Stream.of(
                Map.of("CONTENT_IMAGEGEN_URL", "http://127.0.0.1:9", "CONTENT_IMAGEGEN_SIZE", "big"),
                Map.of("CONTENT_IMAGEGEN_URL", "http://127.0.0.1:9", "CONTENT_IMAGEGEN_MAX_RETRIES", "-1"));
    }

    /**
     * Refused while the adapters are constructed (inside Guice): still exit 2, one line, no stack trace.
     * Naming the variable in that line is up to the imagegen settings' own validation.
     */
    @ParameterizedTest
    @MethodSource("badProviderSettings")
    void a_provider_setting_refused_while_wiring_exits_2_with_one_line(Map<String, String> env) throws Exception {
        Exit exit = runMain(env);

        assertThat(exit.code()).as(exit.output()).isEqualTo(2);
        assertThat(exit.lines()).as(exit.output()).hasSize(1);
        assertThat(exit.output()).contains("configuration error").doesNotContain("\tat ", "Exception", "Guice");
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void a_bad_setting_exits_2_with_one_line_naming_the_variable(Map<String, String> env, String variable)
            throws Exception {
        Exit exit = runMain(env);

        assertThat(exit.code()).as(exit.output()).isEqualTo(2);
        assertThat(exit.lines()).as(exit.output()).hasSize(1);
        assertThat(exit.output()).contains(variable).doesNotContain("\tat ", "Exception");
    }

    @org.junit.jupiter.api.Test
    void a_port_in_use_exits_2_naming_the_port_variable() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
            Exit exit = runMain(Map.of("CONTENT_HTTP_PORT", Integer.toString(taken.getLocalPort())));

            assertThat(exit.code()).as(exit.output()).isEqualTo(2);
            assertThat(exit.lines()).as(exit.output()).hasSize(1);
            assertThat(exit.output())
                    .contains("CONTENT_HTTP_PORT " + taken.getLocalPort())
                    .doesNotContain("\tat ", "Exception");
        }
    }

    record Exit(int code, String output) {
        List<String> lines() {
            return output.lines().filter(line -> !line.isBlank()).toList();
        }
    }

    /** {@link Main} in a JVM of its own with only {@code env} set (no inherited CONTENT_* variable). */
    static Exit runMain(Map<String, String> env) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                java, "-Xmx128m", "-cp", System.getProperty("java.class.path"), Main.class.getName());
        builder.environment().keySet().removeIf(name -> name.startsWith("CONTENT_"));
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        // to a file, not read from a pipe: a Main that does not exit (a bad value accepted, the service
        // started) must fail the test after the wait, not block it on a read that never ends
        Path log = Files.createTempFile("bad-settings-", ".log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("Main did not exit: " + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Exit(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
