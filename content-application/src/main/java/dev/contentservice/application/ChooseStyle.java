package dev.contentservice.application;

import dev.contentservice.domain.DraftImages;
import dev.contentservice.domain.DraftImagesNotFoundException;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.ImageSetRepository;
import dev.contentservice.domain.ImageStyle;
import jakarta.inject.Inject;
import java.util.Objects;

/**
 * "사용자가 스타일 선택": the owner's choice among the three styles, kept with the draft's images (field
 * {@code selected} of {@code content:image:{eventDraftId}}) so that the services that publish the event
 * read it where they read the URLs. The choice lives as long as the images it names.
 */
public final class ChooseStyle {
    private final ImageSetRepository imageSets;

    @Inject
    public ChooseStyle(ImageSetRepository imageSets) {
        this.imageSets = Objects.requireNonNull(imageSets, "imageSets");
    }

    /**
     * @return the draft's images with the choice
     * @throws DraftImagesNotFoundException when the draft has no images to choose from (CONTENT_004)
     */
    public DraftImages choose(EventDraftId eventDraftId, ImageStyle style) {
        Objects.requireNonNull(style, "style must not be null");
        return imageSets.select(eventDraftId, style).orElseThrow(() -> new DraftImagesNotFoundException(eventDraftId));
    }
}
