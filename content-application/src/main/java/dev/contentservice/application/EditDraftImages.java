package dev.contentservice.application;

import dev.contentservice.domain.DraftImages;
import dev.contentservice.domain.DraftImagesNotFoundException;
import dev.contentservice.domain.EditableText;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.ImageEdit;
import dev.contentservice.domain.ImageSetRepository;
import dev.contentservice.domain.InvalidImageEditException;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.PosterCopy;
import dev.contentservice.domain.PosterFormat;
import dev.contentservice.domain.PosterPalette;
import dev.contentservice.domain.Recommendation;
import dev.contentservice.domain.RecommendationSource;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * "이미지 편집 가능" (issue 13, item 4): applies an owner's {@link ImageEdit} to the draft's latest set. The
 * edited style is re-set in every format of the set from the kept art ({@link ComposePosters#reset}, no
 * provider call); then the set points at the new images of that style, the other styles and the owner's
 * choice stay as they are, and {@code editedAt} is set.
 *
 * <p>The words start from the draft's recommendation as the AI service wrote it; a text the edit leaves out
 * keeps that value (earlier edits are not remembered: the page always sends the texts it shows). A colour
 * the edit leaves out keeps the style's own ({@link PosterPalette}).
 *
 * <p>This is the work of an {@code IMAGE_EDIT} job; {@link #check} is what the request refuses at once.
 */
public final class EditDraftImages {
    private final ImageSetRepository imageSets;
    private final RecommendationSource recommendations;
    private final ComposePosters posters;
    private final Clock clock;

    @jakarta.inject.Inject
    public EditDraftImages(
            ImageSetRepository imageSets, RecommendationSource recommendations, ComposePosters posters, Clock clock) {
        this.imageSets = Objects.requireNonNull(imageSets, "imageSets");
        this.recommendations = Objects.requireNonNull(recommendations, "recommendations");
        this.posters = Objects.requireNonNull(posters, "posters");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What a request is refused with before any job is made: no set (CONTENT_004), an edit that empties the
     * headline ({@link InvalidImageEditException#INVALID_TEXT}), no recommendation (CONTENT_001).
     *
     * @return the draft's recommendation, which the edit's job keeps as its snapshot
     */
    public Recommendation check(EventDraftId eventDraftId, ImageEdit edit) {
        Objects.requireNonNull(edit, "edit must not be null");
        latest(eventDraftId);
        requireHeadline(edit);
        return recommendations.require(eventDraftId);
    }

    /**
     * Re-sets the edited style in every format of the set and points the set at the new images. Refused as
     * {@link #check} refuses, reading the set and the recommendation once each.
     *
     * @param editJob the edit's job: its id names the new images
     * @return the edited set; if a new generation replaced the set meanwhile, that newer set, unchanged
     */
    public CompletableFuture<DraftImages> apply(EventDraftId eventDraftId, JobId editJob, ImageEdit edit) {
        Objects.requireNonNull(edit, "edit must not be null");
        DraftImages current = latest(eventDraftId);
        requireHeadline(edit);
        PosterCopy copy = PosterCopy.from(recommendations.require(eventDraftId)).edited(edit);
        Optional<PosterPalette> palette = edit.palette().map(PosterPalette::from);
        Set<PosterFormat> formats = formatsOf(current);
        return posters.reset(current.jobId(), editJob, edit.style(), copy, palette, formats)
                .thenApply(made -> pointAt(eventDraftId, current.jobId(), made));
    }

    private DraftImages latest(EventDraftId eventDraftId) {
        return imageSets.latest(eventDraftId).orElseThrow(() -> new DraftImagesNotFoundException(eventDraftId));
    }

    private DraftImages pointAt(EventDraftId eventDraftId, JobId madeBy, StylePosters made) {
        return imageSets
                .restyle(eventDraftId, madeBy, made.style(), made.urls(), clock.instant())
                // a new generation replaced the set while the edit ran: the edit applied to images no longer shown
                .orElseGet(() -> latest(eventDraftId));
    }

    private static void requireHeadline(ImageEdit edit) {
        String headline = edit.text().get(EditableText.HEADLINE);
        if (headline != null && headline.isBlank()) {
            throw new InvalidImageEditException(
                    InvalidImageEditException.INVALID_TEXT, "text.headline", "text.headline must not be empty");
        }
    }

    private static Set<PosterFormat> formatsOf(DraftImages images) {
        EnumSet<PosterFormat> formats = EnumSet.of(PosterFormat.SQUARE);
        formats.addAll(images.formats().keySet());
        return formats;
    }
}
