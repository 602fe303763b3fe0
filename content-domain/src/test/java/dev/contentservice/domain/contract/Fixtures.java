package dev.contentservice.domain.contract;

import dev.contentservice.domain.DraftImages;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.EventInfo;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobRepository;
import dev.contentservice.domain.JobStatus;
import dev.contentservice.domain.Recommendation;
import dev.contentservice.domain.SelectedRecommendation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/** Test data and helpers shared by the contract suites and the adapters' tests. */
public final class Fixtures {
    /** The clock stamped on jobs built by the fixtures (whole seconds, so every store keeps it exactly). */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);

    private static final AtomicInteger DRAFTS = new AtomicInteger();

    private Fixtures() {}

    /** A draft id no other test uses. */
    public static EventDraftId uniqueDraft() {
        return EventDraftId.of("draft-" + System.nanoTime() + "-" + DRAFTS.incrementAndGet());
    }

    /** The SPEC's example recommendation (a bakery in Gangnam), for the given draft. */
    public static Recommendation recommendation(EventDraftId draft) {
        return new Recommendation(
                draft,
                new EventInfo("해피 베이커리", "베이커리", "서울 강남구", "봄맞이 신메뉴 출시 이벤트", "아메리카노 1잔", "2026-03-01", "2026-03-15"),
                new SelectedRecommendation(
                        "딸기 크루아상 시식 이벤트",
                        "신메뉴 딸기 크루아상을 SNS에 공유하면 음료 한 잔을 드립니다",
                        List.of("봄", "딸기", "신메뉴"),
                        "20-30대 직장인",
                        "밝고 경쾌한"));
    }

    /** A recommendation with nothing but the selected recommendation's title. */
    public static Recommendation sparseRecommendation(EventDraftId draft) {
        return new Recommendation(
                draft, EventInfo.EMPTY, new SelectedRecommendation("주말 한정 이벤트", "", List.of(), "", ""));
    }

    public static Job newJob(EventDraftId draft) {
        return Job.create(JobId.random(), recommendation(draft), CLOCK);
    }

    public static Job newJob() {
        return newJob(uniqueDraft());
    }

    /** The job moved to PROCESSING. */
    public static Job started(Job job) {
        return job.start(CLOCK);
    }

    /** The job moved to COMPLETED (through PROCESSING when it is PENDING). */
    public static Job completed(Job job) {
        Job processing = job.status() == JobStatus.PENDING ? job.start(CLOCK) : job;
        return processing.complete("test", CLOCK);
    }

    /** The images as the given job made them at the fixtures' clock: no further formats, no choice. */
    public static DraftImages madeBy(JobId jobId, ImageSet images) {
        return DraftImages.made(jobId, images, CLOCK.instant());
    }

    /**
     * Writes the job's way to COMPLETED into the repository, step by step as the transition table asks
     * (PENDING → PROCESSING → COMPLETED); answers whether the last write was taken.
     */
    public static boolean storeCompleted(JobRepository jobs, Job job) {
        Job processing = job;
        if (job.status() == JobStatus.PENDING) {
            processing = job.start(CLOCK);
            jobs.update(processing);
        }
        return jobs.update(completed(processing));
    }

    public static List<ImageStyle> styles() {
        return List.of(ImageStyle.values());
    }

    /** Waits (polling every 20 ms) until the condition holds or the time is up; returns whether it held. */
    public static boolean eventually(Duration within, BooleanSupplier condition) {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
