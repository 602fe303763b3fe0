package dev.contentservice.bootstrap;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redis's {@code maxmemory-policy}, checked once at start. Every key of this service carries a TTL, so
 * under {@code allkeys-*} and {@code volatile-*} a Redis that reaches {@code maxmemory} may evict accepted
 * jobs (their status then answers 404). Supported: {@code noeviction} (writes fail with 503 when full, no
 * job is lost silently).
 */
final class RedisMemoryPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(RedisMemoryPolicy.class);

    private RedisMemoryPolicy() {}

    /** Logs what the policy means for the service; returns the warning, if one was logged. */
    static Optional<String> check(Optional<String> policy, ImageStorage storage) {
        Optional<String> warning = warning(policy, storage);
        if (warning.isPresent()) {
            LOG.warn(warning.get());
        } else if (policy.isEmpty()) {
            LOG.info("Redis maxmemory-policy could not be read (CONFIG GET refused): make sure it is noeviction");
        } else {
            LOG.info("Redis maxmemory-policy is {}", policy.get());
        }
        return warning;
    }

    static Optional<String> warning(Optional<String> policy, ImageStorage storage) {
        if (policy.isEmpty()) {
            return Optional.empty();
        }
        String name = policy.get();
        String images = storage.kind() == ImageStorage.Kind.REDIS
                ? " The hosted images are in Redis too (CONTENT_IMAGE_STORE=redis): use s3 or filesystem to keep it small."
                : "";
        if (name.startsWith("allkeys-")) {
            return Optional.of("Redis maxmemory-policy is " + name
                    + ": when Redis is full it evicts ANY key, so accepted jobs and their results may be evicted"
                    + " and answer 404. Set maxmemory-policy to noeviction (the supported policy)." + images);
        }
        if (name.startsWith("volatile-")) {
            return Optional.of("Redis maxmemory-policy is " + name
                    + ": every key of this service has a TTL, so when Redis is full accepted jobs and their"
                    + " results may be evicted and answer 404. Set maxmemory-policy to noeviction (the supported"
                    + " policy)." + images);
        }
        return Optional.empty();
    }
}
