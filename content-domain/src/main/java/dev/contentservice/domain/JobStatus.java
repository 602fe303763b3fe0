package dev.contentservice.domain;

/** The life cycle of a job: PENDING → PROCESSING → COMPLETED | FAILED, and never backwards. */
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

    /**
     * Whether a stored job in this status may be overwritten by one in {@code next}. PROCESSING may be
     * rewritten by PROCESSING (progress of single styles); terminal states are final.
     */
    public boolean mayBecome(JobStatus next) {
        return switch (this) {
            case PENDING -> next != PENDING;
            case PROCESSING -> next != PENDING;
            case COMPLETED, FAILED -> false;
        };
    }
}
