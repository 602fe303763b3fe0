package dev.contentservice.adapter.render;

import dev.contentservice.domain.EventInfo;
import dev.contentservice.domain.Recommendation;
import dev.contentservice.domain.SelectedRecommendation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The words a poster shows, taken from the event and made drawable with the bundled fonts. Any of them
 * may be empty except that a recommendation always has a headline (it may still become empty here when
 * it held only characters the fonts cannot draw, such as emoji).
 *
 * @param subtitle the event's own title when the headline is the selected recommendation's, else ""
 * @param storeLine the store, its industry and its region joined by " · "
 * @param hashtags up to {@link #MAX_HASHTAGS} keywords, each as "#keyword" without inner spaces
 * @param mood a string that varies with the event (industry and tone), to pick colours from
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

    static PosterText from(Recommendation recommendation, BundledFonts fonts) {
        EventInfo event = recommendation.eventInfo();
        SelectedRecommendation selected = recommendation.selected();
        String headline = fonts.drawable(recommendation.headline());
        String eventTitle = fonts.drawable(event.title());
        String subtitle = eventTitle.equals(headline) ? "" : eventTitle;
        String storeName = fonts.drawable(event.storeName());
        String storeLine = joinNonEmpty(storeName, fonts.drawable(event.industry()), fonts.drawable(event.region()));
        List<String> hashtags = new ArrayList<>();
        for (String keyword : selected.keywords()) {
            String tag = fonts.drawable(keyword).replace(" ", "").replaceFirst("^#+", "");
            if (!tag.isEmpty() && hashtags.size() < MAX_HASHTAGS) {
                hashtags.add("#" + tag);
            }
        }
        return new PosterText(
                headline,
                subtitle,
                fonts.drawable(selected.description()),
                storeName,
                storeLine,
                fonts.drawable(event.prize()),
                fonts.drawable(event.period()),
                hashtags,
                event.industry() + "|" + selected.tone());
    }

    private static String joinNonEmpty(String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (!part.isEmpty()) {
                present.add(part);
            }
        }
        return String.join(" · ", present);
    }
}
