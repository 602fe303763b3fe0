package dev.contentservice.domain;

/**
 * The draft already has a job in flight that was asked for with other options (formats, webhook or
 * metadata): the request is neither merged into it nor silently answered with it. Answered with 409
 * CONTENT_010, naming the job in flight.
 */
public final class JobInFlightException extends ContentException {
    public static final String CODE = "CONTENT_010";

    private final JobId inFlight;

    public JobInFlightException(JobId inFlight) {
        super(CODE, "the draft already has job " + inFlight + " in flight with other options");
        this.inFlight = inFlight;
    }

    public JobId inFlight() {
        return inFlight;
    }
}
