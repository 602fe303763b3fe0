package dev.contentservice.adapter.rest;

import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.EventInfo;
import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageFileName;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageSetRepository;
import dev.contentservice.domain.ImageStore;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobChanges;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobRepository;
import dev.contentservice.domain.Recommendation;
import dev.contentservice.domain.RecommendationSource;
import dev.contentservice.domain.SelectedRecommendation;
import dev.contentservice.domain.StoreUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
     * Jobs in a map, with the in-flight rule of the port and its change notices; can be switched to an
     * unreachable store.
     */
    static final class Jobs implements JobRepository, JobChanges {
        private final Map<JobId, Job> jobs = new ConcurrentHashMap<>();
        private final List<Consumer<JobId>> listeners = new CopyOnWriteArrayList<>();
        private volatile boolean down;

        @Override
        public Subscription subscribe(Consumer<JobId> listener) {
            Consumer<JobId> own = listener::accept;
            listeners.add(own);
            return () -> listeners.remove(own);
        }

        private void changed(JobId id) {
            listeners.forEach(listener -> listener.accept(id));
        }

        void goDown() {
            down = true;
        }

        /** Stores the job as it is, without a notice (a lost notice). */
        void putSilently(Job job) {
            jobs.put(job.id(), job);
        }

        /** Stores the job as it is (no rule checked) and notices the change. */
        void put(Job job) {
            jobs.put(job.id(), job);
            changed(job.id());
        }

        @Override
        public synchronized void recordStyles(List<dev.contentservice.domain.StoredStyle> records) {
            requireUp();
            for (dev.contentservice.domain.StoredStyle record : records) {
                Job job = jobs.get(record.jobId());
                if (job != null && job.status() == dev.contentservice.domain.JobStatus.PROCESSING) {
                    put(job.styleDone(
                            record.style(), java.time.Clock.fixed(record.storedAt(), java.time.ZoneOffset.UTC)));
                }
            }
        }

        @Override
        public synchronized Job submit(Job candidate) {
            requireUp();
            Optional<Job> inFlight = jobs.values().stream()
                    .filter(job -> job.eventDraftId().equals(candidate.eventDraftId()))
                    .filter(job -> job.status().isInFlight())
                    .findFirst();
            if (inFlight.isPresent()) {
                return inFlight.get();
            }
            jobs.put(candidate.id(), candidate);
            changed(candidate.id());
            return candidate;
        }

        @Override
        public Optional<Job> find(JobId id) {
            requireUp();
            return Optional.ofNullable(jobs.get(id));
        }

        @Override
        public synchronized boolean update(Job next) {
            requireUp();
            Job stored = jobs.get(next.id());
            if (stored == null || !stored.status().mayBecome(next.status())) {
                return false;
            }
            jobs.put(next.id(), next);
            changed(next.id());
            return true;
        }

        private void requireUp() {
            if (down) {
                throw new StoreUnavailableException("redis at 10.0.0.7:6379 refused the connection", null);
            }
        }
    }

    static final class ImageSets implements ImageSetRepository {
        private final Map<EventDraftId, ImageSet> sets = new ConcurrentHashMap<>();

        @Override
        public void save(EventDraftId eventDraftId, ImageSet images) {
            sets.put(eventDraftId, images);
        }

        @Override
        public Optional<ImageSet> find(EventDraftId eventDraftId) {
            return Optional.ofNullable(sets.get(eventDraftId));
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
