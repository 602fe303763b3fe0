package dev.contentservice.adapter.imagegen.http;

import java.util.Optional;
import java.util.regex.Pattern;

/** Makes third-party text safe to show: no secret, no control characters, short. */
final class Redaction {
    static final int MAX_LENGTH = 200;
    private static final Pattern KEY_LIKE = Pattern.compile("sk-[A-Za-z0-9_*\\-]{4,}");

    private Redaction() {}

    static String clean(String text, Optional<String> secret) {
        String result = text;
        if (secret.isPresent() && !secret.get().isEmpty()) {
            result = result.replace(secret.get(), "[redacted]");
        }
        // provider messages about keys quote them partly masked, e.g. "sk-proj-****abcd"
        result = KEY_LIKE.matcher(result).replaceAll("[redacted]");
        result = result.replaceAll("\\p{Cntrl}", " ").strip();
        if (result.length() > MAX_LENGTH) {
            result = result.substring(0, MAX_LENGTH) + "…";
        }
        return result;
    }
}
