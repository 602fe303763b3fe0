package dev.contentservice.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.contract.Fixtures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/** Simultaneous POSTs for one draft, across two instances, make one job and one queue entry. */
class ConcurrentSubmitTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @Test
    void sixteen_concurrent_submits_on_two_instances_for_one_draft_yield_one_job() throws Exception {
        EventDraftId draft = Fixtures.uniqueDraft();
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try (RedisBackend a = RedisBackend.open(REDIS.settings());
                RedisBackend b = RedisBackend.open(REDIS.settings());
                RedisClient inspect = RedisClient.create(REDIS.url())) {
            List<Future<JobId>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                RedisBackend instance = i % 2 == 0 ? a : b;
                Callable<JobId> submit = () -> {
                    go.await();
                    return instance.jobRepository()
                            .submit(Fixtures.newJob(draft))
                            .id();
                };
                answers.add(pool.submit(submit));
            }

            go.countDown();
            Set<JobId> ids = new HashSet<>();
            for (Future<JobId> answer : answers) {
                ids.add(answer.get(10, TimeUnit.SECONDS));
            }

            assertThat(ids).hasSize(1);
            assertThat(inspect.keys("job:*")).hasSize(1);
            assertThat(inspect.xlen("content:queue")).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
