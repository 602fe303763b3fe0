package dev.contentservice.domain;

/**
 * The event information part of the AI record. Every field is optional: an absent one is the empty
 * string (never null); text is trimmed, stripped of control characters and capped at 500 characters.
 */
public record EventInfo(
        String storeName,
        String industry,
        String region,
        String title,
        String prize,
        String startDate,
        String endDate) {

    public static final EventInfo EMPTY = new EventInfo("", "", "", "", "", "", "");

    public EventInfo {
        storeName = Text.clean(storeName);
        industry = Text.clean(industry);
        region = Text.clean(region);
        title = Text.clean(title);
        prize = Text.clean(prize);
        startDate = Text.clean(startDate);
        endDate = Text.clean(endDate);
    }

    /** "2026-03-01 ~ 2026-03-15", one side alone, or "" when neither date is known. */
    public String period() {
        if (startDate.isEmpty() && endDate.isEmpty()) {
            return "";
        }
        if (startDate.isEmpty() || endDate.isEmpty()) {
            return startDate.isEmpty() ? "~ " + endDate : startDate + " ~";
        }
        return startDate + " ~ " + endDate;
    }
}
