package dev.contentservice.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The latest images of each draft ({@code content:image:{eventDraftId}}, a hash whose fields {@code
 * simple}, {@code fancy}, {@code trendy} are the seed's contract with the other services; it also holds
 * {@code jobId}, {@code createdAt}, {@code editedAt}, {@code selected} and {@code {format}:{style}}).
 */
public interface ImageSetRepository {

    /**
     * Stores (replaces) the draft's images as a job made them, for {@link ImageSet#TTL}. A choice made on
     * the set it replaces is dropped with it: the owner chooses again among the new images.
     */
    void save(EventDraftId eventDraftId, DraftImages images);

    /**
     * The seed's three square URLs of the draft, or empty when none are stored or their TTL passed. Also
     * reads sets that hold nothing but those three fields.
     */
    Optional<ImageSet> find(EventDraftId eventDraftId);

    /** The draft's whole record, or empty when none is stored, its TTL passed, or it lacks its job. */
    Optional<DraftImages> latest(EventDraftId eventDraftId);

    /**
     * Records the owner's choice on the stored set in one atomic step, keeping the set's expiry (the
     * choice lives exactly as long as the images it names). Creates nothing when no set is stored.
     *
     * @return the set with the choice, or empty when none is stored
     */
    Optional<DraftImages> select(EventDraftId eventDraftId, ImageStyle style);

    /**
     * Points the stored set at an edit's new images of one style ({@link DraftImages#restyled}), in one
     * atomic step that keeps the set's expiry, its choice and its other styles. Changes nothing when no set
     * is stored, or when the stored set was made by another job than {@code madeBy} (a new generation
     * replaced it while the edit ran).
     *
     * @param urls the style's new URL per format; {@link PosterFormat#SQUARE} is the seed's field
     * @return the edited set, or empty when nothing was changed
     */
    Optional<DraftImages> restyle(
            EventDraftId eventDraftId,
            JobId madeBy,
            ImageStyle style,
            Map<PosterFormat, String> urls,
            Instant editedAt);
}
