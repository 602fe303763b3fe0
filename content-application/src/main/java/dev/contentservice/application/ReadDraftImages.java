package dev.contentservice.application;

import dev.contentservice.domain.DraftImages;
import dev.contentservice.domain.DraftImagesNotFoundException;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.ImageSetRepository;
import jakarta.inject.Inject;
import java.util.Objects;

/** The latest images of a draft, with the owner's choice: what the page shows when the owner comes back. */
public final class ReadDraftImages {
    private final ImageSetRepository imageSets;

    @Inject
    public ReadDraftImages(ImageSetRepository imageSets) {
        this.imageSets = Objects.requireNonNull(imageSets, "imageSets");
    }

    /** @throws DraftImagesNotFoundException when the draft has no images (CONTENT_004) */
    public DraftImages read(EventDraftId eventDraftId) {
        return imageSets.latest(eventDraftId).orElseThrow(() -> new DraftImagesNotFoundException(eventDraftId));
    }
}
