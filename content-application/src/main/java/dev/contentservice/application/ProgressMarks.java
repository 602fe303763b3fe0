package dev.contentservice.application;

import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobRepository;
import dev.contentservice.domain.StoredStyle;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The progress marks of every running job ("this style's image is stored"), written together: the marks
 * made within one short window go to the store in one {@link JobRepository#recordStyles} call (one round
 * trip on Redis). A mark whose job is finished before its window closes is dropped, because the finishing
 * step records the same image anyway. A write that fails is logged and not repeated: the mark only spares
 * a later attempt some drawing.
 */
final class ProgressMarks {
    private static final System.Logger LOG = System.getLogger(ProgressMarks.class.getName());

    private final JobRepository jobs;
    private final Executor io;
    private final ScheduledExecutorService timer;
    private final Duration window;
    private final Map<JobId, List<StoredStyle>> pending = new LinkedHashMap<>();
    private boolean scheduled;

    /**
     * @param timer closes the windows; unused when {@code window} is zero (each mark is then written at once
     *     on {@code io})
     */
    ProgressMarks(JobRepository jobs, Executor io, ScheduledExecutorService timer, Duration window) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.io = Objects.requireNonNull(io, "io");
        this.timer = timer;
        this.window = Objects.requireNonNull(window, "window");
        if (!window.isZero() && timer == null) {
            throw new IllegalArgumentException("timer must be given for a window of " + window);
        }
    }

    /** Records that a style's image is stored, with the next write. */
    void add(StoredStyle mark) {
        boolean schedule;
        synchronized (this) {
            pending.computeIfAbsent(mark.jobId(), id -> new ArrayList<>()).add(mark);
            schedule = !scheduled;
            scheduled = true;
        }
        if (!schedule) {
            return;
        }
        try {
            if (window.isZero()) {
                io.execute(this::flush);
            } else {
                timer.schedule(() -> runOnIo(), window.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (RejectedExecutionException closed) {
            synchronized (this) {
                scheduled = false;
            }
        }
    }

    /** The job is finished (its images are recorded by the finishing step): its marks need no write. */
    synchronized void forget(JobId id) {
        pending.remove(id);
    }

    private void runOnIo() {
        try {
            io.execute(this::flush);
        } catch (RejectedExecutionException closed) {
            synchronized (this) {
                scheduled = false;
            }
        }
    }

    void flush() {
        List<StoredStyle> batch = new ArrayList<>();
        synchronized (this) {
            pending.values().forEach(batch::addAll);
            pending.clear();
            scheduled = false;
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            jobs.recordStyles(batch);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "{0} progress marks not written (a later attempt would draw those styles again): {1}",
                    batch.size(),
                    e.toString());
        }
    }
}
