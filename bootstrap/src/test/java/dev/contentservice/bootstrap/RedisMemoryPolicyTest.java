package dev.contentservice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.adapter.redis.RedisBackend;
import dev.contentservice.adapter.redis.RedisServerExtension;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/** The maxmemory-policy check at start, against a real redis-server set to each kind of policy. */
class RedisMemoryPolicyTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final ImageStorage S3 = ImageStorageTest.storage(ImageStorageTest.s3());
    private static final ImageStorage IN_REDIS =
            ImageStorageTest.storage(Map.of("CONTENT_REDIS_URL", "redis://localhost:6379"));

    @AfterEach
    void restoreDefault() {
        setPolicy("noeviction");
    }

    private static void setPolicy(String policy) {
        try (RedisClient redis = RedisClient.create(REDIS.url())) {
            redis.configSet("maxmemory-policy", policy);
        }
    }

    private static Optional<String> policyOfTheServer() {
        try (RedisBackend backend = RedisBackend.open(REDIS.settings())) {
            return backend.maxmemoryPolicy();
        }
    }

    @Test
    void noeviction_is_read_from_the_server_and_draws_no_warning() {
        setPolicy("noeviction");

        Optional<String> policy = policyOfTheServer();

        assertThat(policy).contains("noeviction");
        assertThat(RedisMemoryPolicy.check(policy, S3)).isEmpty();
    }

    @Test
    void allkeys_lru_warns_that_accepted_jobs_may_be_evicted() {
        setPolicy("allkeys-lru");

        Optional<String> warning = RedisMemoryPolicy.check(policyOfTheServer(), S3);

        assertThat(warning)
                .hasValueSatisfying(text -> assertThat(text)
                        .contains("allkeys-lru")
                        .contains("accepted jobs")
                        .contains("evicted")
                        .contains("noeviction"));
    }

    @Test
    void volatile_policies_warn_too_because_every_key_of_the_service_has_a_ttl() {
        setPolicy("volatile-ttl");

        assertThat(RedisMemoryPolicy.check(policyOfTheServer(), S3))
                .hasValueSatisfying(
                        text -> assertThat(text).contains("volatile-ttl").contains("TTL"));
    }

    @Test
    void with_images_in_redis_the_warning_suggests_an_object_store() {
        setPolicy("allkeys-lfu");

        assertThat(RedisMemoryPolicy.check(policyOfTheServer(), IN_REDIS))
                .hasValueSatisfying(text -> assertThat(text).contains("CONTENT_IMAGE_STORE"));
    }

    @Test
    void a_policy_that_cannot_be_read_draws_no_warning() {
        assertThat(RedisMemoryPolicy.check(Optional.empty(), S3)).isEmpty();
    }
}
