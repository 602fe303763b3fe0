package dev.contentservice.application;

import static dev.contentservice.domain.contract.Fixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contentservice.adapter.memory.InMemoryImageSets;
import dev.contentservice.adapter.memory.InMemoryJobStore;
import dev.contentservice.adapter.memory.InMemoryRecommendations;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.InvalidRecommendationException;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobFailure;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobNotFoundException;
import dev.contentservice.domain.JobStatus;
import dev.contentservice.domain.RecommendationMissingException;
import dev.contentservice.domain.contract.Fixtures;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UseCasesTest {
    private final InMemoryRecommendations recommendations = new InMemoryRecommendations();
    private final InMemoryJobStore jobs = new InMemoryJobStore(Clock.systemUTC(), Duration.ofMinutes(1));
    private final InMemoryImageSets imageSets = new InMemoryImageSets(Clock.systemUTC());
    private final AtomicInteger created = new AtomicInteger();
    private final JobMetrics counting = new JobMetrics() {
        @Override
        public void jobCreated() {
            created.incrementAndGet();
        }
    };
    private final RequestImageGeneration request = new RequestImageGeneration(recommendations, jobs, CLOCK, counting);
    private final ReadJobStatus status = new ReadJobStatus(jobs, imageSets, Clock.systemUTC());
    private final EventDraftId draft = Fixtures.uniqueDraft();

    @Test
    void request_without_recommendation_is_refused_with_content_001() {
        assertThatThrownBy(() -> request.request(draft))
                .isInstanceOf(RecommendationMissingException.class)
                .extracting(e -> ((RecommendationMissingException) e).code())
                .isEqualTo("CONTENT_001");
        assertThat(created).hasValue(0);
    }

    @Test
    void request_with_an_unusable_recommendation_is_refused_with_content_003() {
        RequestImageGeneration broken = new RequestImageGeneration(
                id -> {
                    throw new InvalidRecommendationException("not JSON");
                },
                jobs,
                CLOCK,
                counting);

        assertThatThrownBy(() -> broken.request(draft)).isInstanceOf(InvalidRecommendationException.class);
    }

    @Test
    void request_snapshots_the_recommendation_into_a_pending_queued_job() throws Exception {
        recommendations.put(Fixtures.recommendation(draft));

        RequestImageGeneration.Submission submission = request.request(draft);

        Job job = submission.job();
        assertThat(submission.created()).isTrue();
        assertThat(job.status()).isEqualTo(JobStatus.PENDING);
        assertThat(job.recommendation()).isEqualTo(Fixtures.recommendation(draft));
        assertThat(jobs.find(job.id())).contains(job);
        assertThat(jobs.claim(Duration.ofSeconds(1)))
                .map(claim -> claim.jobId())
                .contains(job.id());
        assertThat(created).hasValue(1);
    }

    @Test
    void second_request_while_in_flight_answers_the_same_job() {
        recommendations.put(Fixtures.recommendation(draft));
        Job first = request.request(draft).job();

        RequestImageGeneration.Submission second = request.request(draft);

        assertThat(second.created()).isFalse();
        assertThat(second.job().id()).isEqualTo(first.id());
        assertThat(created).hasValue(1);
    }

    @Test
    void request_after_the_job_ended_regenerates() {
        recommendations.put(Fixtures.recommendation(draft));
        Job first = request.request(draft).job();
        Fixtures.storeCompleted(jobs, first);

        RequestImageGeneration.Submission again = request.request(draft);

        assertThat(again.created()).isTrue();
        assertThat(again.job().id()).isNotEqualTo(first.id());
    }

    @Test
    void malformed_or_unknown_job_ids_are_not_found() {
        for (String raw : new String[] {"nope", "", "../../etc", JobId.random().toString()}) {
            assertThatThrownBy(() -> status.read(raw)).as(raw).isInstanceOf(JobNotFoundException.class);
        }
    }

    @Test
    void pending_and_processing_jobs_are_in_progress() {
        Job job = jobs.submit(Fixtures.newJob(draft));
        assertThat(status.read(job.id().toString())).isInstanceOf(JobStatusView.InProgress.class);

        jobs.update(job.start(CLOCK));

        assertThat(status.read(job.id())).isInstanceOf(JobStatusView.InProgress.class);
    }

    @Test
    void completed_job_lists_the_image_set_of_its_draft() {
        Job job = jobs.submit(Fixtures.newJob(draft));
        ImageSet images = ImageSet.of("s", "f", "t");
        imageSets.save(draft, Fixtures.madeBy(job.id(), images));
        Fixtures.storeCompleted(jobs, job);

        JobStatusView view = status.read(job.id());

        assertThat(view)
                .isInstanceOfSatisfying(
                        JobStatusView.Completed.class,
                        done -> assertThat(done.images()).isEqualTo(images));
    }

    @Test
    void completed_job_whose_images_are_gone_reads_as_failed_with_images_missing() {
        Job job = jobs.submit(Fixtures.newJob(draft));
        Fixtures.storeCompleted(jobs, job);

        JobStatusView view = status.read(job.id());

        assertThat(view)
                .isInstanceOfSatisfying(
                        JobStatusView.Failed.class,
                        failed -> assertThat(failed.failure().code()).isEqualTo(JobFailure.IMAGES_MISSING));
    }

    @Test
    void a_finished_job_is_read_from_the_store_once_until_its_ttl_ends() {
        AtomicInteger finds = new AtomicInteger();
        dev.contentservice.domain.JobRepository counting = new dev.contentservice.domain.JobRepository() {
            @Override
            public Job submit(Job candidate) {
                return jobs.submit(candidate);
            }

            @Override
            public java.util.Optional<Job> find(JobId id) {
                finds.incrementAndGet();
                return jobs.find(id);
            }

            @Override
            public boolean update(Job next) {
                return jobs.update(next);
            }

            @Override
            public void recordStyles(java.util.List<dev.contentservice.domain.StoredStyle> records) {
                jobs.recordStyles(records);
            }
        };
        java.util.concurrent.atomic.AtomicReference<java.time.Instant> now =
                new java.util.concurrent.atomic.AtomicReference<>(CLOCK.instant());
        Clock movable = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return now.get();
            }
        };
        ReadJobStatus remembering = new ReadJobStatus(counting, imageSets, movable);
        Job running = jobs.submit(Fixtures.newJob(draft));
        imageSets.save(draft, Fixtures.madeBy(running.id(), ImageSet.of("s", "f", "t")));

        remembering.read(running.id());
        remembering.read(running.id());
        assertThat(finds).as("a running job is read every time").hasValue(2);

        Fixtures.storeCompleted(jobs, running);
        remembering.read(running.id());
        remembering.read(running.id());
        remembering.read(running.id());
        assertThat(finds).as("a finished job is read once").hasValue(3);

        now.set(running.expiresAt());
        remembering.read(running.id());
        assertThat(finds).as("after its TTL the store decides again").hasValue(4);
    }

    @Test
    void failed_job_shows_its_stored_failure() {
        Job job = jobs.submit(Fixtures.newJob(draft));
        jobs.update(job.start(CLOCK).fail(JobFailure.of("IMAGEGEN_REJECTED", "content policy"), CLOCK));

        JobStatusView view = status.read(job.id());

        assertThat(view)
                .isInstanceOfSatisfying(
                        JobStatusView.Failed.class,
                        failed -> assertThat(failed.failure())
                                .isEqualTo(JobFailure.of("IMAGEGEN_REJECTED", "content policy")));
    }
}
