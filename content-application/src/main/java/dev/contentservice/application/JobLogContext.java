package dev.contentservice.application;

import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.JobId;
import java.util.Optional;

/**
 * Puts the identity of the job being worked on into the logging context of the current thread, so that
 * every line the job's work writes carries its {@code jobId} and {@code eventDraftId}. Bootstrap binds it
 * to SLF4J's MDC; the application itself knows no logging library.
 */
@FunctionalInterface
public interface JobLogContext {
    /** Adds nothing. */
    JobLogContext NONE = (jobId, eventDraftId) -> () -> {};

    /** Enters the job's context on this thread until the returned scope is closed (which restores the previous one). */
    Scope enter(JobId jobId, Optional<EventDraftId> eventDraftId);

    /** A context entered on one thread; closed on the same thread. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
