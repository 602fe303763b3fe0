package dev.contentservice.application;

import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.JobId;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A logger that writes every line about a job inside that job's {@link JobLogContext}, whatever thread
 * writes it (the job's steps continue on store, generator and timer threads). The job is the first
 * {@link JobId} among the parameters, or the id after "job " at the start of a plain message; its draft is
 * the first {@link EventDraftId} among the parameters, else the one of the job being drawn.
 */
final class JobContextLogger implements System.Logger {
    private static final Pattern JOB_IN_MESSAGE = Pattern.compile("^job ([0-9a-fA-F-]{36})");

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
        if (!delegate.isLoggable(level)) {
            return;
        }
        Optional<JobId> job = jobIn(message);
        if (job.isEmpty()) {
            delegate.log(level, bundle, message, thrown);
            return;
        }
        try (JobLogContext.Scope scope = enter(job.get())) {
            delegate.log(level, bundle, message, thrown);
        }
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
            job = jobIn(format);
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

    private JobLogContext.Scope enter(JobId job) {
        return context.enter(job, draftOf.apply(job));
    }

    private static Optional<JobId> jobIn(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher matcher = JOB_IN_MESSAGE.matcher(message);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return JobId.parse(matcher.group(1));
    }
}
