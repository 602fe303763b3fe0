package dev.contentservice.adapter.memory;

import dev.contentservice.domain.DraftImages;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageSetRepository;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.PosterFormat;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Image sets in memory, with their TTL; a choice keeps the set's expiry. */
public final class InMemoryImageSets implements ImageSetRepository {
    private final Expiring<EventDraftId, DraftImages> sets;

    public InMemoryImageSets(Clock clock) {
        this.sets = new Expiring<>(Objects.requireNonNull(clock, "clock"), ImageSet.TTL);
    }

    @Override
    public void save(EventDraftId eventDraftId, DraftImages images) {
        sets.put(
                Objects.requireNonNull(eventDraftId, "eventDraftId must not be null"),
                Objects.requireNonNull(images, "images must not be null"));
    }

    @Override
    public Optional<ImageSet> find(EventDraftId eventDraftId) {
        return latest(eventDraftId).map(DraftImages::images);
    }

    @Override
    public Optional<DraftImages> latest(EventDraftId eventDraftId) {
        return sets.get(eventDraftId);
    }

    @Override
    public Optional<DraftImages> select(EventDraftId eventDraftId, ImageStyle style) {
        Objects.requireNonNull(style, "style must not be null");
        return sets.update(eventDraftId, images -> images.withSelected(style));
    }

    @Override
    public Optional<DraftImages> restyle(
            EventDraftId eventDraftId,
            JobId madeBy,
            ImageStyle style,
            Map<PosterFormat, String> urls,
            Instant editedAt) {
        Objects.requireNonNull(madeBy, "madeBy must not be null");
        Optional<DraftImages> edited = sets.update(
                eventDraftId,
                images -> images.jobId().equals(madeBy) ? images.restyled(style, urls, editedAt) : images);
        return edited.filter(images -> images.jobId().equals(madeBy));
    }
}
