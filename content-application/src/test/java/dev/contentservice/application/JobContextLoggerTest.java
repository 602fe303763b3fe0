package dev.contentservice.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.JobId;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class JobContextLoggerTest {
    private final JobId job = JobId.random();
    private final EventDraftId draft = EventDraftId.of("draft-1");
    private final RecordingContext context = new RecordingContext();
    private final RecordingLogger lines = new RecordingLogger(Level.INFO);
    private final JobContextLogger log =
            new JobContextLogger(lines, context, id -> id.equals(job) ? Optional.of(draft) : Optional.empty());

    @Test
    void a_formatted_line_naming_a_job_is_written_in_the_jobs_context_with_its_draft() {
        log.log(Level.INFO, "job {0}: stored", job);

        assertThat(lines.written).containsExactly(new Line("job {0}: stored", job + "/" + draft, null));
        assertThat(context.current).isNull(); // left again after the line
    }

    @Test
    void a_draft_among_the_parameters_is_the_one_written() {
        EventDraftId other = EventDraftId.of("draft-2");

        log.log(Level.INFO, "job {0}: processing draft {1}", job, other);

        assertThat(lines.written.get(0).context()).isEqualTo(job + "/" + other);
    }

    @Test
    void a_plain_line_names_no_job_even_when_its_text_starts_with_one() {
        RuntimeException failure = new RuntimeException("boom");

        log.log(Level.ERROR, "job " + job + ": unexpected error", failure);

        assertThat(lines.written).containsExactly(new Line("job " + job + ": unexpected error", null, failure));
    }

    @Test
    void a_line_about_a_job_with_its_failure_keeps_both() {
        RuntimeException failure = new RuntimeException("boom");

        log.logAbout(Level.ERROR, job, "job " + job + ": unexpected error", failure);
        log.logAbout(Level.INFO, job, () -> "job " + job + ": COMPLETED");

        assertThat(lines.written)
                .containsExactly(
                        new Line("job " + job + ": unexpected error", job + "/" + draft, failure),
                        new Line("job " + job + ": COMPLETED", job + "/" + draft, null));
    }

    @Test
    void a_line_below_the_level_enters_no_context_and_builds_no_message() {
        log.log(Level.DEBUG, "job {0}: stored", job);
        log.logAbout(Level.DEBUG, job, () -> {
            throw new AssertionError("a message below the level is not built");
        });
        log.logAbout(Level.DEBUG, job, "job: unexpected", new RuntimeException());

        assertThat(lines.written).isEmpty();
        assertThat(context.entered).isZero();
    }

    record Line(String message, String context, Throwable thrown) {}

    /** Keeps the job and draft entered on this thread, as "job/draft". */
    static final class RecordingContext implements JobLogContext {
        String current;
        int entered;

        @Override
        public Scope enter(JobId jobId, Optional<EventDraftId> eventDraftId) {
            String previous = current;
            current = jobId + "/" + eventDraftId.map(EventDraftId::toString).orElse("-");
            entered++;
            return () -> current = previous;
        }
    }

    final class RecordingLogger implements System.Logger {
        private final Level threshold;
        final List<Line> written = new ArrayList<>();

        RecordingLogger(Level threshold) {
            this.threshold = threshold;
        }

        @Override
        public String getName() {
            return "test";
        }

        @Override
        public boolean isLoggable(Level level) {
            return level.getSeverity() >= threshold.getSeverity();
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            written.add(new Line(message, context.current, thrown));
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            written.add(new Line(format, context.current, null));
        }
    }
}
