package dev.contentservice.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the text prompt for one style. The style decides the visual language; the event supplies the
 * text and the subject. Prompts stay within {@link #MAX_LENGTH} characters, the smallest limit among
 * OpenAI's image models (dall-e-2), so every compatible provider accepts them.
 */
public final class StylePrompt {
    public static final int MAX_LENGTH = 1000;

    private StylePrompt() {}

    public static String of(ImageStyle style, Recommendation recommendation) {
        EventInfo event = recommendation.eventInfo();
        SelectedRecommendation selected = recommendation.selected();
        List<String> parts = new ArrayList<>();
        parts.add(visualLanguage(style));
        parts.add("Square SNS poster for a small business event. Headline text (Korean, render exactly): \""
                + recommendation.headline() + "\".");
        add(parts, "Event: ", event.title().equals(recommendation.headline()) ? "" : event.title());
        add(parts, "Subject: ", selected.description());
        add(parts, "Store: ", joinNonEmpty(", ", event.storeName(), event.industry(), event.region()));
        add(parts, "Prize: ", event.prize());
        add(parts, "Period: ", event.period());
        add(parts, "Keywords: ", String.join(", ", selected.keywords()));
        add(parts, "Audience: ", selected.targetAudience());
        add(parts, "Tone: ", selected.tone());
        parts.add("No watermark, no logos of other brands, legible Korean typography.");
        String prompt = String.join(" ", parts);
        return prompt.length() <= MAX_LENGTH ? prompt : prompt.substring(0, MAX_LENGTH);
    }

    private static String visualLanguage(ImageStyle style) {
        return switch (style) {
            case SIMPLE ->
                "Style: simple (심플). Minimal flat design, generous white space, one accent colour,"
                        + " clean sans-serif type, calm and tidy layout.";
            case FANCY ->
                "Style: fancy (화려한). Luxurious and festive, rich saturated colours, gold accents,"
                        + " sparkles and confetti, ornate frame, dramatic lighting.";
            case TRENDY ->
                "Style: trendy (트렌디). Bold Instagram look, vivid gradient, oversized playful type,"
                        + " stickers and emoji shapes, youthful energy.";
        };
    }

    private static void add(List<String> parts, String label, String value) {
        if (!value.isEmpty()) {
            parts.add(label + value + ".");
        }
    }

    private static String joinNonEmpty(String separator, String... values) {
        List<String> present = new ArrayList<>();
        for (String value : values) {
            if (!value.isEmpty()) {
                present.add(value);
            }
        }
        return String.join(separator, present);
    }
}
