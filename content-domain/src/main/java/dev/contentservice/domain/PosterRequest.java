package dev.contentservice.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * One poster to compose: the copy of one style in one format, with an optional palette and an optional
 * background art (the provider's picture, any size or aspect ratio, cover-cropped to the format).
 *
 * @param art the picture to set the text over; empty: the composer draws its own background
 * @param seed the randomness of the decoration; keep it across edits so that only the words change
 */
public record PosterRequest(
        ImageStyle style,
        PosterFormat format,
        PosterCopy copy,
        Optional<PosterPalette> palette,
        Optional<GeneratedImage> art,
        long seed) {

    public PosterRequest {
        Objects.requireNonNull(style, "style must not be null");
        Objects.requireNonNull(format, "format must not be null");
        Objects.requireNonNull(copy, "copy must not be null");
        Objects.requireNonNull(palette, "palette must not be null");
        Objects.requireNonNull(art, "art must not be null");
    }

    /** The poster of a recommendation as the AI service wrote it, on the composer's own background. */
    public static PosterRequest of(JobId jobId, ImageStyle style, PosterFormat format, Recommendation recommendation) {
        return new PosterRequest(
                style, format, PosterCopy.from(recommendation), Optional.empty(), Optional.empty(), seed(jobId, style));
    }

    /** The decoration seed of a job's style: a job's posters keep their look in every format and edit. */
    public static long seed(JobId jobId, ImageStyle style) {
        Objects.requireNonNull(jobId, "jobId must not be null");
        Objects.requireNonNull(style, "style must not be null");
        long id = jobId.value().getMostSignificantBits() ^ jobId.value().getLeastSignificantBits();
        return id * 31 + style.ordinal();
    }

    public PosterRequest withArt(GeneratedImage art) {
        return new PosterRequest(style, format, copy, palette, Optional.of(art), seed);
    }

    public PosterRequest withPalette(PosterPalette palette) {
        return new PosterRequest(style, format, copy, Optional.of(palette), art, seed);
    }

    public PosterRequest withCopy(PosterCopy copy) {
        return new PosterRequest(style, format, copy, palette, art, seed);
    }

    public PosterRequest withFormat(PosterFormat format) {
        return new PosterRequest(style, format, copy, palette, art, seed);
    }
}
