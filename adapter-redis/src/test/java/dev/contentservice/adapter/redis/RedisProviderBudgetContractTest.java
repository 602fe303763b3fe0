package dev.contentservice.adapter.redis;

import dev.contentservice.domain.contract.ProviderBudgetContract;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two budgets on one real redis-server stand for two instances; they pass the port's contract. */
class RedisProviderBudgetContractTest extends ProviderBudgetContract {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final List<RedisProviderBudget> opened = new ArrayList<>();

    @AfterEach
    void closeBudgets() {
        opened.forEach(RedisProviderBudget::close);
    }

    @Override
    protected Pair createBudgets(Optional<Integer> perMinute) {
        OptionalInt rate = perMinute.map(OptionalInt::of).orElse(OptionalInt.empty());
        RedisProviderBudget first =
                RedisProviderBudget.open(REDIS.settings(), "api.example.com", rate, Clock.systemUTC());
        RedisProviderBudget second =
                RedisProviderBudget.open(REDIS.settings(), "api.example.com", rate, Clock.systemUTC());
        opened.add(first);
        opened.add(second);
        return new Pair(first, second);
    }
}
