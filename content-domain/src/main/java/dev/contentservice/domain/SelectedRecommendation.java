package dev.contentservice.domain;

import java.util.List;

/** The recommendation the owner selected. Absent text fields are "", an absent keyword list is empty. */
public record SelectedRecommendation(
        String title, String description, List<String> keywords, String targetAudience, String tone) {

    public static final SelectedRecommendation EMPTY = new SelectedRecommendation("", "", List.of(), "", "");

    public SelectedRecommendation {
        title = Text.clean(title);
        description = Text.clean(description);
        keywords = Text.cleanAll(keywords);
        targetAudience = Text.clean(targetAudience);
        tone = Text.clean(tone);
    }
}
