package dev.contentservice.application;

import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobRepository;
import dev.contentservice.domain.StoredStyle;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The progress marks of every running job ("this style's image is stored"), written together. A job's marks
 * wait one window from its first pending mark: if the job is finished by then (its finishing step records
 * every image anyway) they are dropped without a write; otherwise they go out with the marks of every other
 * job whose window has closed, in one {@link JobRepository#recordStyles} call (one round trip on Redis). So
 * a job that finishes soon after its first styles costs no mark at all, and a job that waits on a slow
 * style has its first styles recorded within one window, before a crash could lose them. A write that fails
 * is logged and not repeated: the mark only spares a later attempt some drawing.
 */
final class ProgressMarks {
    private static final System.Logger LOG = System.getLogger(ProgressMarks.class.getName());

    private final JobRepository jobs;
    private final Executor io;
    private final ScheduledExecutorService timer;
    private final Duration window;
    private final LongSupplier nanoTime;
    /** The marks not yet written, by job, in the order their jobs' first marks came. */
    private final Map<JobId, Pending> pending = new LinkedHashMap<>();
    /** When the next scheduled flush runs (nanoTime), or {@code Long.MAX_VALUE} when none is. */
    private long nextFlush = Long.MAX_VALUE;

    private static final class Pending {
        final long due;
        final List<StoredStyle> marks = new ArrayList<>(2);

        Pending(long due) {
            this.due = due;
        }
    }

    /**
     * @param timer closes the windows; unused when {@code window} is zero (each mark is then written at once
     *     on {@code io})
     */
    ProgressMarks(JobRepository jobs, Executor io, ScheduledExecutorService timer, Duration window) {
        this(jobs, io, timer, window, System::nanoTime);
    }

    ProgressMarks(
            JobRepository jobs, Executor io, ScheduledExecutorService timer, Duration window, LongSupplier nanoTime) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.io = Objects.requireNonNull(io, "io");
        this.timer = timer;
        this.window = Objects.requireNonNull(window, "window");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        if (!window.isZero() && timer == null) {
            throw new IllegalArgumentException("timer must be given for a window of " + window);
        }
    }

    /** Records that a style's image is stored, with the write after its job's window closes. */
    void add(StoredStyle mark) {
        if (window.isZero()) {
            synchronized (this) {
                pending.computeIfAbsent(mark.jobId(), id -> new Pending(nanoTime.getAsLong()))
                        .marks
                        .add(mark);
            }
            execute(this::flush);
            return;
        }
        long due;
        boolean schedule;
        synchronized (this) {
            Pending job = pending.get(mark.jobId());
            if (job == null) {
                job = new Pending(nanoTime.getAsLong() + window.toNanos());
                pending.put(mark.jobId(), job);
            }
            job.marks.add(mark);
            due = job.due;
            schedule = nextFlush == Long.MAX_VALUE || due - nextFlush < 0;
            if (schedule) {
                nextFlush = due;
            }
        }
        if (schedule) {
            schedule(due);
        }
    }

    /** The job is finished (its images are recorded by the finishing step): its marks need no write. */
    synchronized void forget(JobId id) {
        pending.remove(id);
    }

    private void schedule(long due) {
        long delay = Math.max(0, due - nanoTime.getAsLong());
        try {
            timer.schedule(() -> execute(this::flush), delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            synchronized (this) {
                nextFlush = Long.MAX_VALUE;
            }
        }
    }

    private void execute(Runnable task) {
        try {
            io.execute(task);
        } catch (RejectedExecutionException closed) {
            synchronized (this) {
                nextFlush = Long.MAX_VALUE;
            }
        }
    }

    /** Writes the marks of every job whose window has closed, in one call; schedules the next window. */
    void flush() {
        List<StoredStyle> batch = new ArrayList<>();
        long next = Long.MAX_VALUE;
        boolean schedule = false;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
                Pending job = it.next();
                if (job.due - now <= 0) {
                    batch.addAll(job.marks);
                    it.remove();
                } else {
                    next = Math.min(next, job.due);
                }
            }
            if (next == Long.MAX_VALUE) {
                nextFlush = Long.MAX_VALUE;
            } else if (nextFlush == Long.MAX_VALUE || nextFlush - now <= 0 || next - nextFlush < 0) {
                // this is the flush that was scheduled (or none is scheduled early enough): plan the next
                nextFlush = next;
                schedule = true;
            }
        }
        if (schedule) {
            schedule(next);
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
