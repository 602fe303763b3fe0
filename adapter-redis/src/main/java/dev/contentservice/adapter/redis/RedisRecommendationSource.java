package dev.contentservice.adapter.redis;

import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.InvalidRecommendationException;
import dev.contentservice.domain.Recommendation;
import dev.contentservice.domain.RecommendationSource;
import dev.contentservice.domain.StoreUnavailableException;
import java.util.Objects;
import java.util.Optional;
import redis.clients.jedis.exceptions.JedisDataException;

/** Reads {@code ai:event:{eventDraftId}}, the JSON string the AI service writes; never writes it. */
final class RedisRecommendationSource implements RecommendationSource {
    private final Redis redis;

    RedisRecommendationSource(Redis redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public Optional<Recommendation> find(EventDraftId eventDraftId) {
        Objects.requireNonNull(eventDraftId, "eventDraftId must not be null");
        String json;
        try {
            json = redis.read("find recommendation", jedis -> jedis.get(Keys.recommendation(eventDraftId)));
        } catch (StoreUnavailableException e) {
            if (e.getCause() instanceof JedisDataException data
                    && String.valueOf(data.getMessage()).startsWith("WRONGTYPE")) {
                throw new InvalidRecommendationException(
                        "the AI recommendation of " + eventDraftId + " is not a JSON string");
            }
            throw e;
        }
        return Optional.ofNullable(json).map(text -> RecommendationJson.read(eventDraftId, text));
    }
}
