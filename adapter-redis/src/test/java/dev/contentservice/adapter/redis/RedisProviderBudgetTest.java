package dev.contentservice.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

/**
 * What a reservation costs Redis, on a real redis-server (the behaviour both instances see is the port's
 * contract, {@link RedisProviderBudgetContractTest}).
 */
class RedisProviderBudgetTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private Jedis inspect;
    private RedisProviderBudget budget;

    @BeforeEach
    void connect() {
        inspect = new Jedis("127.0.0.1", REDIS.port());
    }

    @AfterEach
    void close() {
        if (budget != null) {
            budget.close();
        }
        inspect.close();
    }

    @Test
    void without_a_rate_a_burst_of_calls_reads_the_pause_once_not_once_a_call() throws Exception {
        budget = RedisProviderBudget.open(REDIS.settings(), "api.example.com", OptionalInt.empty(), Clock.systemUTC());
        long before = commandsProcessed();

        for (int i = 0; i < 100; i++) {
            assertThat(budget.reserve(Duration.ofMinutes(1)).get(10, TimeUnit.SECONDS))
                    .contains(Duration.ZERO);
        }

        // the first call reads the pause marker; the others answer from that read, or start one read in the
        // background when it is older than a quarter second: far fewer than one command a call either way
        assertThat(commandsProcessed() - before - 1)
                .as("commands for 100 reservations")
                .isLessThan(20);
    }

    @Test
    void without_a_rate_a_pause_set_here_holds_the_next_call_without_asking_redis() throws Exception {
        budget = RedisProviderBudget.open(REDIS.settings(), "api.example.com", OptionalInt.empty(), Clock.systemUTC());
        budget.reserve(Duration.ofMinutes(1)).get(10, TimeUnit.SECONDS);
        budget.pauseUntil(Instant.now().plusSeconds(30)).get(10, TimeUnit.SECONDS);

        Optional<Duration> wait = budget.reserve(Duration.ofMinutes(1)).get(10, TimeUnit.SECONDS);

        assertThat(wait).hasValueSatisfying(left -> assertThat(left).isGreaterThan(Duration.ofSeconds(25)));
        assertThat(budget.reserve(Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS))
                .as("beyond the caller's patience")
                .isEmpty();
    }

    @Test
    void with_a_rate_every_call_reserves_its_slot_in_redis() throws Exception {
        budget = RedisProviderBudget.open(REDIS.settings(), "api.example.com", OptionalInt.of(6000), Clock.systemUTC());
        long before = commandsProcessed();

        for (int i = 0; i < 10; i++) {
            budget.reserve(Duration.ofMinutes(1)).get(10, TimeUnit.SECONDS);
        }

        // the slots are shared with the other instances: one script a call (the INFO itself counts one)
        assertThat(commandsProcessed() - before - 1).isGreaterThanOrEqualTo(10);
    }

    private long commandsProcessed() {
        for (String line : inspect.info("stats").split("\r?\n")) {
            if (line.startsWith("total_commands_processed:")) {
                return Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        throw new IllegalStateException("no total_commands_processed in INFO");
    }
}
