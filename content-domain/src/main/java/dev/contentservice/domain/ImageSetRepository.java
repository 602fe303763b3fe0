package dev.contentservice.domain;

import java.util.Optional;

/** The finished image URLs of a draft ({@code content:image:{eventDraftId}}, a hash of three fields). */
public interface ImageSetRepository {

    /** Stores (replaces) the draft's image set for {@link ImageSet#TTL}. */
    void save(EventDraftId eventDraftId, ImageSet images);

    /** The draft's image set, or empty when none is stored or its TTL passed. */
    Optional<ImageSet> find(EventDraftId eventDraftId);
}
