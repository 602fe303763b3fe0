package dev.contentservice.domain;

import static dev.contentservice.domain.contract.Fixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contentservice.domain.contract.Fixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class JobTest {
    private final Clock later = Clock.offset(CLOCK, Duration.ofSeconds(7));

    @Test
    void new_job_is_pending_and_stamped_by_the_clock() {
        Job job = Fixtures.newJob();

        assertThat(job.status()).isEqualTo(JobStatus.PENDING);
        assertThat(job.createdAt()).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
        assertThat(job.stylesDone()).isEmpty();
        assertThat(job.failure()).isEmpty();
        assertThat(job.expiresAt()).isEqualTo(job.createdAt().plus(Duration.ofHours(1)));
    }

    @Test
    void job_moves_pending_processing_completed() {
        Job done = Fixtures.newJob()
                .start(later)
                .styleDone(ImageStyle.FANCY, later)
                .complete("local", later);

        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.updatedAt()).isEqualTo(Instant.parse("2026-03-01T09:00:07Z"));
        assertThat(done.stylesDone()).containsExactlyInAnyOrder(ImageStyle.values());
        assertThat(done.generator()).contains("local");
    }

    @Test
    void job_may_fail_while_pending_or_processing() {
        JobFailure why = JobFailure.of("IMAGEGEN_TIMEOUT", "slow");

        assertThat(Fixtures.newJob().fail(why, CLOCK).failure()).contains(why);
        assertThat(Fixtures.newJob().start(CLOCK).fail(why, CLOCK).status()).isEqualTo(JobStatus.FAILED);
    }

    @Test
    void pending_job_cannot_complete_without_processing() {
        assertThatThrownBy(() -> Fixtures.newJob().complete("local", CLOCK))
                .isInstanceOf(IllegalJobTransitionException.class)
                .hasMessageContaining("PENDING")
                .hasMessageContaining("COMPLETED");
    }

    @Test
    void terminal_jobs_refuse_every_transition() {
        Job completed = Fixtures.completed(Fixtures.newJob());
        Job failed = Fixtures.newJob().fail(JobFailure.of("X", "y"), CLOCK);

        for (Job terminal : new Job[] {completed, failed}) {
            assertThatThrownBy(() -> terminal.start(CLOCK)).isInstanceOf(IllegalJobTransitionException.class);
            assertThatThrownBy(() -> terminal.complete("local", CLOCK))
                    .isInstanceOf(IllegalJobTransitionException.class);
            assertThatThrownBy(() -> terminal.fail(JobFailure.of("X", "y"), CLOCK))
                    .isInstanceOf(IllegalJobTransitionException.class);
            assertThatThrownBy(() -> terminal.styleDone(ImageStyle.SIMPLE, CLOCK))
                    .isInstanceOf(IllegalJobTransitionException.class);
        }
    }

    @Test
    void processing_job_cannot_start_again() {
        assertThatThrownBy(() -> Fixtures.newJob().start(CLOCK).start(CLOCK))
                .isInstanceOf(IllegalJobTransitionException.class);
    }

    @Test
    void failure_is_present_exactly_when_failed() {
        Job job = Fixtures.newJob();

        assertThatThrownBy(() -> new Job(
                        job.id(),
                        job.eventDraftId(),
                        JobStatus.FAILED,
                        job.createdAt(),
                        job.updatedAt(),
                        job.recommendation(),
                        Set.of(),
                        Optional.empty(),
                        Optional.empty(),
                        JobOptions.DEFAULT,
                        Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("failure");
    }

    @Test
    void recommendation_must_belong_to_the_jobs_draft() {
        Job job = Fixtures.newJob();

        assertThatThrownBy(() -> new Job(
                        job.id(),
                        EventDraftId.of("other"),
                        job.status(),
                        job.createdAt(),
                        job.updatedAt(),
                        job.recommendation(),
                        Set.of(),
                        Optional.empty(),
                        Optional.empty(),
                        JobOptions.DEFAULT,
                        Optional.empty()))
                .hasMessageContaining("eventDraftId");
    }

    @Test
    void status_rule_lets_processing_record_progress_but_never_go_back() {
        assertThat(JobStatus.PROCESSING.mayBecome(JobStatus.PROCESSING)).isTrue();
        assertThat(JobStatus.PROCESSING.mayBecome(JobStatus.PENDING)).isFalse();
        assertThat(JobStatus.PENDING.mayBecome(JobStatus.PENDING)).isFalse();
        for (JobStatus next : JobStatus.values()) {
            assertThat(JobStatus.COMPLETED.mayBecome(next)).isFalse();
            assertThat(JobStatus.FAILED.mayBecome(next)).isFalse();
        }
    }

    @Test
    void the_one_transition_table_reads_pending_to_processing_or_failed_and_processing_on_to_the_end() {
        Map<JobStatus, Set<JobStatus>> expected = Map.of(
                JobStatus.PENDING, Set.of(JobStatus.PROCESSING, JobStatus.FAILED),
                JobStatus.PROCESSING, Set.of(JobStatus.PROCESSING, JobStatus.COMPLETED, JobStatus.FAILED),
                JobStatus.COMPLETED, Set.of(),
                JobStatus.FAILED, Set.of());

        for (JobStatus from : JobStatus.values()) {
            for (JobStatus next : JobStatus.values()) {
                assertThat(from.mayBecome(next))
                        .as("%s -> %s", from, next)
                        .isEqualTo(expected.get(from).contains(next));
                assertThat(JobStatus.allowedFrom(next).contains(from))
                        .as("allowedFrom(%s) holds %s", next, from)
                        .isEqualTo(expected.get(from).contains(next));
            }
        }
        assertThat(JobStatus.inFlight()).containsExactlyInAnyOrder(JobStatus.PENDING, JobStatus.PROCESSING);
    }

    @Test
    void pending_job_may_not_be_overwritten_by_a_completed_one() {
        // regression: mayBecome (and with it update.lua) once let PENDING become COMPLETED, unlike Job
        assertThat(JobStatus.PENDING.mayBecome(JobStatus.COMPLETED)).isFalse();
        assertThat(JobStatus.allowedFrom(JobStatus.COMPLETED)).containsExactly(JobStatus.PROCESSING);
    }

    @Test
    void every_move_a_job_makes_is_one_the_table_allows() {
        Job pending = Fixtures.newJob();
        Job processing = pending.start(CLOCK);
        List<Job> jobs = List.of(
                pending,
                processing,
                processing.complete("local", CLOCK),
                processing.fail(JobFailure.of("IMAGEGEN_REJECTED", "no"), CLOCK));
        List<Function<Job, Job>> moves = List.of(
                job -> job.start(CLOCK),
                job -> job.styleDone(ImageStyle.SIMPLE, CLOCK),
                job -> job.complete("local", CLOCK),
                job -> job.fail(JobFailure.of("IMAGEGEN_TIMEOUT", "late"), CLOCK));
        int made = 0;

        for (Job job : jobs) {
            for (Function<Job, Job> move : moves) {
                Job next;
                try {
                    next = move.apply(job);
                } catch (IllegalJobTransitionException refused) {
                    continue;
                }
                made++;
                assertThat(job.status().mayBecome(next.status()))
                        .as("%s -> %s", job.status(), next.status())
                        .isTrue();
            }
        }

        // start, fail from PENDING; styleDone, complete, fail from PROCESSING; nothing from the end states
        assertThat(made).isEqualTo(5);
    }

    @Test
    void a_clock_in_another_zone_still_stamps_utc_instants() {
        Clock seoul = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.ofHours(9));

        assertThat(Job.create(JobId.random(), Fixtures.recommendation(Fixtures.uniqueDraft()), seoul)
                        .createdAt())
                .isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
    }
}
