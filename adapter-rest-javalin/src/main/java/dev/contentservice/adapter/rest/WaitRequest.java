package dev.contentservice.adapter.rest;

import dev.contentservice.application.AwaitJobStatus;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a status request asks to wait: the query parameter {@code wait=N} (N whole seconds, 0 to 30;
 * anything else is a 400), or else the preference {@code Prefer: wait=N} of RFC 7240 (a larger N is
 * capped at 30, an unreadable one ignored, as preferences are).
 *
 * @param fromPrefer whether it came from {@code Prefer}, to be confirmed with {@code Preference-Applied}
 */
record WaitRequest(int seconds, boolean fromPrefer) {
    static final String QUERY = "wait";
    private static final Pattern QUERY_VALUE = Pattern.compile("\\d{1,2}");
    private static final Pattern PREFER_WAIT = Pattern.compile("\\s*wait\\s*=\\s*\"?(\\d{1,9})\"?\\s*(?:;.*)?");
    static final int MAX_SECONDS = (int) AwaitJobStatus.MAX_WAIT.toSeconds();

    /** The wait the request asks for, if any; throws a 400 for a malformed {@code wait} parameter. */
    static Optional<WaitRequest> of(Context ctx) {
        String query = ctx.queryParam(QUERY);
        if (query != null) {
            if (!QUERY_VALUE.matcher(query).matches() || Integer.parseInt(query) > MAX_SECONDS) {
                throw new HttpProblem(ApiError.INVALID_WAIT);
            }
            return Optional.of(new WaitRequest(Integer.parseInt(query), false));
        }
        Enumeration<String> prefers = ctx.req().getHeaders("Prefer");
        for (String header : prefers == null ? Collections.<String>emptyList() : Collections.list(prefers)) {
            for (String preference : header.split(",")) {
                Matcher wait = PREFER_WAIT.matcher(preference.toLowerCase(Locale.ROOT));
                if (wait.matches()) {
                    long asked = Long.parseLong(wait.group(1));
                    return Optional.of(new WaitRequest((int) Math.min(asked, MAX_SECONDS), true));
                }
            }
        }
        return Optional.empty();
    }
}
