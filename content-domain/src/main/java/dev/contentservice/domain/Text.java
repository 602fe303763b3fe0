package dev.contentservice.domain;

import java.util.List;

/** Normalisation of the free text that the AI service writes: absent is the empty string, never null. */
final class Text {
    static final int MAX_FIELD = 500;
    static final int MAX_KEYWORDS = 20;

    private Text() {}

    /**
     * Trims, drops control characters, replaces a lone surrogate (which no UTF-8 store keeps) with U+FFFD,
     * folds null to "" and cuts at {@link #MAX_FIELD} characters.
     */
    static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        if (raw.length() <= MAX_FIELD && !needsReplacing(raw)) {
            return raw.strip(); // the common case: nothing to replace or cut, and no copy when nothing to trim
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), MAX_FIELD));
        raw.codePoints()
                .map(cp -> Character.isISOControl(cp) ? ' ' : isLoneSurrogate(cp) ? 0xFFFD : cp)
                .limit(MAX_FIELD)
                .forEach(out::appendCodePoint);
        return out.toString().strip();
    }

    /** What {@link String#codePoints()} gives for a surrogate without its pair. */
    private static boolean isLoneSurrogate(int codePoint) {
        return codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
    }

    /** A control character or a surrogate (paired ones are kept by the slow path, as code points). */
    private static boolean needsReplacing(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    static List<String> cleanAll(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        return raw.stream()
                .map(Text::clean)
                .filter(s -> !s.isEmpty())
                .limit(MAX_KEYWORDS)
                .toList();
    }
}
