package dev.contentservice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contentservice.testfixtures.ServiceProcess;
import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Metrics checked by Prometheus' own promtool, JSON log lines with the job's fields, the bind address. */
class ObservabilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration PATIENT = Duration.ofSeconds(60);

    @Test
    void the_metrics_pass_promtool_and_hold_every_documented_family() throws Exception {
        try (ContentService service = ContentService.start(ContentConfig.embedded())) {
            String jobId = generate(service.baseUrl(), "sample-2");
            awaitFinished(service.baseUrl(), jobId);

            String scrape = get(service.baseUrl() + "/metrics").body();

            assertThat(scrape)
                    .contains(
                            "content_jobs_accepted_total ",
                            "content_job_duration_seconds_bucket{outcome=\"completed\",le=\"20.0\"}",
                            "content_job_duration_seconds_bucket{outcome=\"completed\",le=\"40.0\"}",
                            "content_job_duration_seconds_count{outcome=\"failed\"}",
                            "content_queue_depth ",
                            "content_jobs_in_flight ",
                            "content_provider_calls_total{outcome=\"success\"}",
                            "content_provider_retries_total{after=\"unavailable\"}",
                            "content_provider_call_duration_seconds_bucket{outcome=\"success\",le=\"20.0\"}",
                            "http_server_requests_seconds_count{method=\"POST\",route=\"/api/content/images/{eventDraftId}/generate\",status=\"202\"}",
                            "jvm_memory_used_bytes",
                            "jvm_gc_max_data_size_bytes",
                            "jvm_threads_live_threads",
                            "process_cpu_usage",
                            "process_uptime_seconds",
                            "process_files_open_files",
                            "process_cpu_seconds_total");
            assertThat(scrape).doesNotContain(jobId, "sample-2");
            assertThat(bucketsPerSeries(scrape, "content_job_duration_seconds_bucket{outcome=\"completed\""))
                    .isLessThanOrEqualTo(12);
            assertThat(promtool(scrape)).isEmpty();
        }
    }

    @Test
    void with_json_logs_every_line_parses_and_the_lines_of_a_job_carry_its_ids() throws Exception {
        try (ServiceProcess service = ServiceProcess.java(
                "json-logs" + "-" + System.nanoTime(),
                java.util.List.of("-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName()),
                Map.of("CONTENT_LOG_FORMAT", "json"),
                java.nio.file.Path.of("target", "instances"))) {
            String jobId = generate(service.baseUrl(), "sample-1");
            awaitFinished(service.baseUrl(), jobId);

            List<JsonNode> lines = new ArrayList<>();
            for (String line : service.logText().split("\n")) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line)); // throws if any line is not one JSON object
                }
            }

            List<JsonNode> jobLines = lines.stream()
                    .filter(line -> line.path("formattedMessage").asText().contains(jobId))
                    .toList();
            // at INFO a job writes one line, its outcome (its start is DEBUG unless it was taken over)
            assertThat(jobLines)
                    .anySatisfy(line ->
                            assertThat(line.path("formattedMessage").asText()).contains("COMPLETED"));
            assertThat(jobLines).allSatisfy(line -> {
                assertThat(line.path("mdc").path("jobId").asText()).isEqualTo(jobId);
                assertThat(line.path("mdc").path("eventDraftId").asText()).isEqualTo("sample-1");
            });
            assertThat(lines)
                    .allSatisfy(line -> assertThat(line.has("level") && line.has("timestamp"))
                            .isTrue());
        }
    }

    @Test
    void with_a_loopback_host_nothing_listens_on_another_address() throws Exception {
        Optional<InetAddress> other = nonLoopbackAddress();
        assumeTrue(other.isPresent(), "this machine has no non-loopback IPv4 address to try");
        ContentConfig config = ContentConfig.embedded();
        config = config.withOps(config.ops().withHttpHost("127.0.0.1"));

        try (ContentService service = ContentService.start(config)) {
            assertThat(get("http://127.0.0.1:" + service.port() + "/health/live")
                            .statusCode())
                    .isEqualTo(200);

            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(other.get(), service.port()), 2_000);
                fail("connected to " + other.get() + ":" + service.port());
            } catch (ConnectException refused) {
                assertThat(refused).hasMessageContaining("refused");
            }
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }

    /** The problems promtool finds (empty when none); skipped without promtool unless CI requires it. */
    static String promtool(String scrape) throws IOException, InterruptedException {
        Optional<File> binary = onPath("promtool");
        if (binary.isEmpty()) {
            String message = "promtool is not installed (Debian: apt-get install prometheus)";
            if ("true".equalsIgnoreCase(System.getenv("CONTENT_REQUIRE_PROMTOOL"))) {
                fail(message + " (CONTENT_REQUIRE_PROMTOOL=true: the check must run here)");
            }
            assumeTrue(false, message);
        }
        Process process = new ProcessBuilder(binary.get().getPath(), "check", "metrics")
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().write(scrape.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue() == 0 ? output.trim() : "exit " + process.exitValue() + ": " + output;
    }

    private static Optional<File> onPath(String name) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(folder, name);
            if (candidate.canExecute()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static long bucketsPerSeries(String scrape, String prefix) {
        return scrape.lines().filter(line -> line.startsWith(prefix)).count();
    }

    static String generate(String baseUrl, String draft) throws Exception {
        HttpResponse<String> accepted = send("POST", baseUrl + "/api/content/images/" + draft + "/generate");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return JSON.readTree(accepted.body()).get("jobId").asText();
    }

    static void awaitFinished(String baseUrl, String jobId) throws Exception {
        long end = System.nanoTime() + PATIENT.toNanos();
        while (System.nanoTime() < end) {
            String status = JSON.readTree(get(baseUrl + "/api/content/jobs/" + jobId + "/status?wait=10")
                            .body())
                    .path("status")
                    .asText();
            if (status.equals("COMPLETED") || status.equals("FAILED")) {
                return;
            }
        }
        fail("job " + jobId + " did not finish within " + PATIENT);
    }

    static HttpResponse<String> get(String url) throws Exception {
        return send("GET", url);
    }

    private static HttpResponse<String> send(String method, String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
