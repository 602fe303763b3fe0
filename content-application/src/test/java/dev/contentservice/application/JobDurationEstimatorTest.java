package dev.contentservice.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.contract.Fixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class JobDurationEstimatorTest {
    private static final Instant CREATED = Instant.parse("2026-03-01T09:00:00Z");

    private static Job jobCreatedAt(Instant when) {
        return Job.create(
                JobId.random(), Fixtures.recommendation(Fixtures.uniqueDraft()), Clock.fixed(when, ZoneOffset.UTC));
    }

    private static JobDurationEstimator at(Instant now) {
        return new JobDurationEstimator(Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void nothing_known_answers_two_seconds() {
        assertThat(at(CREATED).retryAfterSeconds(jobCreatedAt(CREATED))).isEqualTo(2);
    }

    @Test
    void the_typical_duration_minus_the_job_age_is_answered() {
        JobDurationEstimator estimator = at(CREATED.plusSeconds(3));
        estimator.record(Duration.ofSeconds(6));
        estimator.record(Duration.ofSeconds(8));
        estimator.record(Duration.ofSeconds(100)); // one outlier moves the median little

        assertThat(estimator.typicalDuration()).contains(Duration.ofSeconds(8));
        assertThat(estimator.retryAfterSeconds(jobCreatedAt(CREATED))).isEqualTo(5);
    }

    @Test
    void the_answer_is_clamped_to_one_to_ten_seconds() {
        JobDurationEstimator late = at(CREATED.plusSeconds(60));
        late.record(Duration.ofSeconds(20));
        JobDurationEstimator early = at(CREATED);
        early.record(Duration.ofSeconds(40));

        assertThat(late.retryAfterSeconds(jobCreatedAt(CREATED))).isEqualTo(1);
        assertThat(early.retryAfterSeconds(jobCreatedAt(CREATED))).isEqualTo(10);
    }

    @Test
    void only_the_recent_jobs_count() {
        JobDurationEstimator estimator = at(CREATED);
        for (int i = 0; i < 100; i++) {
            estimator.record(Duration.ofSeconds(30));
        }
        for (int i = 0; i < JobDurationEstimator.SAMPLES; i++) {
            estimator.record(Duration.ofSeconds(4));
        }

        assertThat(estimator.typicalDuration()).contains(Duration.ofSeconds(4));
    }

    @Test
    void completions_reported_to_job_metrics_feed_it() {
        JobDurationEstimator estimator = at(CREATED);
        JobMetrics metrics = JobMetrics.both(JobMetrics.NONE, estimator);

        metrics.jobCompleted(Duration.ofSeconds(7));

        assertThat(estimator.typicalDuration()).contains(Duration.ofSeconds(7));
    }
}
