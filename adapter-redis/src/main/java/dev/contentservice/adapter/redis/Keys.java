package dev.contentservice.adapter.redis;

import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.ImageFileName;
import dev.contentservice.domain.JobId;

/**
 * Every Redis key this adapter reads or writes. The first four are the contract with the other services
 * (see the SPEC); the rest are this service's own and documented in {@code KEYS.md}. Draft ids and file
 * names are validated by their value types, so user input never reaches key syntax.
 */
final class Keys {
    /** The work queue: a stream whose entries carry a {@code jobId}. */
    static final String QUEUE = "content:queue";
    /** The consumer group of {@link #QUEUE} shared by every instance. */
    static final String GROUP = "content-workers";

    /**
     * The pub/sub channel on which every write of a job publishes the job's id (see {@link
     * RedisJobChanges}). Not a key: it holds nothing.
     */
    static final String JOB_CHANGES = "content:job-changes";

    /** The webhooks owed: a sorted set of job ids scored by the epoch millisecond their next step is due. */
    static final String WEBHOOKS = "content:webhooks";

    /** Lua scripts build job keys from ids with this prefix; keep them in step. */
    static final String JOB_PREFIX = "job:";

    private Keys() {}

    static String job(JobId id) {
        return JOB_PREFIX + id;
    }

    static String jobError(JobId id) {
        return JOB_PREFIX + id + ":error";
    }

    static String recommendation(EventDraftId draft) {
        return "ai:event:" + draft.value();
    }

    static String imageSet(EventDraftId draft) {
        return "content:image:" + draft.value();
    }

    static String inFlight(EventDraftId draft) {
        return "content:inflight:" + draft.value();
    }

    static String webhook(JobId id) {
        return "content:webhook:" + id;
    }

    static String file(ImageFileName name) {
        return "content:file:" + name.value();
    }
}
