package dev.contentservice.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The life cycle of a job, and its one transition table: PENDING → PROCESSING | FAILED; PROCESSING →
 * PROCESSING (progress of single styles) | COMPLETED | FAILED; COMPLETED and FAILED are final. {@link
 * Job} moves by it, and every {@link JobRepository} writes by it (the Redis scripts are handed {@link
 * #allowedFrom} as arguments).
 */
public enum JobStatus {
    PENDING,
    PROCESSING,
    COMPLETED,
    FAILED;

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED;
    }

    /** Whether the job is still waiting for or undergoing work (the in-flight states of the dedupe rule). */
    public boolean isInFlight() {
        return !isTerminal();
    }

    /** Whether a stored job in this status may be overwritten by one in {@code next}: the table above. */
    public boolean mayBecome(JobStatus next) {
        return switch (this) {
            case PENDING -> next == PROCESSING || next == FAILED;
            case PROCESSING -> next == PROCESSING || next == COMPLETED || next == FAILED;
            case COMPLETED, FAILED -> false;
        };
    }

    /** The statuses a stored job may have for a job in {@code next} to be written over it. */
    public static Set<JobStatus> allowedFrom(JobStatus next) {
        EnumSet<JobStatus> from = EnumSet.noneOf(JobStatus.class);
        for (JobStatus status : values()) {
            if (status.mayBecome(next)) {
                from.add(status);
            }
        }
        return Collections.unmodifiableSet(from);
    }

    /** The statuses in which a draft's job blocks a new submit for that draft. */
    public static Set<JobStatus> inFlight() {
        EnumSet<JobStatus> inFlight = EnumSet.noneOf(JobStatus.class);
        for (JobStatus status : values()) {
            if (status.isInFlight()) {
                inFlight.add(status);
            }
        }
        return Collections.unmodifiableSet(inFlight);
    }
}
