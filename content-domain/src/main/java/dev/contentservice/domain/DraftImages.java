package dev.contentservice.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The latest images of a draft, as {@code content:image:{eventDraftId}} holds them: the job that made
 * them, the seed's square URLs, the URLs of further formats when they were asked for, the style the
 * owner chose (if any), when the set was made and when it was last edited.
 *
 * @param formats the URLs per {@link PosterFormat} asked for (the square ones too, when asked), empty when
 *     only the seed's square images were made
 * @param selected the style the owner chose; a new set starts without a choice
 * @param editedAt when an edit last replaced images of the set; empty when none did
 */
public record DraftImages(
        JobId jobId,
        ImageSet images,
        Map<PosterFormat, ImageSet> formats,
        Optional<ImageStyle> selected,
        Instant createdAt,
        Optional<Instant> editedAt) {
    public DraftImages {
        Objects.requireNonNull(jobId, "jobId must not be null");
        Objects.requireNonNull(images, "images must not be null");
        Objects.requireNonNull(formats, "formats must not be null");
        Objects.requireNonNull(selected, "selected must not be null (use Optional.empty())");
        Objects.requireNonNull(createdAt, "createdAt must not be null");
        Objects.requireNonNull(editedAt, "editedAt must not be null (use Optional.empty())");
        EnumMap<PosterFormat, ImageSet> copy = new EnumMap<>(PosterFormat.class);
        formats.forEach((format, set) -> copy.put(
                Objects.requireNonNull(format, "formats must not hold a null format"),
                Objects.requireNonNull(set, "formats must not map " + format + " to null")));
        formats = Collections.unmodifiableMap(copy);
        if (editedAt.isPresent() && editedAt.get().isBefore(createdAt)) {
            throw new IllegalArgumentException("editedAt must not be before createdAt");
        }
    }

    /** A set as a generation job made it: no further formats, no choice, no edit. */
    public static DraftImages made(JobId jobId, ImageSet images, Instant createdAt) {
        return new DraftImages(jobId, images, Map.of(), Optional.empty(), createdAt, Optional.empty());
    }

    /** The same set with the URLs of further formats. */
    public DraftImages withFormats(Map<PosterFormat, ImageSet> formats) {
        return new DraftImages(jobId, images, formats, selected, createdAt, editedAt);
    }

    /** The same set with the owner's choice. */
    public DraftImages withSelected(ImageStyle style) {
        return new DraftImages(
                jobId, images, formats, Optional.of(Objects.requireNonNull(style, "style")), createdAt, editedAt);
    }

    /**
     * The same set pointing at an edit's new images of one style: the square URLs and every format the set
     * already has that {@code urls} names; the other styles, the formats {@code urls} does not name, and the
     * choice are kept; {@code editedAt} becomes {@code at}.
     */
    public DraftImages restyled(ImageStyle style, Map<PosterFormat, String> urls, Instant at) {
        Objects.requireNonNull(style, "style must not be null");
        Objects.requireNonNull(urls, "urls must not be null");
        ImageSet square = images;
        if (urls.containsKey(PosterFormat.SQUARE)) {
            square = square.with(style, urls.get(PosterFormat.SQUARE));
        }
        EnumMap<PosterFormat, ImageSet> restyled = new EnumMap<>(PosterFormat.class);
        formats.forEach((format, set) -> {
            String url = urls.get(format);
            restyled.put(format, url == null ? set : set.with(style, url));
        });
        return new DraftImages(
                jobId, square, restyled, selected, createdAt, Optional.of(Objects.requireNonNull(at, "at")));
    }

    /** The same set, edited at the given time. */
    public DraftImages withEditedAt(Instant at) {
        return new DraftImages(
                jobId, images, formats, selected, createdAt, Optional.of(Objects.requireNonNull(at, "at")));
    }
}
