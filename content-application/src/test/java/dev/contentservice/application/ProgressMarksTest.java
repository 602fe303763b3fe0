package dev.contentservice.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobRepository;
import dev.contentservice.domain.StoredStyle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The progress marks' batching, on a ticker of the test's own: the window is an hour of real time, so the
 * timer never fires during a test and every flush here is the test's call.
 */
class ProgressMarksTest {
    private static final Duration WINDOW = Duration.ofHours(1);
    private static final Executor DIRECT = Runnable::run;

    private final AtomicLong ticker = new AtomicLong(1_000);
    private final List<List<StoredStyle>> writes = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ProgressMarks marks = new ProgressMarks(recording(), DIRECT, timer, WINDOW, ticker::get);

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void a_job_finished_within_its_window_costs_no_write() {
        JobId job = JobId.random();
        marks.add(mark(job, ImageStyle.SIMPLE));
        marks.add(mark(job, ImageStyle.FANCY));

        marks.forget(job); // its finishing step recorded every image
        ticker.addAndGet(WINDOW.toNanos());
        marks.flush();

        assertThat(writes).isEmpty();
    }

    @Test
    void a_job_still_running_when_its_window_closes_has_its_marks_written() {
        JobId job = JobId.random();
        marks.add(mark(job, ImageStyle.SIMPLE));

        ticker.addAndGet(WINDOW.toNanos());
        marks.flush();

        assertThat(writes).containsExactly(List.of(mark(job, ImageStyle.SIMPLE)));
    }

    @Test
    void a_mark_is_not_written_before_its_jobs_window_closes() {
        JobId early = JobId.random();
        JobId late = JobId.random();
        marks.add(mark(early, ImageStyle.SIMPLE));
        ticker.addAndGet(WINDOW.toNanos() / 2);
        marks.add(mark(late, ImageStyle.TRENDY));

        ticker.addAndGet(WINDOW.toNanos() / 2);
        marks.flush();
        assertThat(writes).containsExactly(List.of(mark(early, ImageStyle.SIMPLE)));

        ticker.addAndGet(WINDOW.toNanos() / 2);
        marks.flush();
        assertThat(writes)
                .containsExactly(List.of(mark(early, ImageStyle.SIMPLE)), List.of(mark(late, ImageStyle.TRENDY)));
    }

    @Test
    void the_marks_of_every_job_whose_window_closed_go_out_in_one_write() {
        JobId one = JobId.random();
        JobId two = JobId.random();
        marks.add(mark(one, ImageStyle.SIMPLE));
        marks.add(mark(two, ImageStyle.FANCY));
        marks.add(mark(one, ImageStyle.TRENDY)); // joins its job's window, does not open a new one

        ticker.addAndGet(WINDOW.toNanos());
        marks.flush();

        assertThat(writes)
                .containsExactly(List.of(
                        mark(one, ImageStyle.SIMPLE), mark(one, ImageStyle.TRENDY), mark(two, ImageStyle.FANCY)));
    }

    @Test
    void without_a_window_each_mark_is_written_at_once() {
        ProgressMarks atOnce = new ProgressMarks(recording(), DIRECT, null, Duration.ZERO, ticker::get);
        JobId job = JobId.random();

        atOnce.add(mark(job, ImageStyle.SIMPLE));

        assertThat(writes).containsExactly(List.of(mark(job, ImageStyle.SIMPLE)));
    }

    private static StoredStyle mark(JobId job, ImageStyle style) {
        return new StoredStyle(
                job,
                style,
                "http://img/" + job + "-" + style.key() + ".png",
                "now",
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    private JobRepository recording() {
        return new JobRepository() {
            @Override
            public Job submit(Job candidate) {
                throw new UnsupportedOperationException("not used by the marks");
            }

            @Override
            public Optional<Job> find(JobId id) {
                throw new UnsupportedOperationException("not used by the marks");
            }

            @Override
            public boolean update(Job next) {
                throw new UnsupportedOperationException("not used by the marks");
            }

            @Override
            public void recordStyles(List<StoredStyle> records) {
                writes.add(List.copyOf(records));
            }
        };
    }
}
