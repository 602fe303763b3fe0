package dev.contentservice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;

/** The harness as a client of the service: POSTs generate requests and reads job records from Redis. */
final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    /** POST generate for one draft; returns the job id of the 202 answer. */
    String generate(String baseUrl, String draftId) {
        return generateAsync(baseUrl, draftId).join();
    }

    /**
     * POST generate; a request whose connection broke before any answer is sent once more, which the
     * service's dedupe makes safe (a second POST for a draft with a job in flight answers that job).
     */
    CompletableFuture<String> generateAsync(String baseUrl, String draftId) {
        return generateOnce(baseUrl, draftId).exceptionallyCompose(error -> {
            Throwable cause = error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
            return cause instanceof IOException
                    ? generateOnce(baseUrl, draftId)
                    : CompletableFuture.failedFuture(cause);
        });
    }

    private CompletableFuture<String> generateOnce(String baseUrl, String draftId) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(baseUrl + "/api/content/images/" + draftId + "/generate"))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 202) {
                throw new IllegalStateException(
                        "generate " + draftId + " answered " + response.statusCode() + ": " + response.body());
            }
            try {
                JsonNode body = JSON.readTree(response.body());
                return body.get("jobId").asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** POSTs one generate per draft, at most {@code concurrency} at once; returns the job ids in order. */
    List<String> generateAll(String baseUrl, List<String> draftIds, int concurrency) {
        Semaphore permits = new Semaphore(concurrency);
        List<CompletableFuture<String>> answers = new ArrayList<>(draftIds.size());
        for (String draft : draftIds) {
            permits.acquireUninterruptibly();
            answers.add(generateAsync(baseUrl, draft).whenComplete((id, error) -> permits.release()));
        }
        return answers.stream().map(CompletableFuture::join).toList();
    }

    /** GET status; the whole JSON answer. */
    JsonNode status(String baseUrl, String jobId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/content/jobs/" + jobId + "/status"))
                .timeout(Duration.ofSeconds(10))
                .build();
        try {
            return JSON.readTree(
                    http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Long-polls the job's status ({@code ?wait=30}, asked again while the job runs) until it is COMPLETED
     * or FAILED; completes with the wall-clock time (epoch microseconds) the terminal answer arrived.
     */
    CompletableFuture<Long> awaitTerminal(String baseUrl, String jobId) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(baseUrl + "/api/content/jobs/" + jobId + "/status?wait=30"))
                .timeout(Duration.ofSeconds(45))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .exceptionallyCompose(error -> {
                    // not connected within the client's 2 s on a loaded machine: nothing was sent, ask again
                    Throwable cause =
                            error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
                    return cause instanceof java.net.http.HttpConnectTimeoutException
                                    || cause instanceof java.net.ConnectException
                            ? http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                            : CompletableFuture.failedFuture(cause);
                })
                .thenCompose(response -> {
                    java.time.Instant now = java.time.Instant.now();
                    long arrived = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
                    String status;
                    try {
                        status = JSON.readTree(response.body()).path("status").asText();
                    } catch (IOException e) {
                        return CompletableFuture.failedFuture(e);
                    }
                    if ("COMPLETED".equals(status) || "FAILED".equals(status)) {
                        return CompletableFuture.completedFuture(arrived);
                    }
                    return awaitTerminal(baseUrl, jobId);
                });
    }

    /** A job as stored in {@code job:{jobId}}: the SPEC's fields and the service's {@code updatedAt}. */
    record JobRecord(String jobId, String status, String createdAt, String updatedAt) {
        long endToEndMicros() {
            return micros(updatedAt) - micros(createdAt);
        }

        long updatedMicros() {
            return micros(updatedAt);
        }

        private static long micros(String instant) {
            java.time.Instant at = java.time.Instant.parse(instant);
            return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
        }
    }

    static List<JobRecord> jobs(RedisClient redis, List<String> jobIds) {
        List<JobRecord> records = new ArrayList<>(jobIds.size());
        int batch = 2_000;
        for (int from = 0; from < jobIds.size(); from += batch) {
            List<String> ids = jobIds.subList(from, Math.min(jobIds.size(), from + batch));
            List<Response<List<String>>> replies = new ArrayList<>(ids.size());
            try (Pipeline pipeline = redis.pipelined()) {
                for (String id : ids) {
                    replies.add(pipeline.hmget("job:" + id, "status", "createdAt", "updatedAt"));
                }
                pipeline.sync();
            }
            for (int i = 0; i < ids.size(); i++) {
                List<String> fields = replies.get(i).get();
                records.add(new JobRecord(ids.get(i), fields.get(0), fields.get(1), fields.get(2)));
            }
        }
        return records;
    }

    /** How many of the jobs have each status ({@code null} for a job that is gone). */
    static Map<String, Long> statusCounts(RedisClient redis, List<String> jobIds) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (JobRecord record : jobs(redis, jobIds)) {
            counts.merge(String.valueOf(record.status()), 1L, Long::sum);
        }
        return counts;
    }
}
