package dev.contentservice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contentservice.application.WorkerSettings;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The operations settings, parsed once by {@link ContentConfig}. */
class OpsConfigTest {

    private static ContentConfig parse(Map<String, String> env) {
        return ContentConfig.fromEnvironment(env, new Properties());
    }

    @Test
    void nothing_set_means_every_interface_open_no_cors_text_logs_at_info_and_five_claims() {
        assertThat(parse(Map.of()).ops()).isEqualTo(OpsConfig.defaults());
        assertThat(OpsConfig.defaults().jobMaxAttempts()).isEqualTo(5);
    }

    @Test
    void lists_are_comma_separated_and_trimmed() {
        OpsConfig ops = parse(Map.of(
                        "CONTENT_API_KEYS", " a, b ,",
                        "CONTENT_CORS_ORIGINS", "https://app.example.com/, http://localhost:3000"))
                .ops();

        assertThat(ops.apiKeys()).containsExactly("a", "b");
        assertThat(ops.corsOrigins()).containsExactly("https://app.example.com", "http://localhost:3000");
    }

    @Test
    void a_system_property_in_lower_case_with_dots_is_accepted_and_the_environment_wins() {
        Properties properties = new Properties();
        properties.setProperty("content.log.level", "debug");
        properties.setProperty("content.http.host", "127.0.0.1");

        ContentConfig config = ContentConfig.fromEnvironment(Map.of("CONTENT_HTTP_HOST", "0.0.0.0"), properties);

        assertThat(config.ops().logLevel()).isEqualTo("DEBUG");
        assertThat(config.ops().httpHost()).isEqualTo("0.0.0.0");
    }

    @Test
    void the_job_level_retry_count_reaches_the_worker_settings() {
        ContentConfig config = parse(Map.of("CONTENT_JOB_MAX_ATTEMPTS", "7"));

        WorkerSettings settings = com.google.inject.Guice.createInjector(ContentModules.forConfig(config))
                .getInstance(WorkerSettings.class);

        assertThat(settings.maxAttempts()).isEqualTo(7);
    }

    @Test
    void an_unknown_log_level_is_refused_naming_the_accepted_ones() {
        assertThatThrownBy(() -> parse(Map.of("CONTENT_LOG_LEVEL", "LOUD")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CONTENT_LOG_LEVEL")
                .hasMessageContaining("TRACE, DEBUG, INFO, WARN, ERROR, OFF");
    }

    @Test
    void api_keys_never_appear_in_the_logged_configuration() {
        ContentConfig config = parse(Map.of("CONTENT_API_KEYS", "s3cret-one,s3cret-two"));

        assertThat(config.toString()).doesNotContain("s3cret").contains("2 key(s)");
        assertThat(List.of(config.ops().toString())).noneMatch(text -> text.contains("s3cret"));
    }
}
