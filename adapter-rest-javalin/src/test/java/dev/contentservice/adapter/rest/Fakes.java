package dev.contentservice.adapter.rest;

import dev.contentservice.adapter.memory.InMemoryJobStore;
import dev.contentservice.domain.DraftImages;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.EventInfo;
import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageFileName;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageSetRepository;
import dev.contentservice.domain.ImageStore;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobChanges;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobRepository;
import dev.contentservice.domain.JobStatus;
import dev.contentservice.domain.Recommendation;
import dev.contentservice.domain.RecommendationSource;
import dev.contentservice.domain.SelectedRecommendation;
import dev.contentservice.domain.StoreUnavailableException;
import dev.contentservice.domain.contract.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Small in-process stand-ins for the ports the REST adapter reaches through the use cases. */
final class Fakes {
    private Fakes() {}

    static Recommendation recommendation(String draft) {
        return new Recommendation(
                EventDraftId.of(draft),
                new EventInfo("해피 베이커리", "베이커리", "서울 강남구", "봄맞이 신메뉴 출시 이벤트", "아메리카노 1잔", "2026-03-01", "2026-03-15"),
                new SelectedRecommendation(
                        "딸기 크루아상 시식 이벤트", "신메뉴 딸기 크루아상", List.of("봄", "딸기"), "20-30대 직장인", "밝고 경쾌한"));
    }

    /** Recommendations by draft; a draft may instead be set to fail with a given exception. */
    static final class Recommendations implements RecommendationSource {
        private final Map<EventDraftId, Recommendation> stored = new ConcurrentHashMap<>();
        private final Map<EventDraftId, RuntimeException> failures = new ConcurrentHashMap<>();

        void store(String draft) {
            stored.put(EventDraftId.of(draft), recommendation(draft));
        }

        void failWith(String draft, RuntimeException failure) {
            failures.put(EventDraftId.of(draft), failure);
        }

        @Override
        public Optional<Recommendation> find(EventDraftId eventDraftId) {
            RuntimeException failure = failures.get(eventDraftId);
            if (failure != null) {
                throw failure;
            }
            return Optional.ofNullable(stored.get(eventDraftId));
        }
    }

    /**
     * The in-memory job store (which passes the {@code JobRepository} contract, as this wrapper does: see
     * {@code FakeJobsContractTest}) with two switches for tests: an unreachable store, and lost notices.
     */
    static final class Jobs implements JobRepository, JobChanges {
        private final MovableClock clock = new MovableClock(Instant.now());
        private final InMemoryJobStore store = new InMemoryJobStore(clock, Duration.ofMinutes(1));
        private volatile boolean down;
        private volatile boolean deaf;

        private final List<Runnable> gaps = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public Subscription subscribe(Consumer<JobId> listener) {
            return store.subscribe(id -> {
                if (!deaf) {
                    listener.accept(id);
                }
            });
        }

        @Override
        public Subscription subscribe(Consumer<JobId> listener, Runnable onGap) {
            gaps.add(onGap);
            Subscription notices = subscribe(listener);
            return () -> {
                gaps.remove(onGap);
                notices.close();
            };
        }

        /** Tells the subscribers that notices may have been lost (as a backend does after a reconnect). */
        void gap() {
            gaps.forEach(Runnable::run);
        }

        void goDown() {
            down = true;
        }

        /** Lets time pass for the stored jobs (their TTL). */
        void letTimePass(Duration duration) {
            clock.advance(duration);
        }

        /** Stores the job as {@link #put} does, without a notice (a lost notice). */
        synchronized void putSilently(Job job) {
            deaf = true;
            try {
                put(job);
            } finally {
                deaf = false;
            }
        }

        /**
         * Stores the job in whatever status it is, through the store's rules: submitted as PENDING, then
         * moved on by allowed writes. Its draft must have no other job in flight.
         */
        synchronized void put(Job job) {
            Optional<Job> stored = store.find(job.id());
            if (stored.isEmpty()
                    && !store.submit(as(job, JobStatus.PENDING)).id().equals(job.id())) {
                throw new IllegalStateException("draft " + job.eventDraftId() + " has another job in flight");
            }
            if (job.status() == JobStatus.COMPLETED) {
                store.update(as(job, JobStatus.PROCESSING)); // COMPLETED only follows PROCESSING
            }
            if (job.status() != JobStatus.PENDING && !store.update(job)) {
                throw new IllegalStateException("the store refused " + job.status() + " for job " + job.id());
            }
        }

        /** The job in an earlier status of its life, with nothing done yet. */
        private static Job as(Job job, JobStatus status) {
            return new Job(
                    job.id(),
                    job.eventDraftId(),
                    status,
                    job.createdAt(),
                    job.createdAt(),
                    job.recommendation(),
                    Set.of(),
                    Optional.empty(),
                    Optional.empty(),
                    job.options(),
                    job.edit());
        }

        @Override
        public void recordStyles(List<dev.contentservice.domain.StoredStyle> records) {
            requireUp();
            store.recordStyles(records);
        }

        @Override
        public Job submit(Job candidate) {
            requireUp();
            return store.submit(candidate);
        }

        @Override
        public Optional<Job> find(JobId id) {
            requireUp();
            return store.find(id);
        }

        @Override
        public boolean update(Job next) {
            requireUp();
            return store.update(next);
        }

        private void requireUp() {
            if (down) {
                throw new StoreUnavailableException("redis at 10.0.0.7:6379 refused the connection", null);
            }
        }
    }

    static final class ImageSets implements ImageSetRepository {
        private final Map<EventDraftId, DraftImages> sets = new ConcurrentHashMap<>();
        private volatile boolean down;

        /** From now on every call fails as an unreachable store. */
        void goDown() {
            down = true;
        }

        @Override
        public void save(EventDraftId eventDraftId, DraftImages images) {
            requireUp();
            sets.put(eventDraftId, images);
        }

        @Override
        public Optional<ImageSet> find(EventDraftId eventDraftId) {
            return latest(eventDraftId).map(DraftImages::images);
        }

        @Override
        public Optional<DraftImages> latest(EventDraftId eventDraftId) {
            requireUp();
            return Optional.ofNullable(sets.get(eventDraftId));
        }

        @Override
        public Optional<DraftImages> select(EventDraftId eventDraftId, ImageStyle style) {
            requireUp();
            return Optional.ofNullable(sets.computeIfPresent(eventDraftId, (draft, set) -> set.withSelected(style)));
        }

        @Override
        public Optional<DraftImages> restyle(
                EventDraftId eventDraftId,
                JobId madeBy,
                ImageStyle style,
                Map<dev.contentservice.domain.PosterFormat, String> urls,
                Instant editedAt) {
            requireUp();
            return Optional.ofNullable(sets.computeIfPresent(
                            eventDraftId,
                            (draft, set) -> set.jobId().equals(madeBy) ? set.restyled(style, urls, editedAt) : set))
                    .filter(set -> set.jobId().equals(madeBy));
        }

        private void requireUp() {
            if (down) {
                throw new StoreUnavailableException("redis at 10.0.0.7:6379 refused the connection", null);
            }
        }
    }

    static final class Images implements ImageStore {
        private final Map<ImageFileName, StoredImage> images = new ConcurrentHashMap<>();

        @Override
        public void put(ImageFileName name, GeneratedImage image) {
            images.put(name, new StoredImage(image.bytes(), image.mediaType()));
        }

        @Override
        public Optional<StoredImage> get(ImageFileName name) {
            return Optional.ofNullable(images.get(name));
        }
    }
}
