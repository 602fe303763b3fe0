package dev.contentservice.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.InvalidRecommendationException;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobOptions;
import dev.contentservice.domain.JobRepository;
import dev.contentservice.domain.NewJob;
import dev.contentservice.domain.Recommendation;
import dev.contentservice.domain.RecommendationMissingException;
import dev.contentservice.domain.StoreUnavailableException;
import dev.contentservice.domain.contract.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.RedisClient;

/**
 * A submit on the backend's own recommendations reads the AI record and judges it inside submit.lua, in one
 * round trip: it must judge every record as {@link RecommendationJson} does, and leave nothing behind for one
 * it refuses.
 */
class OneStepSubmitTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final AtomicInteger DRAFTS = new AtomicInteger();

    private RedisBackend backend;
    private JobRepository jobs;
    private RedisClient ai;

    @BeforeEach
    void open() {
        backend = RedisBackend.open(REDIS.settings());
        jobs = backend.jobRepository();
        ai = RedisClient.create(REDIS.url());
    }

    @AfterEach
    void close() {
        backend.close();
        ai.close();
    }

    @Test
    void random_records_are_judged_as_the_reader_judges_them_in_one_round_trip() throws InterruptedException {
        EventDraftId first = draft();
        viaSubmit(first, RecommendationJson.write(Fixtures.recommendation(first))); // loads the script
        RandomRecords records = new RandomRecords(30);
        int submits = 2_000;
        int valid = 0;
        List<String> sent;

        try (CommandMonitor monitor = new CommandMonitor(REDIS.port())) {
            monitor.commandsSent();
            for (int i = 0; i < submits; i++) {
                String json = records.next();
                EventDraftId draft = draft();
                Object expected = viaReader(draft, json);
                ai.set(Keys.recommendation(draft), json);
                assertThat(submitted(newJob(draft))).as(json).isEqualTo(expected);
                if (expected instanceof Recommendation) {
                    valid++;
                }
            }
            sent = monitor.commandsSent();
        }

        assertThat(valid).as("records with a title among the random ones").isGreaterThan(200);
        Map<String, Long> byCommand = sent.stream().collect(Collectors.groupingBy(c -> c, Collectors.counting()));
        assertThat(byCommand)
                .as("per submit one script and nothing else (the AI's SET aside): no read, no withdrawal")
                .isEqualTo(Map.of("set", (long) submits, "evalsha", (long) submits));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"eventInfo\": {\"title\": \"봄\"}}",
                "{\"selectedRecommendation\": {\"title\": 2026}}",
                "{\"selectedRecommendation\": {\"title\": false}}",
                "  \n{\"eventInfo\": {\"title\": \"봄\"}}\n",
                "{\"eventInfo\": {\"title\": \"\\u3000\\u2003\\t\"}}",
                "{\"eventInfo\": {\"title\": \"\u3000\u205f\u0085\"}}",
                "{\"eventInfo\": {\"title\": \"\\u00a0\"}}",
                "{\"eventInfo\": {\"title\": \"\\u200b\"}}",
                "{\"eventInfo\": {\"title\": \"\\u2007\\u202f\"}}",
                "{\"eventInfo\": {\"title\": \"\\u3000\\u20ac\"}}",
                "{\"eventInfo\": {\"title\": \"\\u1680\\u1200\"}}",
                "{\"eventInfo\": {\"title\": \"\\u0085\\u00c0\"}}",
                "{\"eventInfo\": {\"title\": \"\\u0085\\u2029\\u205f\\u1680 \"}}",
                "{\"eventInfo\": {\"title\": \"\\u0000\\u001f\\u007f\"}}",
                "{\"eventInfo\": {\"title\": \"봄\"}, \"eventInfo\": {\"title\": null}}",
                "{\"eventInfo\": {\"title\": null}, \"eventInfo\": {\"title\": \"봄\"}}",
                "{\"eventInfo\": [\"title\", \"봄\"]}",
                "{\"eventInfo\": {\"title\": {\"ko\": \"봄\"}}}",
                "not json",
                "",
                "[1, 2, 3]",
                "\"a string\"",
                "null",
                "{}",
                "{\"eventInfo\": {\"title\": \"봄\"",
                "{\"eventInfo\": {\"title\": \"봄\"}} trailing",
                "{\"eventInfo\": {\"title\": \"봄\"}} {\"eventInfo\": {}}",
                "{\"eventInfo\": {\"title\": \"봄\"}, \"n\": NaN}",
                "{\"eventInfo\": {\"title\": \"봄\"}, \"n\": Infinity}",
                "{\"eventInfo\": {\"title\": \"봄\"}, \"n\": 1e400}",
                "{\"eventInfo\": {\"title\": \"봄\"}, \"n\": 0x10}",
                "{\"eventInfo\": {\"title\": \"봄\"}, \"n\": 010}",
                "{\"eventInfo\": {\"title\": \"봄\"}, \"n\": +1}",
                "{\"eventInfo\": {\"title\": \"봄\"}, \"n\": 5.}",
                "{\"eventInfo\": {\"title\": \"봄\\n여름\"}}",
                "{\"eventInfo\": {\"title\": \"봄\n여름\"}}",
                "{\"eventInfo\": {\"title\": \"\\ud800\"}}",
                "{\"eventInfo\": {\"title\": \"봄\"}, \"x\": \"\\ud83c\\udf38\"}",
                "{\"eventInfo\": {\"title\": \"봄\"}, /* a comment */ \"n\": 1}",
                "{'eventInfo': {'title': '봄'}}"
            })
    void edge_records_are_judged_as_the_reader_judges_them(String json) {
        EventDraftId draft = draft();

        assertThat(viaSubmit(draft, json)).as(json).isEqualTo(viaReader(draft, json));
    }

    @Test
    void nesting_is_judged_as_the_reader_judges_it() {
        for (int depth : new int[] {62, 63, 64, 65, 200, 2_000}) {
            String json = "{\"eventInfo\": {\"title\": \"봄\"}, \"deep\": " + "[".repeat(depth - 1)
                    + "]".repeat(depth - 1) + "}";
            EventDraftId draft = draft();
            assertThat(viaSubmit(draft, json)).as("depth " + depth).isEqualTo(viaReader(draft, json));
        }
    }

    @Test
    void a_title_blank_only_past_the_first_500_characters_is_refused_as_the_reader_refuses_it() {
        String json = "{\"eventInfo\": {\"title\": \"" + " ".repeat(600) + "봄\"}}";
        EventDraftId draft = draft();

        assertThat(viaReader(draft, json)).isEqualTo("invalid");
        assertThat(viaSubmit(draft, json)).isEqualTo("invalid");
    }

    @Test
    void a_job_the_reader_refuses_after_the_script_let_it_through_is_withdrawn_and_its_entry_dropped()
            throws InterruptedException {
        EventDraftId draft = draft();
        ai.set(Keys.recommendation(draft), "{\"eventInfo\": {\"title\": \"봄\"}, \"n\": 0x10}");
        NewJob refused = newJob(draft);

        assertThatThrownBy(() -> oneStep(refused)).isInstanceOf(InvalidRecommendationException.class);

        assertThat(ai.exists(Keys.job(refused.id()))).isFalse();
        assertThat(ai.exists(Keys.inFlight(draft))).isFalse();
        assertThat(backend.jobQueue().claim(10, Duration.ZERO)).isEmpty();
        assertThat(ai.xpending(Keys.QUEUE, Keys.GROUP).getTotal()).isZero();
    }

    @Test
    void a_record_too_big_to_keep_whole_is_kept_as_what_the_job_uses() {
        EventDraftId draft = draft();
        String json = "{\"eventInfo\": {\"title\": \"봄\"}, \"history\": \"" + "x".repeat(100_000) + "\"}";
        ai.set(Keys.recommendation(draft), json);

        Job job = oneStep(newJob(draft));

        assertThat(job.recommendation()).isEqualTo(viaReader(draft, json));
        assertThat(jobs.find(job.id()).orElseThrow()).isEqualTo(job);
        assertThat(ai.hget(Keys.job(job.id()), "recommendation")).hasSizeLessThan(1_000);
    }

    @Test
    void a_record_of_another_redis_type_is_an_invalid_recommendation() {
        EventDraftId draft = draft();
        ai.hset(Keys.recommendation(draft), "title", "봄");

        assertThatThrownBy(() -> oneStep(newJob(draft))).isInstanceOf(InvalidRecommendationException.class);
        assertThat(ai.exists(Keys.inFlight(draft))).isFalse();
    }

    @Test
    void a_missing_record_is_missing() {
        EventDraftId draft = draft();

        assertThatThrownBy(() -> oneStep(newJob(draft))).isInstanceOf(RecommendationMissingException.class);
        assertThat(ai.exists(Keys.inFlight(draft))).isFalse();
    }

    @Test
    void each_job_of_a_batch_is_its_own_step_and_a_refused_command_fails_only_its_job() {
        NewJob first = recorded(draft());
        NewJob blocked = recorded(draft());
        NewJob third = recorded(draft());
        ai.hset(Keys.inFlight(blocked.eventDraftId()), "not", "a job id"); // its GET is refused: WRONGTYPE

        List<List<?>> replies = redisJobs().submitAll(List.of(batched(first), batched(blocked), batched(third)));

        assertThat(replies.stream().map(reply -> (Object) reply.get(0)).toList())
                .containsExactly(1L, -4L, 1L);
        assertThat((String) replies.get(1).get(1)).contains("WRONGTYPE");
        assertThat(ai.hget(Keys.job(first.id()), "status")).isEqualTo("PENDING");
        assertThat(ai.hget(Keys.job(third.id()), "status")).isEqualTo("PENDING");
        assertThat(ai.exists(Keys.job(blocked.id()))).isFalse();
        assertThat(ai.xlen(Keys.QUEUE)).isEqualTo(2);
        assertThatThrownBy(() -> oneStep(blocked))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("WRONGTYPE");
    }

    @Test
    void two_submits_of_one_draft_in_one_batch_make_one_job() {
        EventDraftId draft = draft();
        NewJob first = recorded(draft);
        NewJob second = newJob(draft);

        List<List<?>> replies = redisJobs().submitAll(List.of(batched(first), batched(second)));

        assertThat(replies.get(0).get(0)).isEqualTo(1L);
        assertThat(List.<Object>copyOf(replies.get(1).subList(0, 2)))
                .containsExactly(0L, first.id().toString());
        assertThat(ai.exists(Keys.job(second.id()))).isFalse();
        assertThat(ai.xlen(Keys.QUEUE)).isEqualTo(1);
        assertThat(ai.get(Keys.inFlight(draft))).isEqualTo(first.id().toString());
    }

    @Test
    void concurrent_submits_share_script_calls_and_each_gets_its_own_job() throws Exception {
        int submits = 200;
        List<NewJob> news = new ArrayList<>();
        for (int i = 0; i < submits; i++) {
            news.add(recorded(draft()));
        }
        oneStep(recorded(draft())); // loads the script
        ExecutorService callers = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<String> sent;
        try (CommandMonitor monitor = new CommandMonitor(REDIS.port())) {
            monitor.commandsSent();
            List<Future<Job>> answers = new ArrayList<>();
            for (NewJob job : news) {
                answers.add(callers.submit(() -> {
                    go.await();
                    return oneStep(job);
                }));
            }
            go.countDown();
            for (int i = 0; i < submits; i++) {
                Job answered = answers.get(i).get(30, TimeUnit.SECONDS);
                assertThat(answered.id()).isEqualTo(news.get(i).id());
                assertThat(jobs.find(answered.id())).contains(answered);
            }
            sent = monitor.commandsSent();
        } finally {
            callers.shutdownNow();
        }

        assertThat(ai.xlen(Keys.QUEUE)).isEqualTo(submits + 1);
        assertThat(sent)
                .as("at most one script per submit, and nothing else but the reads of find and the handshakes of "
                        + "new connections")
                .allMatch(command ->
                        Set.of("evalsha", "hgetall", "hello", "client").contains(command));
        assertThat(sent.stream().filter("evalsha"::equals).count()).isBetween(1L, (long) submits);
    }

    private RedisJobRepository redisJobs() {
        return (RedisJobRepository) jobs;
    }

    /** A new job whose draft has a usable recommendation. */
    private NewJob recorded(EventDraftId draft) {
        ai.set(Keys.recommendation(draft), RecommendationJson.write(Fixtures.recommendation(draft)));
        return newJob(draft);
    }

    private static RedisJobRepository.Submit batched(NewJob job) {
        return new RedisJobRepository.Submit(job.id(), job.eventDraftId(), true, JobHash.of(job));
    }

    /** The one-step submit: the backend's own recommendations, read by submit.lua. */
    private Job oneStep(NewJob job) {
        return jobs.submit(job, backend.recommendationSource());
    }

    private static NewJob newJob(EventDraftId draft) {
        return NewJob.of(draft, JobOptions.DEFAULT, Fixtures.CLOCK);
    }

    private static EventDraftId draft() {
        return EventDraftId.of("one-step-" + DRAFTS.incrementAndGet());
    }

    /** What the reader makes of the record: the recommendation, or "invalid". */
    private static Object viaReader(EventDraftId draft, String json) {
        try {
            return RecommendationJson.read(draft, json);
        } catch (InvalidRecommendationException e) {
            return "invalid";
        }
    }

    /**
     * What a one-step submit makes of the record: the job's recommendation as stored, or "invalid" with
     * nothing left behind.
     */
    private Object viaSubmit(EventDraftId draft, String json) {
        ai.set(Keys.recommendation(draft), json);
        NewJob job = newJob(draft);
        Object submitted = submitted(job);
        if (submitted instanceof Recommendation recommendation) {
            assertThat(jobs.find(job.id()).orElseThrow().recommendation()).isEqualTo(recommendation);
        } else {
            assertThat(ai.exists(Keys.job(job.id())))
                    .as("the refused job is not kept")
                    .isFalse();
            assertThat(ai.exists(Keys.inFlight(draft))).as("the draft is free").isFalse();
        }
        return submitted;
    }

    /** The one-step submit alone (one round trip): the job's recommendation, or "invalid". */
    private Object submitted(NewJob job) {
        try {
            return oneStep(job).recommendation();
        } catch (InvalidRecommendationException e) {
            return "invalid";
        }
    }
}
