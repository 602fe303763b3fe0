package dev.contentservice.adapter.render;

import dev.contentservice.domain.PosterCopy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The words a poster shows, taken from the copy and made drawable with the bundled fonts. Any of them may
 * be empty, even the headline (when it held only characters no bundled font can draw).
 *
 * @param subtitle the event's own title when it differs from the headline, else ""
 * @param storeLine the store, its industry and its region joined by " · "
 * @param hashtags up to {@link #MAX_HASHTAGS} keywords, each as "#keyword" without inner spaces
 * @param mood a string that varies with the event (store details and keywords), not with its edited
 *     words, to pick colours from
 */
record PosterText(
        String headline,
        String subtitle,
        String description,
        String storeName,
        String storeLine,
        String prize,
        String period,
        List<String> hashtags,
        String mood) {
    static final int MAX_HASHTAGS = 5;

    PosterText {
        Objects.requireNonNull(headline, "headline must not be null");
        Objects.requireNonNull(subtitle, "subtitle must not be null");
        Objects.requireNonNull(description, "description must not be null");
        Objects.requireNonNull(storeName, "storeName must not be null");
        Objects.requireNonNull(storeLine, "storeLine must not be null");
        Objects.requireNonNull(prize, "prize must not be null");
        Objects.requireNonNull(period, "period must not be null");
        Objects.requireNonNull(mood, "mood must not be null");
        hashtags = List.copyOf(hashtags);
    }

    static PosterText from(PosterCopy copy, BundledFonts fonts) {
        String headline = fonts.drawable(copy.headline());
        String eventTitle = fonts.drawable(copy.eventTitle());
        String storeName = fonts.drawable(copy.store());
        String detail = fonts.drawable(copy.storeDetail());
        String storeLine = storeName.isEmpty() ? detail : detail.isEmpty() ? storeName : storeName + " · " + detail;
        List<String> hashtags = new ArrayList<>();
        for (String keyword : copy.keywords()) {
            String tag = fonts.drawable(keyword).replace(" ", "").replaceFirst("^#+", "");
            if (!tag.isEmpty() && hashtags.size() < MAX_HASHTAGS) {
                hashtags.add("#" + tag);
            }
        }
        return new PosterText(
                headline,
                eventTitle.equals(headline) ? "" : eventTitle,
                fonts.drawable(copy.description()),
                storeName,
                storeLine,
                fonts.drawable(copy.prize()),
                fonts.drawable(copy.period()),
                hashtags,
                copy.storeDetail() + "|" + String.join(",", copy.keywords()));
    }
}
