package dev.contentservice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contentservice.adapter.redis.RedisServerExtension;
import dev.contentservice.domain.contract.Fixtures;
import dev.contentservice.testfixtures.ProviderStub;
import dev.contentservice.testfixtures.ServiceProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/**
 * Several real service processes on one real Redis: SIGKILL loses nothing, SIGTERM hands over at once,
 * a job survives a restart of the service.
 */
class MultiInstanceTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private ProviderStub provider;
    private RedisClient redis;

    @BeforeEach
    void setUp() {
        redis = RedisClient.create(REDIS.url());
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
        redis.close();
    }

    /** An instance still to start (the provider stub is shared by every instance of a test). */
    private interface Instance {
        ServiceProcess start();
    }

    private Instance instance(String name, Duration providerDelay, Duration lease) throws IOException {
        if (provider == null) {
            provider = ProviderStub.start(providerDelay);
            resources.add(provider);
        }
        Map<String, String> env = new HashMap<>();
        env.put("CONTENT_REDIS_URL", REDIS.url());
        env.put("CONTENT_IMAGEGEN_URL", provider.baseUrl());
        env.put("CONTENT_IMAGEGEN_API_KEY", "test-key");
        env.put("CONTENT_IMAGEGEN_MODEL", "dall-e-2");
        env.put("CONTENT_QUEUE_LEASE_SECONDS", Long.toString(lease.toSeconds()));
        return () -> {
            ServiceProcess process = ServiceProcess.java(
                    name + "-" + System.nanoTime(),
                    List.of("-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName()),
                    env,
                    Path.of("target", "instances"));
            resources.add(process);
            return process;
        };
    }

    /** How many consumers of the queue's group (one per instance) hold claimed entries right now. */
    private long consumersHoldingJobs() {
        return redis.xinfoConsumers2("content:queue", "content-workers").stream()
                .filter(consumer -> consumer.getPending() > 0)
                .count();
    }

    /** Stores a recommendation as the AI service does, and returns its draft id. */
    private String aiRecommendation(int n) {
        String draft = "multi-" + n + "-" + System.nanoTime();
        redis.set(
                "ai:event:" + draft,
                "{\"eventInfo\":{\"title\":\"봄맞이 이벤트 " + n + "\",\"storeName\":\"해피 베이커리\"},"
                        + "\"selectedRecommendation\":{\"title\":\"딸기 크루아상 시식 " + n + "\"}}");
        return draft;
    }

    private static String generate(ServiceProcess via, String draft) throws IOException {
        var response = via.post("/api/content/images/" + draft + "/generate");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("jobId").asText();
    }

    private static String statusOf(ServiceProcess via, String jobId) {
        try {
            JsonNode body = JSON.readTree(
                    via.get("/api/content/jobs/" + jobId + "/status").body());
            return body.get("status").asText();
        } catch (IOException e) {
            return "UNREACHABLE";
        }
    }

    private static boolean allCompleted(ServiceProcess via, List<String> jobIds, Duration within) {
        return Fixtures.eventually(
                within, () -> jobIds.stream().allMatch(id -> statusOf(via, id).equals("COMPLETED")));
    }

    @Test
    void sigkill_of_one_instance_in_the_middle_of_ten_jobs_still_completes_all_ten() throws Exception {
        Duration lease = Duration.ofSeconds(3);
        ServiceProcess a = instance("a", Duration.ofSeconds(2), lease).start();
        ServiceProcess b = instance("b", Duration.ofSeconds(2), lease).start();
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            jobs.add(generate(i % 2 == 0 ? a : b, aiRecommendation(i)));
        }
        assertThat(Fixtures.eventually(Duration.ofSeconds(10), () -> consumersHoldingJobs() == 2))
                .as("both instances hold jobs before a is killed")
                .isTrue();

        a.kill();

        assertThat(allCompleted(b, jobs, Duration.ofSeconds(60))).isTrue();
        for (String id : jobs) {
            assertThat(redis.hget("job:" + id, "status")).isEqualTo("COMPLETED");
        }
        assertThat(b.logText()).contains("attempt 2"); // b took over at least one of a's jobs
    }

    @Test
    void a_job_taken_over_after_sigkill_draws_only_the_style_it_had_not_stored() throws Exception {
        Duration lease = Duration.ofSeconds(3);
        ServiceProcess a = instance("a", Duration.ZERO, lease).start();
        provider.holdWhenBodyContains("Style: trendy"); // simple and fancy are drawn, trendy never answers
        String job = generate(a, aiRecommendation(1));
        assertThat(Fixtures.eventually(
                        Duration.ofSeconds(20),
                        () -> String.valueOf(redis.hget("job:" + job, "stylesDone"))
                                        .contains("simple")
                                && String.valueOf(redis.hget("job:" + job, "stylesDone"))
                                        .contains("fancy")))
                .as("instance a recorded the two styles it stored")
                .isTrue();

        a.kill();
        int callsBeforeTakeover = provider.bodies().size();
        provider.holdWhenBodyContains(null);
        ServiceProcess b = instance("b", Duration.ZERO, lease).start();

        assertThat(allCompleted(b, List.of(job), Duration.ofSeconds(60))).isTrue();
        List<String> bodies = provider.bodies();
        List<String> afterKill = bodies.subList(callsBeforeTakeover, bodies.size());
        assertThat(afterKill).hasSize(1);
        assertThat(afterKill.get(0)).contains("Style: trendy");
        assertThat(b.logText()).contains("attempt 2, 2 of 3 styles kept");
        assertThat(redis.hget("job:" + job, "attempts")).isEqualTo("2");
    }

    @Test
    void sigterm_hands_unfinished_jobs_over_at_once() throws Exception {
        Duration lease = Duration.ofSeconds(120); // a reclaim after the lease could not finish in time
        // the jobs are still drawing when a is stopped, however slowly the machine starts b
        Duration slow = Duration.ofMinutes(10);
        ServiceProcess a = instance("a", slow, lease).start();
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            jobs.add(generate(a, aiRecommendation(i)));
        }
        assertThat(Fixtures.eventually(
                        Duration.ofSeconds(10),
                        () -> jobs.stream().allMatch(id -> "PROCESSING".equals(redis.hget("job:" + id, "status")))))
                .isTrue();
        ServiceProcess b = instance("b", slow, lease).start();
        assertThat(jobs).allMatch(id -> "PROCESSING".equals(redis.hget("job:" + id, "status")));

        // calls already made keep their 10 minutes; b's, made after the hand-over, are answered at once
        provider.delay(Duration.ZERO);
        a.terminate();

        assertThat(a.logText()).contains("released at shutdown");
        assertThat(allCompleted(b, jobs, Duration.ofSeconds(60))).isTrue();
        for (String id : jobs) {
            assertThat(redis.hget("job:" + id, "attempts")).isEqualTo("1");
        }
    }

    @Test
    void accepted_job_survives_a_restart_of_the_only_instance() throws Exception {
        ServiceProcess first =
                instance("first", Duration.ofSeconds(2), Duration.ofSeconds(2)).start();
        String job = generate(first, aiRecommendation(1));
        first.kill();

        ServiceProcess again =
                instance("again", Duration.ofSeconds(2), Duration.ofSeconds(2)).start();

        assertThat(allCompleted(again, List.of(job), Duration.ofSeconds(40))).isTrue();
    }
}
