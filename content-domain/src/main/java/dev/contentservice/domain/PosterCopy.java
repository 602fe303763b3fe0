package dev.contentservice.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The words set on a poster: what the owner may edit ({@link EditableText}), taken first from the
 * recommendation. Any of them may be empty (an edit may remove one). Text is cleaned as the recommendation's
 * is (trimmed, control characters and line breaks made spaces, at most 500 characters); the tighter limits
 * of an edit are {@link EditableText#maxLength()}.
 *
 * @param headline the big line: the selected recommendation's title, else the event's
 * @param eventTitle the event's own title, shown under the headline when it differs from it
 * @param description how to take part
 * @param prize what participants win
 * @param period when, as Korean posters write it: {@code 3.1(일) ~ 3.15(일)}
 * @param store the store's name
 * @param storeDetail the industry and region, {@code "베이커리 · 서울 강남구"} (not editable)
 * @param keywords the hashtags, without {@code #} (not editable)
 */
public record PosterCopy(
        String headline,
        String eventTitle,
        String description,
        String prize,
        String period,
        String store,
        String storeDetail,
        List<String> keywords) {

    /** Monday to Sunday, written here rather than taken from the JDK's locale data, which a slim runtime may lack. */
    private static final String WEEKDAYS = "월화수목금토일";
    /** Compiled once: {@code String.matches} compiled it for every date of every poster. */
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public PosterCopy {
        headline = Text.clean(headline);
        eventTitle = Text.clean(eventTitle);
        description = Text.clean(description);
        prize = Text.clean(prize);
        period = Text.clean(period);
        store = Text.clean(store);
        storeDetail = Text.clean(storeDetail);
        keywords = Text.cleanAll(keywords);
    }

    /** The copy of a recommendation as the AI service wrote it, with the period in Korean poster style. */
    public static PosterCopy from(Recommendation recommendation) {
        Objects.requireNonNull(recommendation, "recommendation must not be null");
        EventInfo event = recommendation.eventInfo();
        String headline = recommendation.headline();
        return new PosterCopy(
                headline,
                event.title().equals(headline) ? "" : event.title(),
                recommendation.selected().description(),
                event.prize(),
                koreanPeriod(event.startDate(), event.endDate()),
                event.storeName(),
                joinNonEmpty(" · ", event.industry(), event.region()),
                recommendation.selected().keywords());
    }

    /** This copy with the texts of an owner's edit replaced (its palette is the composer's business). */
    public PosterCopy edited(ImageEdit edit) {
        Objects.requireNonNull(edit, "edit must not be null");
        PosterCopy copy = this;
        for (Map.Entry<EditableText, String> text : edit.text().entrySet()) {
            copy = copy.with(text.getKey(), text.getValue());
        }
        return copy;
    }

    /** This copy with one text replaced; a value longer than {@link EditableText#maxLength()} is refused. */
    public PosterCopy with(EditableText field, String value) {
        Objects.requireNonNull(field, "field must not be null");
        String cleaned = Text.clean(value);
        if (cleaned.codePointCount(0, cleaned.length()) > field.maxLength()) {
            throw new IllegalArgumentException(field.key() + " must be at most " + field.maxLength() + " characters");
        }
        return switch (field) {
            case HEADLINE ->
                new PosterCopy(cleaned, eventTitle, description, prize, period, store, storeDetail, keywords);
            case TITLE -> new PosterCopy(headline, cleaned, description, prize, period, store, storeDetail, keywords);
            case DESCRIPTION ->
                new PosterCopy(headline, eventTitle, cleaned, prize, period, store, storeDetail, keywords);
            case PRIZE ->
                new PosterCopy(headline, eventTitle, description, cleaned, period, store, storeDetail, keywords);
            case PERIOD ->
                new PosterCopy(headline, eventTitle, description, prize, cleaned, store, storeDetail, keywords);
            case STORE ->
                new PosterCopy(headline, eventTitle, description, prize, period, cleaned, storeDetail, keywords);
        };
    }

    /** The value of one editable text. */
    public String get(EditableText field) {
        return switch (Objects.requireNonNull(field, "field must not be null")) {
            case HEADLINE -> headline;
            case TITLE -> eventTitle;
            case DESCRIPTION -> description;
            case PRIZE -> prize;
            case PERIOD -> period;
            case STORE -> store;
        };
    }

    /**
     * The period as Korean posters write it, the weekday computed from the date: {@code 3.1(일) ~ 3.15(일)};
     * the year is written only when the two dates fall in different years ({@code 2026.12.28(월) ~
     * 2027.1.3(일)}). A date that is not ISO {@code yyyy-MM-dd} is kept as written.
     */
    public static String koreanPeriod(String startDate, String endDate) {
        String start = Text.clean(startDate);
        String end = Text.clean(endDate);
        Optional<LocalDate> from = parse(start);
        Optional<LocalDate> to = parse(end);
        boolean withYear = from.isPresent()
                && to.isPresent()
                && from.get().getYear() != to.get().getYear();
        String left = from.map(date -> korean(date, withYear)).orElse(start);
        String right = to.map(date -> korean(date, withYear)).orElse(end);
        if (left.isEmpty() && right.isEmpty()) {
            return "";
        }
        if (left.isEmpty() || right.isEmpty()) {
            return left.isEmpty() ? "~ " + right : left + " ~";
        }
        return left.equals(right) ? left : left + " ~ " + right;
    }

    private static String korean(LocalDate date, boolean withYear) {
        char weekday = WEEKDAYS.charAt(date.getDayOfWeek().getValue() - 1);
        return (withYear ? date.getYear() + "." : "") + date.getMonthValue() + "." + date.getDayOfMonth() + "("
                + weekday + ")";
    }

    private static Optional<LocalDate> parse(String date) {
        if (!ISO_DATE.matcher(date).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(date));
        } catch (DateTimeException e) {
            return Optional.empty();
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
