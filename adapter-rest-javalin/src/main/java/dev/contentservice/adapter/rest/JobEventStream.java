package dev.contentservice.adapter.rest;

import dev.contentservice.application.AwaitJobStatus;
import dev.contentservice.application.JobStatusView;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobStatus;
import dev.contentservice.domain.JobType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One client's server-sent event stream of one job: the current state first, then each step the job
 * takes, then the stream ends at COMPLETED or FAILED. Events carry ids that grow with the job's progress
 * (1 PENDING, 2 PROCESSING, 3 to 5 one per finished style, 6 the end), so a client that reconnects
 * with {@code Last-Event-ID} is first sent the current state again, the end included.
 *
 * <p>Every status read is offered (about once a second, from the re-check): older or equal states are
 * dropped, a comment is written when nothing was sent for {@link #KEEP_ALIVE_NANOS}, which also detects a
 * client that went away; a stream ends anyway after {@link #MAX_LIFETIME_NANOS}, and the client
 * reconnects.
 */
final class JobEventStream {
    static final long KEEP_ALIVE_NANOS = 15_000_000_000L;
    static final long MAX_LIFETIME_NANOS = 10 * 60 * 1_000_000_000L;
    static final int RETRY_MILLIS = 2000;

    private static final int PENDING_ID = 1;
    private static final int PROCESSING_ID = 2;
    /** After PENDING, PROCESSING and one event per style: 6 with three styles, derived so a style needs no edit. */
    private static final int FINAL_ID = PROCESSING_ID + ImageStyle.values().length + 1;

    private final OutputStream out;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final long openedAt = System.nanoTime();
    private long lastWriteAt = openedAt;
    private int lastId;
    private final Set<ImageStyle> stylesSent = EnumSet.noneOf(ImageStyle.class);

    JobEventStream(OutputStream out) {
        this.out = out;
    }

    /** Completes when the stream is over (the job ended, the client left, or the lifetime passed). */
    CompletableFuture<Void> done() {
        return done;
    }

    /** Sends whatever this status adds to what the client already has. */
    synchronized void offer(JobStatusView view) {
        if (done.isDone()) {
            return;
        }
        List<Event> events = lastId == 0 ? snapshot(view) : steps(view);
        try {
            if (lastId == 0) {
                write("retry: " + RETRY_MILLIS + "\n\n");
            }
            for (Event event : events) {
                write("id: " + event.id() + "\nevent: " + event.name() + "\ndata: "
                        + new String(Json.bytes(event.data()), StandardCharsets.UTF_8) + "\n\n");
                lastId = event.id();
            }
            long now = System.nanoTime();
            if (events.isEmpty() && now - lastWriteAt >= KEEP_ALIVE_NANOS) {
                write(": keep-alive\n\n");
            }
            if (AwaitJobStatus.isFinal(view) || now - openedAt >= MAX_LIFETIME_NANOS) {
                done.complete(null);
            }
        } catch (IOException | RuntimeException e) {
            done.complete(null); // the client went away
        }
    }

    /** The job no longer exists (its hour passed): end the stream. */
    void gone() {
        done.complete(null);
    }

    private void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
        lastWriteAt = System.nanoTime();
    }

    /** The first event of a connection: the state the job is in now. */
    private List<Event> snapshot(JobStatusView view) {
        Job job = view.job();
        stylesSent.addAll(job.stylesDone());
        if (AwaitJobStatus.isFinal(view)) {
            return List.of(finalEvent(view));
        }
        if (job.status() == JobStatus.PENDING) {
            return List.of(pending(job));
        }
        return List.of(new Event(PROCESSING_ID + stylesSent.size(), "processing", JobResponses.status(view)));
    }

    /** What happened since the last event, in order; a step a read did not see is filled in. */
    private List<Event> steps(JobStatusView view) {
        Job job = view.job();
        List<Event> events = new ArrayList<>();
        if (lastId == FINAL_ID || (job.status() == JobStatus.PENDING)) {
            return events;
        }
        boolean reachedProcessing =
                job.status() != JobStatus.FAILED || !job.stylesDone().isEmpty();
        if (lastId < PROCESSING_ID && reachedProcessing) {
            events.add(new Event(PROCESSING_ID, "processing", JobResponses.status(new JobStatusView.InProgress(job))));
        }
        // an edit re-sets one style: its styles are not drawn one by one
        for (ImageStyle style : job.type() == JobType.IMAGE_GEN ? ImageStyle.values() : new ImageStyle[0]) {
            if (job.stylesDone().contains(style) && stylesSent.add(style)) {
                events.add(new Event(
                        PROCESSING_ID + stylesSent.size(),
                        "style",
                        new JobResponses.StyleDone(
                                job.id().toString(), "PROCESSING", style.key(), JobResponses.progress(stylesSent))));
            }
        }
        if (AwaitJobStatus.isFinal(view)) {
            events.add(finalEvent(view));
        }
        return events;
    }

    private static Event pending(Job job) {
        return new Event(
                PENDING_ID,
                "pending",
                new JobResponses.Accepted(
                        job.id().toString(), "PENDING", JobResponses.IN_PROGRESS_MESSAGE, JobResponses.typeOf(job)));
    }

    private static Event finalEvent(JobStatusView view) {
        String name = view instanceof JobStatusView.Completed ? "completed" : "failed";
        return new Event(FINAL_ID, name, JobResponses.status(view));
    }

    private record Event(int id, String name, Object data) {}
}
