package dev.contentservice.adapter.memory;

import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageSetRepository;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** Image sets in memory, with their TTL. */
public final class InMemoryImageSets implements ImageSetRepository {
    private final Expiring<EventDraftId, ImageSet> sets;

    public InMemoryImageSets(Clock clock) {
        this.sets = new Expiring<>(Objects.requireNonNull(clock, "clock"), ImageSet.TTL);
    }

    @Override
    public void save(EventDraftId eventDraftId, ImageSet images) {
        sets.put(eventDraftId, images);
    }

    @Override
    public Optional<ImageSet> find(EventDraftId eventDraftId) {
        return sets.get(eventDraftId);
    }
}
