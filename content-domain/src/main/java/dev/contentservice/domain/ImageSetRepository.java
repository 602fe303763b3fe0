package dev.contentservice.domain;

import java.time.Duration;
import java.util.Optional;

/** The finished image URLs of a draft ({@code content:image:{eventDraftId}}, a hash of three fields). */
public interface ImageSetRepository {

    /** Stores (replaces) the draft's image set with the given TTL. */
    void save(EventDraftId eventDraftId, ImageSet images, Duration ttl);

    /** The draft's image set, or empty when none is stored or its TTL passed. */
    Optional<ImageSet> find(EventDraftId eventDraftId);
}
