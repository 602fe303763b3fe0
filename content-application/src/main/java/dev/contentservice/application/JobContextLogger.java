package dev.contentservice.application;

import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.JobId;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A logger that writes every line about a job inside that job's {@link JobLogContext}, whatever thread
 * writes it (the job's steps continue on store, generator and timer threads). The job is the first
 * {@link JobId} among the parameters of a formatted line, or the one {@link #logAbout} names; its draft is
 * the first {@link EventDraftId} among the parameters, else the one of the job being drawn. A plain line
 * (no parameters) names no job: it is written as it is.
 */
final class JobContextLogger implements System.Logger {
    private final System.Logger delegate;
    private final JobLogContext context;
    private final Function<JobId, Optional<EventDraftId>> draftOf;

    JobContextLogger(System.Logger delegate, JobLogContext context, Function<JobId, Optional<EventDraftId>> draftOf) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.context = Objects.requireNonNull(context, "context");
        this.draftOf = Objects.requireNonNull(draftOf, "draftOf");
    }

    @Override
    public String getName() {
        return delegate.getName();
    }

    @Override
    public boolean isLoggable(Level level) {
        return delegate.isLoggable(level);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        delegate.log(level, bundle, message, thrown);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... parameters) {
        if (!delegate.isLoggable(level)) {
            return; // a job writes several DEBUG lines: finding its context would be wasted
        }
        Optional<JobId> job = Optional.empty();
        Optional<EventDraftId> draft = Optional.empty();
        if (parameters != null) {
            for (Object parameter : parameters) {
                if (job.isEmpty() && parameter instanceof JobId id) {
                    job = Optional.of(id);
                } else if (draft.isEmpty() && parameter instanceof EventDraftId named) {
                    draft = Optional.of(named);
                }
            }
        }
        if (job.isEmpty()) {
            delegate.log(level, bundle, format, parameters);
            return;
        }
        Optional<EventDraftId> known = draft.isPresent() ? draft : draftOf.apply(job.get());
        try (JobLogContext.Scope scope = context.enter(job.get(), known)) {
            delegate.log(level, bundle, format, parameters);
        }
    }

    /**
     * A line about {@code job}, in its context, written as it is: with no parameters the line needs no
     * {@code MessageFormat} (the bridge builds one per formatted line) and the job needs no looking for.
     */
    void logAbout(Level level, JobId job, Supplier<String> message) {
        if (!delegate.isLoggable(level)) {
            return;
        }
        try (JobLogContext.Scope scope = enter(job)) {
            delegate.log(level, message.get());
        }
    }

    /** A line about {@code job} with the failure that caused it (its stack trace), in the job's context. */
    void logAbout(Level level, JobId job, String message, Throwable thrown) {
        if (!delegate.isLoggable(level)) {
            return;
        }
        try (JobLogContext.Scope scope = enter(job)) {
            delegate.log(level, message, thrown);
        }
    }

    private JobLogContext.Scope enter(JobId job) {
        return context.enter(job, draftOf.apply(job));
    }
}
