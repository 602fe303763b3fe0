package dev.contentservice.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.contract.Fixtures;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Long-poll and server-sent events over real HTTP, on the real use cases over the fakes. */
class WaitingOverHttpTest {
    private static final Clock CLOCK = RunningServer.CLOCK;
    private static final Duration LONG = Duration.ofSeconds(40);
    private static final Pattern EVENT = Pattern.compile("id: (\\d+)\nevent: (\\w+)\ndata: (.*)\n");

    private RunningServer server = new RunningServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private Job stored(Job job) {
        server.jobs.put(job);
        return job;
    }

    private Job pending() {
        return stored(Job.create(
                JobId.random(), Fakes.recommendation(Fixtures.uniqueDraft().value()), CLOCK));
    }

    private void complete(Job job) {
        server.imageSets.save(job.eventDraftId(), Fixtures.madeBy(job.id(), ImageSet.of("u1", "u2", "u3")));
        Job processing = job.status() == dev.contentservice.domain.JobStatus.PENDING ? job.start(CLOCK) : job;
        server.jobs.put(processing.complete("local", CLOCK)); // through PROCESSING, as the table asks
    }

    private static String status(Job job) {
        return "/api/content/jobs/" + job.id() + "/status";
    }

    private static String events(Job job) {
        return "/api/content/jobs/" + job.id() + "/events";
    }

    private static void waitUntilWaiting(RunningServer on, int jobs) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (on.awaits.waitedJobs() < jobs && System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    @Test
    void a_long_poll_answers_completed_as_soon_as_the_job_completes() throws Exception {
        Job job = pending();
        CompletableFuture<RunningServer.Answer> waiting = server.getAsync(status(job) + "?wait=30", LONG);
        waitUntilWaiting(server, 1);
        assertThat(waiting).isNotDone();

        complete(job);

        RunningServer.Answer answer = waiting.get(5, TimeUnit.SECONDS);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).containsEntry("status", "COMPLETED").containsKey("imageUrls");
        assertThat(answer.header("Retry-After")).isNull();
    }

    @Test
    void wake_up_latency_of_a_long_poll_over_fifty_runs() throws Exception {
        List<Long> micros = new ArrayList<>();
        for (int run = 0; run < 50; run++) {
            Job job = pending();
            CompletableFuture<RunningServer.Answer> waiting = server.getAsync(status(job) + "?wait=30", LONG);
            waitUntilWaiting(server, 1);

            long start = System.nanoTime();
            complete(job);
            RunningServer.Answer answer = waiting.get(5, TimeUnit.SECONDS);
            micros.add((System.nanoTime() - start) / 1000);

            assertThat(answer.json()).containsEntry("status", "COMPLETED");
        }
        Collections.sort(micros);
        System.out.printf(
                "long-poll wake-up latency in memory over HTTP, 50 runs: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                micros.get(25) / 1000.0, micros.get(49) / 1000.0, micros.get(49) / 1000.0);
    }

    @Test
    void when_the_wait_ends_the_current_status_is_answered_with_its_progress() {
        Job job = stored(Job.create(
                        JobId.random(),
                        Fakes.recommendation(Fixtures.uniqueDraft().value()),
                        CLOCK)
                .start(CLOCK)
                .styleDone(ImageStyle.SIMPLE, CLOCK));
        long start = System.nanoTime();

        RunningServer.Answer answer = server.get(status(job) + "?wait=1", LONG);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).containsEntry("status", "PROCESSING");
        assertThat(answer.text()).contains("\"progress\":{\"done\":[\"simple\"],\"total\":3}");
        assertThat(answer.header("Retry-After")).isEqualTo("2");
    }

    @Test
    void prefer_wait_is_honoured_capped_at_thirty_and_confirmed() {
        Job job = pending();
        complete(job);

        RunningServer.Answer answer = server.get(status(job), LONG, "Prefer", "respond-async, wait=100");

        assertThat(answer.json()).containsEntry("status", "COMPLETED");
        assertThat(answer.header("Preference-Applied")).isEqualTo("wait=30");
    }

    @Test
    void prefer_wait_ends_with_the_current_status() {
        Job job = pending();

        RunningServer.Answer answer = server.get(status(job), LONG, "Prefer", "wait=1");

        assertThat(answer.json()).containsEntry("status", "PROCESSING");
        assertThat(answer.header("Preference-Applied")).isEqualTo("wait=1");
    }

    @Test
    void a_bad_wait_is_400_bad_request_json() {
        Job job = pending();

        for (String bad : List.of("31", "-1", "abc", "", "1.5", "999999999999")) {
            RunningServer.Answer answer = server.get(status(job) + "?wait=" + bad);

            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.json()).containsEntry("code", "BAD_REQUEST");
        }
    }

    @Test
    void waiting_on_an_unknown_or_malformed_job_is_404_job_001() {
        for (String id : List.of(JobId.random().toString(), "not-a-uuid")) {
            RunningServer.Answer answer = server.get("/api/content/jobs/" + id + "/status?wait=5");

            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.json()).containsEntry("code", "JOB_001");
        }
    }

    @Test
    void waiting_while_the_store_is_down_is_503() {
        server.jobs.goDown();

        RunningServer.Answer answer = server.get("/api/content/jobs/" + JobId.random() + "/status?wait=5");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.json()).containsEntry("code", "STORE_UNAVAILABLE");
    }

    @Test
    void events_come_in_order_pending_processing_styles_completed_and_the_stream_ends() throws Exception {
        Job job = pending();
        CompletableFuture<RunningServer.Answer> stream = server.getAsync(events(job), LONG);
        waitUntilWaiting(server, 1);

        Job processing = job.start(CLOCK);
        server.jobs.update(processing);
        for (ImageStyle style : List.of(ImageStyle.FANCY, ImageStyle.SIMPLE, ImageStyle.TRENDY)) {
            processing = processing.styleDone(style, CLOCK);
            server.jobs.update(processing);
        }
        complete(processing);

        RunningServer.Answer answer = stream.get(10, TimeUnit.SECONDS);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/event-stream");
        List<String> names = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        Matcher events = EVENT.matcher(answer.text());
        while (events.find()) {
            ids.add(Integer.parseInt(events.group(1)));
            names.add(events.group(2));
        }
        assertThat(names).containsExactly("pending", "processing", "style", "style", "style", "completed");
        assertThat(ids).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(answer.text()).contains("\"style\":\"fancy\"").contains("\"imageUrls\"");
    }

    @Test
    void a_reconnect_with_last_event_id_after_the_end_still_receives_the_end() {
        Job job = pending();
        server.jobs.update(
                job.start(CLOCK).fail(dev.contentservice.domain.JobFailure.of("IMAGEGEN_TIMEOUT", "slow"), CLOCK));

        RunningServer.Answer answer = server.get(events(job), LONG, "Last-Event-ID", "6");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text())
                .contains("id: 6\nevent: failed\n")
                .contains("\"error\":\"이미지 생성 실패\"")
                .contains("\"message\":\"다시 시도해주세요\"")
                .contains("\"code\":\"IMAGEGEN_TIMEOUT\"");
    }

    @Test
    void a_reconnect_in_the_middle_starts_with_the_current_state() throws Exception {
        Job job = stored(Job.create(
                        JobId.random(),
                        Fakes.recommendation(Fixtures.uniqueDraft().value()),
                        CLOCK)
                .start(CLOCK)
                .styleDone(ImageStyle.SIMPLE, CLOCK));
        CompletableFuture<RunningServer.Answer> stream = server.getAsync(events(job), LONG, "Last-Event-ID", "2");
        waitUntilWaiting(server, 1);

        complete(job);

        String text = stream.get(10, TimeUnit.SECONDS).text();
        assertThat(text).startsWith("retry: 2000\n\nid: 3\nevent: processing\n");
        assertThat(text).contains("id: 4\nevent: style\n", "id: 5\nevent: style\n", "id: 6\nevent: completed\n");
    }

    @Test
    void events_of_an_unknown_or_malformed_job_are_404_job_001_json() {
        for (String id : List.of(JobId.random().toString(), "not-a-uuid")) {
            RunningServer.Answer answer = server.get("/api/content/jobs/" + id + "/events");

            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/json");
            assertThat(answer.json()).containsEntry("code", "JOB_001");
        }
    }

    @Test
    void a_thousand_long_polls_on_sixteen_server_threads_are_all_answered() throws Exception {
        server.close();
        server = new RunningServer(HttpSettings.onPort(0).withHost("127.0.0.1").withMaxThreads(16));
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            jobs.add(pending());
        }
        List<CompletableFuture<RunningServer.Answer>> waiting = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            waiting.add(server.getAsync(status(jobs.get(i % jobs.size())) + "?wait=30", LONG));
        }
        assertThat(Fixtures.eventually(Duration.ofSeconds(30), () -> server.awaits.waiters() == 1000))
                .as("all thousand long-polls are waiting")
                .isTrue();

        RunningServer.Answer meanwhile = server.get("/health/live");
        jobs.forEach(this::complete);

        assertThat(meanwhile.status()).isEqualTo(200);
        CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertThat(waiting)
                .allSatisfy(answer -> assertThat(answer.join().json()).containsEntry("status", "COMPLETED"));
    }

    @Test
    void a_lost_notice_is_covered_by_the_periodic_recheck() throws Exception {
        Job job = pending();
        CompletableFuture<RunningServer.Answer> waiting = server.getAsync(status(job) + "?wait=30", LONG);
        waitUntilWaiting(server, 1);

        server.imageSets.save(job.eventDraftId(), Fixtures.madeBy(job.id(), ImageSet.of("u1", "u2", "u3")));
        server.jobs.putSilently(job.start(CLOCK).complete("local", CLOCK)); // no notice

        assertThat(waiting.get(10, TimeUnit.SECONDS).json()).containsEntry("status", "COMPLETED");
    }
}
