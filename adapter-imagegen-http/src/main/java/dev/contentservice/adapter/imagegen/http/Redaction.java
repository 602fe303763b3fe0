package dev.contentservice.adapter.imagegen.http;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Makes a provider's text safe for the log: any run of {@value #MIN_RUN} or more characters of the key, in any
 * case, is blanked (so a key quoted whole, partly masked, cut short or lower-cased is gone), key-like tokens too,
 * control and bidirectional-override characters are removed, and the text is cut short.
 */
final class Redaction {
    static final int MAX_LENGTH = 300;
    static final int MIN_RUN = 8;
    private static final String MASK = "[redacted]";
    private static final Pattern KEY_LIKE = Pattern.compile("(?i)\\b(sk|gw|r8|rk|pk)[-_][A-Za-z0-9_*\\-.…]{4,}");
    private static final Pattern INVISIBLE =
            Pattern.compile("[\\p{Cntrl}\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069\\u061C\\uFEFF]");

    private Redaction() {}

    static String clean(String text, Optional<String> secret) {
        // invisible characters first, so that none can split a run of the key
        String result = INVISIBLE
                .matcher(text.length() > 4 * MAX_LENGTH ? text.substring(0, 4 * MAX_LENGTH) : text)
                .replaceAll(" ");
        if (secret.isPresent() && secret.get().length() >= MIN_RUN) {
            result = blankRuns(result, secret.get());
        }
        result = KEY_LIKE.matcher(result).replaceAll(MASK);
        result = result.strip();
        if (result.length() > MAX_LENGTH) {
            result = result.substring(0, MAX_LENGTH) + "…";
        }
        return result;
    }

    /** Blanks every stretch of {@code text} covered by some {@value #MIN_RUN}-character piece of the key. */
    private static String blankRuns(String text, String secret) {
        String lowerText = lower(text);
        String lowerSecret = lower(secret);
        boolean[] covered = new boolean[text.length()];
        for (int start = 0; start + MIN_RUN <= lowerSecret.length(); start++) {
            String piece = lowerSecret.substring(start, start + MIN_RUN);
            for (int at = lowerText.indexOf(piece); at >= 0; at = lowerText.indexOf(piece, at + 1)) {
                for (int i = at; i < at + MIN_RUN; i++) {
                    covered[i] = true;
                }
            }
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!covered[i]) {
                out.append(text.charAt(i));
            } else if (i == 0 || !covered[i - 1]) {
                out.append(MASK);
            }
        }
        return out.toString();
    }

    /** Lower case char by char, so that indexes stay those of the original text. */
    private static String lower(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }
}
