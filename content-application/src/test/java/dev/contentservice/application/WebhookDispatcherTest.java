package dev.contentservice.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.adapter.memory.InMemoryImageSets;
import dev.contentservice.adapter.memory.InMemoryJobStore;
import dev.contentservice.adapter.memory.InMemoryWebhookOutbox;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobFailure;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobOptions;
import dev.contentservice.domain.WebhookAddressPolicy;
import dev.contentservice.domain.WebhookSender;
import dev.contentservice.domain.WebhookSigner;
import dev.contentservice.domain.WebhookTarget;
import dev.contentservice.domain.contract.Fixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher's retry schedule, on a clock the test moves: the same webhook-id on every attempt,
 * doubling waits, and attempts for at least two hours, after the job's own record is gone.
 */
class WebhookDispatcherTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    /** A clock that moves only when told. */
    static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void set(Instant value) {
            now = value;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    record Attempt(Instant at, String id, String signature, String timestamp, String body) {}

    private final MovingClock clock = new MovingClock(Instant.now());
    private final InMemoryJobStore jobs = new InMemoryJobStore(clock, Duration.ofMinutes(1));
    private final InMemoryWebhookOutbox outbox = new InMemoryWebhookOutbox(clock);
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final List<Integer> answers = new CopyOnWriteArrayList<>();
    private final WebhookSender sender = request -> {
        attempts.add(new Attempt(
                clock.instant(),
                request.headers().get("webhook-id"),
                request.headers().get("webhook-signature"),
                request.headers().get("webhook-timestamp"),
                request.body()));
        int answer = answers.isEmpty() ? 500 : answers.remove(0);
        return CompletableFuture.completedFuture(answer);
    };
    private final WebhookSettings settings = WebhookSettings.defaults(
                    Optional.of(WebhookSigner.ofSecret(SECRET)), WebhookAddressPolicy.allowingPrivate())
            .withPollEvery(Duration.ofMillis(10))
            .withJitter(() -> 0.5); // factor 1.0: the waits are exactly the schedule
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    private WebhookDispatcher dispatcher() {
        WebhookDispatcher dispatcher = new WebhookDispatcher(
                outbox,
                sender,
                new ReadJobStatus(jobs, new InMemoryImageSets(clock), clock),
                jobs,
                view -> "{\"type\":\"job.failed\",\"jobId\":\"" + view.job().id() + "\"}",
                clock,
                settings);
        opened.add(dispatcher);
        dispatcher.start();
        return dispatcher;
    }

    /** A job with a webhook, accepted and then failed, as the use cases do it. */
    private Job endedJobOwingAWebhook(WebhookDispatcher dispatcher) {
        JobOptions options = JobOptions.DEFAULT.withWebhook(
                WebhookTarget.parse("http://127.0.0.1:9/hook").orElseThrow());
        Job job = Job.create(JobId.random(), Fixtures.recommendation(Fixtures.uniqueDraft()), options, clock);
        dispatcher.owe(job);
        jobs.submit(job);
        jobs.update(job.fail(JobFailure.of(JobFailure.CANCELED, "canceled"), clock));
        return job;
    }

    private void awaitAttempts(int count) {
        assertThat(Fixtures.eventually(Duration.ofSeconds(10), () -> attempts.size() >= count))
                .as("attempt " + count)
                .isTrue();
    }

    @Test
    void a_failing_receiver_is_retried_with_the_same_id_doubling_waits_for_at_least_two_hours() {
        WebhookDispatcher dispatcher = dispatcher();
        Job job = endedJobOwingAWebhook(dispatcher);
        Instant start = clock.instant();

        awaitAttempts(1);
        // each attempt fails; move the clock to the next due time until the dispatcher gives up
        for (int n = 1; n < 40; n++) {
            int seen = n;
            boolean rescheduled = Fixtures.eventually(
                    Duration.ofSeconds(10),
                    () -> outbox.find(job.id()).map(d -> d.attempts() == seen).orElse(true));
            assertThat(rescheduled).isTrue();
            if (outbox.find(job.id()).isEmpty()) {
                break; // given up
            }
            clock.set(outbox.find(job.id()).orElseThrow().dueAt());
            awaitAttempts(n + 1);
        }

        assertThat(attempts)
                .extracting(Attempt::id)
                .containsOnly("msg_" + job.id().toString().replace("-", ""));
        assertThat(attempts)
                .extracting(Attempt::body)
                .containsOnly(attempts.get(0).body());
        WebhookSigner signer = WebhookSigner.ofSecret(SECRET);
        assertThat(attempts)
                .allMatch(a -> signer.verifies(a.id(), Long.parseLong(a.timestamp()), a.body(), a.signature()));
        List<Duration> waits = new ArrayList<>();
        for (int i = 1; i < attempts.size(); i++) {
            waits.add(Duration.between(attempts.get(i - 1).at(), attempts.get(i).at()));
        }
        assertThat(waits.subList(0, 4))
                .containsExactly(
                        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40));
        assertThat(waits).allMatch(wait -> wait.compareTo(Duration.ofMinutes(30)) <= 0);
        Duration span = Duration.between(
                attempts.get(0).at(), attempts.get(attempts.size() - 1).at());
        assertThat(span).isGreaterThanOrEqualTo(Duration.ofHours(2));
        assertThat(attempts.size()).isLessThanOrEqualTo(settings.maxAttempts());
        assertThat(jobs.find(job.id()))
                .as("the job's record expired long before")
                .isEmpty();
        assertThat(Duration.between(start, attempts.get(0).at())).isZero();
    }

    @Test
    void a_2xx_answer_ends_the_delivery() {
        answers.add(500);
        answers.add(204);
        WebhookDispatcher dispatcher = dispatcher();
        Job job = endedJobOwingAWebhook(dispatcher);
        awaitAttempts(1);
        assertThat(Fixtures.eventually(
                        Duration.ofSeconds(10),
                        () -> outbox.find(job.id()).map(d -> d.attempts() == 1).orElse(false)))
                .isTrue();

        clock.set(outbox.find(job.id()).orElseThrow().dueAt());

        awaitAttempts(2);
        assertThat(Fixtures.eventually(
                        Duration.ofSeconds(10), () -> outbox.find(job.id()).isEmpty()))
                .isTrue();
        assertThat(attempts.get(1).id()).isEqualTo(attempts.get(0).id());
    }

    @Test
    void a_job_still_running_is_looked_at_again_later_and_sent_once_it_ends() {
        WebhookDispatcher dispatcher = dispatcher();
        answers.add(200);
        JobOptions options = JobOptions.DEFAULT.withWebhook(
                WebhookTarget.parse("http://127.0.0.1:9/hook").orElseThrow());
        Job job = Job.create(JobId.random(), Fixtures.recommendation(Fixtures.uniqueDraft()), options, clock);
        dispatcher.owe(job);
        jobs.submit(job);
        clock.set(clock.instant().plus(settings.recheckEvery()));
        assertThat(Fixtures.eventually(
                        Duration.ofSeconds(10),
                        () -> outbox.find(job.id())
                                .map(d -> d.dueAt().isAfter(clock.instant()))
                                .orElse(false)))
                .as("looked at, found running, due again later")
                .isTrue();
        assertThat(attempts).isEmpty();

        jobs.update(job.start(clock).fail(JobFailure.of("IMAGEGEN_TIMEOUT", "late"), clock));

        awaitAttempts(1);
        assertThat(attempts.get(0).body()).contains(job.id().toString());
    }
}
