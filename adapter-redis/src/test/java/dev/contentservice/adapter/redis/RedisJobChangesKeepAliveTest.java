package dev.contentservice.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.domain.contract.Fixtures;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

/**
 * The subscriber's keep-alive: pings answered on a live idle connection never replace it. (The regression
 * itself, a read timeout that rebuilt the connection every 10 s of idle, is pinned by bootstrap's
 * {@code IdleInstanceTest}, which watches an idle Redis-mode instance for 25 s.)
 */
class RedisJobChangesKeepAliveTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final Duration PATIENT = Duration.ofSeconds(20);

    private RedisJobChanges changes;

    @BeforeEach
    void open() {
        REDIS.start();
        // pings three times the socket timeout apart: a read timeout would trip between two pings
        changes = new RedisJobChanges(
                REDIS.settings().withTimeouts(Duration.ofMillis(500), Duration.ofMillis(100)), Duration.ofMillis(300));
    }

    @AfterEach
    void close() {
        changes.close();
    }

    @Test
    void an_idle_subscriber_keeps_its_one_connection_across_keep_alive_pings() {
        changes.subscribe(id -> {});
        long firstClient = subscriberClientId().orElseThrow();

        assertThat(Fixtures.eventually(PATIENT, () -> changes.pongs() >= 4)).isTrue();

        assertThat(changes.connects()).isEqualTo(1);
        assertThat(subscriberClientId()).contains(firstClient);
    }

    @Test
    void the_subscriber_speaks_resp2_as_configured() {
        changes.subscribe(id -> {});

        assertThat(subscriberLine()).hasValueSatisfying(line -> assertThat(line).contains("resp=2"));
    }

    private Optional<String> subscriberLine() {
        try (Jedis admin = new Jedis("127.0.0.1", REDIS.port())) {
            return Arrays.stream(admin.clientList().split("\n"))
                    .filter(line -> line.contains("name=content-service-changes"))
                    .findFirst();
        }
    }

    private Optional<Long> subscriberClientId() {
        return subscriberLine()
                .map(line -> Arrays.stream(line.split(" "))
                        .filter(field -> field.startsWith("id="))
                        .map(field -> Long.parseLong(field.substring(3)))
                        .findFirst()
                        .orElseThrow());
    }
}
