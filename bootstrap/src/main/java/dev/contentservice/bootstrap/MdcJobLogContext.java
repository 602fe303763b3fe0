package dev.contentservice.bootstrap;

import dev.contentservice.application.JobLogContext;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.JobId;
import java.util.Optional;
import org.slf4j.MDC;

/** The job's identity in SLF4J's MDC ({@code jobId}, {@code eventDraftId}); closing restores what was there. */
final class MdcJobLogContext implements JobLogContext {
    static final String JOB_ID = "jobId";
    static final String EVENT_DRAFT_ID = "eventDraftId";

    @Override
    public Scope enter(JobId jobId, Optional<EventDraftId> eventDraftId) {
        String previousJob = MDC.get(JOB_ID);
        String previousDraft = MDC.get(EVENT_DRAFT_ID);
        MDC.put(JOB_ID, jobId.toString());
        eventDraftId.ifPresent(draft -> MDC.put(EVENT_DRAFT_ID, draft.value()));
        return () -> {
            restore(JOB_ID, previousJob);
            restore(EVENT_DRAFT_ID, previousDraft);
        };
    }

    private static void restore(String key, String previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }
}
