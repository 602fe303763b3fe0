package dev.contentservice.domain;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Notices that a job was written (submitted, started, a style done, completed, failed), so that clients
 * waiting on a job learn of its change without polling the store. A backend provides this port together
 * with its {@link JobRepository}: every successful {@link JobRepository#submit} and {@link
 * JobRepository#update} is followed by a notice to every subscriber, in this process and, for a shared
 * store, in every other process using it.
 *
 * <p>At least once and possibly spurious: a notice says only "look again", never what changed, and may
 * come for a write that changed nothing. A backend that loses its connection may lose notices meanwhile;
 * it says so afterwards ({@link #subscribe(Consumer, Runnable)}), and whoever waits looks again then.
 */
public interface JobChanges {

    /**
     * Calls {@code listener} with the job's id after each change, until the returned subscription is
     * closed. Returns once notices are being delivered, or after a bounded wait when the backend cannot
     * be reached (it keeps trying in the background). The listener runs on the backend's thread: it must
     * be quick and must not block; an exception it throws is logged and ignored.
     */
    Subscription subscribe(Consumer<JobId> listener);

    /**
     * {@link #subscribe(Consumer)}, and {@code onGap} is called (on the backend's thread, quick and
     * non-blocking too) each time the backend is subscribed again after a time in which notices may have
     * been lost, such as a reconnect, so that the subscriber looks again at whatever it waits for, once,
     * instead of looking again periodically. A backend that never loses notices never calls it.
     */
    default Subscription subscribe(Consumer<JobId> listener, Runnable onGap) {
        return subscribe(listener);
    }

    /** A subscription; closing it stops the notices to its listener. Idempotent. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * The subscribers of one backend, for its implementation of this port: each subscription is its own
     * (one listener may subscribe twice), and a listener that throws is logged and skipped, never stopping
     * the notices to the others.
     */
    final class Listeners {
        private static final System.Logger LOG = System.getLogger(JobChanges.class.getName());

        private final List<Consumer<JobId>> subscribed = new CopyOnWriteArrayList<>();

        /** Adds the listener; closing the answer removes this subscription of it. */
        public Subscription add(Consumer<JobId> listener) {
            Objects.requireNonNull(listener, "listener must not be null");
            Consumer<JobId> own = listener::accept; // a distinct object, so that one listener may subscribe twice
            subscribed.add(own);
            return () -> subscribed.remove(own);
        }

        /** Notices the change to every listener, on the calling thread. */
        public void deliver(JobId id) {
            for (Consumer<JobId> listener : subscribed) {
                try {
                    listener.accept(id);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "a job change listener failed on job " + id, e);
                }
            }
        }
    }
}
