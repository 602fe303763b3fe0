package dev.contentservice.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.domain.Job;
import dev.contentservice.domain.contract.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fallback for machines without redis-server: the binary shipped in embedded-redis runs the adapters too. */
class EmbeddedRedisBinaryTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.embedded();

    @Test
    void the_shipped_binary_serves_the_adapters_and_restarts_on_its_port() {
        try (RedisBackend backend = RedisBackend.open(REDIS.settings())) {
            Job job = backend.jobRepository().submit(Fixtures.newJob());

            assertThat(REDIS.usesEmbeddedBinary()).isTrue();
            assertThat(backend.jobRepository().find(job.id())).contains(job);

            int port = REDIS.port();
            REDIS.stop();
            REDIS.start();

            assertThat(REDIS.port()).isEqualTo(port);
            assertThat(backend.ping()).isTrue();
        }
    }
}
