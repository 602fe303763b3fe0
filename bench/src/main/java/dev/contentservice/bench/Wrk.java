package dev.contentservice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code wrk} with one of the harness's Lua scripts and reads the line its {@code done()} prints. */
final class Wrk {
    private final Path scripts;
    private final int threads;
    private final int connections;

    Wrk(Path scripts, int threads, int connections) {
        this.scripts = scripts;
        this.threads = threads;
        this.connections = connections;
    }

    int threads() {
        return threads;
    }

    int connections() {
        return connections;
    }

    /** One bounded run: {@code duration} of load, then wrk exits by itself (killed after a margin). */
    Result run(String script, String url, Duration duration, String... args) {
        List<String> command = new ArrayList<>(List.of(
                "wrk",
                "-t" + threads,
                "-c" + connections,
                "-d" + duration.toSeconds() + "s",
                "--timeout",
                "5s",
                "-s",
                scripts.resolve(script).toString(),
                url));
        if (args.length > 0) {
            command.add("--");
            command.addAll(List.of(args));
        }
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output;
            try (var in = process.getInputStream()) {
                output = in.readAllBytes();
            }
            if (!process.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("wrk did not finish: " + command);
            }
            String text = new String(output, StandardCharsets.UTF_8);
            return Result.parse(text)
                    .orElseThrow(() -> new IllegalStateException("wrk printed no result: " + command + "\n" + text));
        } catch (IOException e) {
            throw new UncheckedIOException("could not run wrk", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** What one wrk run measured; latencies in microseconds. */
    record Result(long requests, long durationMicros, long p50Micros, long p99Micros, long errors, long non2xx) {
        private static final ObjectMapper JSON = new ObjectMapper();
        private static final String MARK = "WRK_JSON ";

        double perSecond() {
            return requests / (durationMicros / 1e6);
        }

        static java.util.Optional<Result> parse(String output) {
            for (String line : output.split("\n")) {
                if (line.startsWith(MARK)) {
                    try {
                        JsonNode node = JSON.readTree(line.substring(MARK.length()));
                        long errors = node.get("errors_connect").asLong()
                                + node.get("errors_read").asLong()
                                + node.get("errors_write").asLong()
                                + node.get("errors_timeout").asLong();
                        return java.util.Optional.of(new Result(
                                node.get("requests").asLong(),
                                node.get("duration_us").asLong(),
                                node.get("p50_us").asLong(),
                                node.get("p99_us").asLong(),
                                errors,
                                node.get("errors_status").asLong()));
                    } catch (IOException e) {
                        return java.util.Optional.empty();
                    }
                }
            }
            return java.util.Optional.empty();
        }
    }
}
