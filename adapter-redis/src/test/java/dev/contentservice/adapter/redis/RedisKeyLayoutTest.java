package dev.contentservice.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contentservice.domain.DraftImages;
import dev.contentservice.domain.EditableText;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageEdit;
import dev.contentservice.domain.ImageFileName;
import dev.contentservice.domain.ImageFormat;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobFailure;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobQueue.Claim;
import dev.contentservice.domain.PosterFormat;
import dev.contentservice.domain.contract.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** What other services see in Redis: the SPEC's keys, hashes and fields, and a TTL on every key written. */
class RedisKeyLayoutTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private RedisBackend backend;
    private RedisClient inspect;

    @BeforeEach
    void open() {
        backend = RedisBackend.open(REDIS.settings());
        inspect = RedisClient.create(REDIS.url());
    }

    @AfterEach
    void close() {
        backend.close();
        inspect.close();
    }

    @Test
    void job_hash_holds_the_spec_fields_and_lives_one_hour() {
        Job job = backend.jobRepository().submit(Fixtures.newJob());

        Map<String, String> hash = inspect.hgetAll("job:" + job.id());

        assertThat(inspect.type("job:" + job.id())).isEqualTo("hash");
        assertThat(hash)
                .containsEntry("status", "PENDING")
                .containsEntry("eventDraftId", job.eventDraftId().value())
                .containsEntry("type", "IMAGE_GEN")
                .containsEntry("createdAt", "2026-03-01T09:00:00Z")
                .containsKeys("updatedAt", "recommendation", "attempts");
        assertThat(Instant.parse(hash.get("createdAt"))).isEqualTo(job.createdAt());
        assertThat(hash.get("recommendation")).contains("딸기 크루아상 시식 이벤트");
        assertThat(inspect.pttl("job:" + job.id())).isBetween(Job.TTL.toMillis() - 5_000, Job.TTL.toMillis());
    }

    @Test
    void an_edit_job_hash_has_type_image_edit_and_its_edit_as_json() throws Exception {
        ImageEdit edit = new ImageEdit(ImageStyle.FANCY, Map.of(EditableText.HEADLINE, "봄 특가"), Optional.empty());
        Job job = backend.jobRepository()
                .submit(Job.edit(
                        JobId.random(), Fixtures.recommendation(Fixtures.uniqueDraft()), edit, Fixtures.CLOCK));

        Map<String, String> hash = inspect.hgetAll("job:" + job.id());

        assertThat(hash).containsEntry("type", "IMAGE_EDIT").containsEntry("status", "PENDING");
        assertThat(new ObjectMapper().readTree(hash.get("edit")))
                .isEqualTo(new ObjectMapper().readTree("{\"style\":\"fancy\",\"text\":{\"headline\":\"봄 특가\"}}"));
    }

    @Test
    void failed_job_has_its_error_string_with_the_job_remaining_ttl() {
        Job job = backend.jobRepository().submit(Fixtures.newJob());
        inspect.pexpire("job:" + job.id(), Duration.ofMinutes(30).toMillis());

        backend.jobRepository()
                .update(job.start(Fixtures.CLOCK)
                        .fail(
                                JobFailure.of("IMAGEGEN_TIMEOUT", "the images were not ready within 300 seconds"),
                                Fixtures.CLOCK));

        assertThat(inspect.hget("job:" + job.id(), "status")).isEqualTo("FAILED");
        assertThat(inspect.hget("job:" + job.id(), "errorCode")).isEqualTo("IMAGEGEN_TIMEOUT");
        assertThat(inspect.type("job:" + job.id() + ":error")).isEqualTo("string");
        assertThat(inspect.get("job:" + job.id() + ":error")).isEqualTo("the images were not ready within 300 seconds");
        long errorTtl = inspect.pttl("job:" + job.id() + ":error");
        assertThat(errorTtl)
                .isPositive()
                .isLessThanOrEqualTo(Duration.ofMinutes(30).toMillis());
        assertThat(inspect.pttl("job:" + job.id())).isBetween(errorTtl - 1_000, errorTtl + 1_000);
    }

    @Test
    void update_keeps_the_job_ttl() {
        Job job = backend.jobRepository().submit(Fixtures.newJob());
        inspect.pexpire("job:" + job.id(), 600_000);

        Fixtures.storeCompleted(backend.jobRepository(), job);

        assertThat(inspect.pttl("job:" + job.id())).isBetween(590_000L, 600_000L);
        assertThat(inspect.hget("job:" + job.id(), "generator")).isEqualTo("test");
        assertThat(inspect.hget("job:" + job.id(), "stylesDone")).isEqualTo("simple,fancy,trendy");
    }

    @Test
    void image_set_is_a_hash_of_three_urls_with_the_given_ttl() {
        EventDraftId draft = Fixtures.uniqueDraft();
        JobId jobId = JobId.random();

        backend.imageSetRepository()
                .save(
                        draft,
                        DraftImages.made(
                                jobId,
                                ImageSet.of("http://x/s.png", "http://x/f.png", "http://x/t.png"),
                                Instant.parse("2026-03-01T09:00:00Z")));

        assertThat(inspect.type("content:image:" + draft.value())).isEqualTo("hash");
        assertThat(inspect.hgetAll("content:image:" + draft.value()))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "simple", "http://x/s.png",
                        "fancy", "http://x/f.png",
                        "trendy", "http://x/t.png",
                        "jobId", jobId.toString(),
                        "createdAt", "2026-03-01T09:00:00Z"));
        assertThat(inspect.pttl("content:image:" + draft.value()))
                .isBetween(ImageSet.TTL.toMillis() - 5_000, ImageSet.TTL.toMillis());
    }

    @Test
    void further_formats_are_fields_named_format_colon_style() {
        EventDraftId draft = Fixtures.uniqueDraft();
        ImageSet square = ImageSet.of("http://x/s.png", "http://x/f.png", "http://x/t.png");
        ImageSet story = ImageSet.of("http://x/s-story.png", "http://x/f-story.png", "http://x/t-story.png");

        backend.imageSetRepository()
                .save(
                        draft,
                        DraftImages.made(JobId.random(), square, Instant.parse("2026-03-01T09:00:00Z"))
                                .withFormats(Map.of(PosterFormat.SQUARE, square, PosterFormat.STORY, story)));

        String key = "content:image:" + draft.value();
        assertThat(inspect.hget(key, "story:fancy")).isEqualTo("http://x/f-story.png");
        assertThat(inspect.hget(key, "square:trendy")).isEqualTo("http://x/t.png");
        assertThat(inspect.hget(key, "fancy")).isEqualTo("http://x/f.png");
    }

    @Test
    void the_owners_choice_is_field_selected_and_leaves_the_ttl_alone() {
        EventDraftId draft = Fixtures.uniqueDraft();
        String key = "content:image:" + draft.value();
        backend.imageSetRepository()
                .save(
                        draft,
                        DraftImages.made(
                                JobId.random(), ImageSet.of("a", "b", "c"), Instant.parse("2026-03-01T09:00:00Z")));
        inspect.pexpire(key, 100_000);

        backend.imageSetRepository().select(draft, ImageStyle.FANCY);

        assertThat(inspect.hget(key, "selected")).isEqualTo("fancy");
        assertThat(inspect.pttl(key)).isPositive().isLessThanOrEqualTo(100_000L);
    }

    @Test
    void a_set_holding_only_the_seeds_three_fields_still_gives_its_urls() {
        EventDraftId draft = Fixtures.uniqueDraft();
        String key = "content:image:" + draft.value();
        inspect.hset(key, Map.of("simple", "a", "fancy", "b", "trendy", "c"));

        assertThat(backend.imageSetRepository().find(draft)).contains(ImageSet.of("a", "b", "c"));
        assertThat(backend.imageSetRepository().latest(draft)).isEmpty();
    }

    @Test
    void in_flight_mark_lives_as_long_as_the_job_and_is_cleared_when_it_ends() {
        Job job = backend.jobRepository().submit(Fixtures.newJob());
        String mark = "content:inflight:" + job.eventDraftId().value();

        assertThat(inspect.get(mark)).isEqualTo(job.id().toString());
        assertThat(inspect.pttl(mark)).isPositive().isLessThanOrEqualTo(Job.TTL.toMillis());

        Fixtures.storeCompleted(backend.jobRepository(), job);

        assertThat(inspect.exists(mark)).isFalse();
    }

    @Test
    void a_mark_left_behind_by_a_finished_job_does_not_block_a_new_submit() {
        Job first = backend.jobRepository().submit(Fixtures.newJob());
        Fixtures.storeCompleted(backend.jobRepository(), first);
        inspect.set(
                "content:inflight:" + first.eventDraftId().value(), first.id().toString());
        Job second = Fixtures.newJob(first.eventDraftId());

        assertThat(backend.jobRepository().submit(second).id()).isEqualTo(second.id());
    }

    @Test
    void a_mark_of_one_job_is_not_cleared_by_another_job_of_the_draft() {
        Job old = backend.jobRepository().submit(Fixtures.newJob());
        Fixtures.storeCompleted(backend.jobRepository(), old);
        Job current = backend.jobRepository().submit(Fixtures.newJob(old.eventDraftId()));
        String mark = "content:inflight:" + old.eventDraftId().value();

        // a late duplicate worker of the old job fails it: nothing written, the new mark stays
        backend.jobRepository().update(old.start(Fixtures.CLOCK).fail(JobFailure.of("X", "late"), Fixtures.CLOCK));

        assertThat(inspect.get(mark)).isEqualTo(current.id().toString());
    }

    @Test
    void hosted_image_is_a_hash_of_type_and_bytes_with_the_given_ttl() {
        ImageFileName name = ImageFileName.of(Fixtures.newJob().id(), ImageStyle.SIMPLE, ImageFormat.PNG);

        backend.imageStore().put(name, new GeneratedImage(new byte[] {1, 2, 3}, "image/png", "local"));

        String key = "content:file:" + name.value();
        assertThat(inspect.type(key)).isEqualTo("hash");
        assertThat(inspect.hget(key, "type")).isEqualTo("image/png");
        assertThat(inspect.pttl(key)).isBetween(ImageSet.TTL.toMillis() - 5_000, ImageSet.TTL.toMillis());
    }

    @Test
    void every_key_written_in_a_job_life_has_a_ttl_and_finished_queue_entries_are_deleted() throws Exception {
        Job done = backend.jobRepository().submit(Fixtures.newJob());
        Job failed = backend.jobRepository().submit(Fixtures.newJob());
        Job waiting = backend.jobRepository().submit(Fixtures.newJob());
        for (Job job : List.of(done, failed)) {
            Claim claim = backend.jobQueue().claim(Duration.ofSeconds(2)).orElseThrow();
            backend.jobQueue().renew(claim);
            if (claim.jobId().equals(done.id())) {
                Fixtures.storeCompleted(backend.jobRepository(), job);
            } else {
                backend.jobRepository().update(job.fail(JobFailure.of("IMAGEGEN_REJECTED", "refused"), Fixtures.CLOCK));
            }
            backend.jobQueue().complete(claim);
        }
        Claim released = backend.jobQueue().claim(Duration.ofSeconds(2)).orElseThrow();
        backend.jobQueue().release(released);
        backend.imageSetRepository()
                .save(
                        done.eventDraftId(),
                        DraftImages.made(done.id(), ImageSet.of("a", "b", "c"), Fixtures.CLOCK.instant()));
        backend.imageStore()
                .put(
                        ImageFileName.of(done.id(), ImageStyle.FANCY, ImageFormat.WEBP),
                        new GeneratedImage(new byte[] {9}, "image/webp", "local"));

        Set<String> keys = allKeys();

        assertThat(keys)
                .contains(
                        "job:" + done.id(),
                        "job:" + failed.id(),
                        "job:" + failed.id() + ":error",
                        "job:" + waiting.id(),
                        "content:inflight:" + waiting.eventDraftId().value(),
                        "content:queue",
                        "content:image:" + done.eventDraftId().value());
        for (String key : keys) {
            assertThat(inspect.pttl(key)).as("PTTL of %s", key).isPositive();
        }
        assertThat(inspect.xlen("content:queue"))
                .as("entries left: the waiting job only")
                .isEqualTo(1);
    }

    private Set<String> allKeys() {
        Set<String> keys = new HashSet<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = inspect.scan(cursor, new ScanParams().count(100));
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }
}
