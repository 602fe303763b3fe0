package dev.contentservice.domain;

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
        StringBuilder prompt = new StringBuilder(MAX_LENGTH);
        prompt.append(visualLanguage(style))
                .append(" Square SNS poster for a small business event. Headline text (Korean, render exactly): \"")
                .append(recommendation.headline())
                .append("\".");
        add(prompt, "Event: ", event.title().equals(recommendation.headline()) ? "" : event.title());
        add(prompt, "Subject: ", selected.description());
        add(prompt, "Store: ", joinNonEmpty(", ", event.storeName(), event.industry(), event.region()));
        add(prompt, "Prize: ", event.prize());
        add(prompt, "Period: ", event.period());
        add(prompt, "Keywords: ", String.join(", ", selected.keywords()));
        add(prompt, "Audience: ", selected.targetAudience());
        add(prompt, "Tone: ", selected.tone());
        prompt.append(" No watermark, no logos of other brands, legible Korean typography.");
        return prompt.length() <= MAX_LENGTH ? prompt.toString() : prompt.substring(0, MAX_LENGTH);
    }

    /**
     * The prompt for a style's <em>art</em> only, when the service sets the typography itself (issue 13):
     * the picture, its subject and its mood, with no text or letters at all, and calm room where each
     * style's layout sets its words. The subject is kept near the centre, so that one picture can be
     * cover-cropped to every {@link PosterFormat} from square to 9:16.
     */
    public static String art(ImageStyle style, Recommendation recommendation) {
        EventInfo event = recommendation.eventInfo();
        SelectedRecommendation selected = recommendation.selected();
        StringBuilder prompt = new StringBuilder(MAX_LENGTH);
        prompt.append(artLanguage(style))
                .append(" Background art for an SNS poster of a small business event; the poster's words are added")
                .append(" later by a designer.");
        add(prompt, "Business: ", joinNonEmpty(", ", event.industry(), event.region()));
        add(prompt, "Subject: ", selected.description().isEmpty() ? recommendation.headline() : selected.description());
        add(prompt, "Motifs: ", String.join(", ", selected.keywords()));
        add(prompt, "Mood: ", selected.tone());
        prompt.append(' ')
                .append(roomForText(style))
                .append(" Keep the main subject near the centre so that the picture can be cropped to square, 4:5")
                .append(
                        " and 9:16. Absolutely no text, letters, numbers, captions, signs, labels, logos or watermarks.");
        return prompt.length() <= MAX_LENGTH ? prompt.toString() : prompt.substring(0, MAX_LENGTH);
    }

    private static String artLanguage(ImageStyle style) {
        return switch (style) {
            case SIMPLE ->
                "Style: simple (심플). Minimal flat illustration or clean product photo, soft natural light,"
                        + " generous plain space, one accent colour.";
            case FANCY ->
                "Style: fancy (화려한). Luxurious and festive, rich deep jewel tones, gold accents, bokeh,"
                        + " sparkles, dramatic lighting.";
            case TRENDY ->
                "Style: trendy (트렌디). Bold Instagram look, vivid gradient colours, playful shapes and"
                        + " stickers, youthful energy.";
        };
    }

    private static String roomForText(ImageStyle style) {
        return switch (style) {
            case SIMPLE -> "Put the subject in the upper third; keep the lower two thirds light, calm and plain.";
            case FANCY -> "Keep the middle of the picture darker and uncluttered; put the ornament at the edges.";
            case TRENDY -> "Keep the left side and the middle open and uncluttered; the subject may sit top right.";
        };
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

    /** {@code label value.} after a space, when there is a value. */
    private static void add(StringBuilder prompt, String label, String value) {
        if (!value.isEmpty()) {
            prompt.append(' ').append(label).append(value).append('.');
        }
    }

    private static String joinNonEmpty(String separator, String... values) {
        StringBuilder joined = new StringBuilder();
        for (String value : values) {
            if (!value.isEmpty()) {
                if (joined.length() > 0) {
                    joined.append(separator);
                }
                joined.append(value);
            }
        }
        return joined.toString();
    }
}
