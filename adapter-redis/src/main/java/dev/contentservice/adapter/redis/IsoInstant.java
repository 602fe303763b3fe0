package dev.contentservice.adapter.redis;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reads the timestamps this adapter writes ({@link Instant#toString}: {@code 2026-11-29T19:05:59.123Z}) without
 * {@link Instant#parse}, which on Java 17 builds a formatter for every call and was a measurable part of a
 * claim (two per job). Any other form, and any value the plain reading refuses, goes to {@link
 * Instant#parse}, so the result and the errors are exactly its. {@link #format} writes them, the text of
 * {@link Instant#toString} without its formatter (two or three per finished job).
 */
final class IsoInstant {
    private static final int[] SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private static final long FIRST_SECOND_OF_1000 =
            LocalDateTime.of(1000, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long LAST_SECOND_OF_9999 =
            LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);

    private IsoInstant() {}

    static Instant parse(String text) {
        int length = text.length();
        if (length < 20
                || length > 30
                || length == 21
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':'
                || text.charAt(length - 1) != 'Z'
                || (length > 20 && text.charAt(19) != '.')) {
            return Instant.parse(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = 0;
        if (length > 20) {
            int fraction = digits(text, 20, length - 1);
            nanos = fraction < 0 ? -1 : fraction * SCALE[length - 21];
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || nanos < 0) {
            return Instant.parse(text);
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return Instant.parse(text); // 24:00, a leap second, or an error in Instant.parse's own words
        }
    }

    /**
     * Exactly {@link Instant#toString}'s text: the fraction in groups of three digits, none when it is zero.
     * Years outside 1000–9999 (which it writes with a sign or fewer digits) are left to it.
     */
    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_SECOND_OF_1000 || seconds > LAST_SECOND_OF_9999) {
            return instant.toString();
        }
        LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        int year = time.getYear();
        int nanos = instant.getNano();
        char[] text = new char[31];
        put(text, 0, year, 4);
        text[4] = '-';
        put(text, 5, time.getMonthValue(), 2);
        text[7] = '-';
        put(text, 8, time.getDayOfMonth(), 2);
        text[10] = 'T';
        put(text, 11, time.getHour(), 2);
        text[13] = ':';
        put(text, 14, time.getMinute(), 2);
        text[16] = ':';
        put(text, 17, time.getSecond(), 2);
        int end = 19;
        if (nanos != 0) {
            text[end++] = '.';
            if (nanos % 1_000_000 == 0) {
                put(text, end, nanos / 1_000_000, 3);
                end += 3;
            } else if (nanos % 1000 == 0) {
                put(text, end, nanos / 1000, 6);
                end += 6;
            } else {
                put(text, end, nanos, 9);
                end += 9;
            }
        }
        text[end++] = 'Z';
        return new String(text, 0, end);
    }

    private static void put(char[] text, int from, int value, int width) {
        for (int i = from + width - 1; i >= from; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The number written by the ASCII digits from {@code from} to {@code to}, or -1 when one is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
