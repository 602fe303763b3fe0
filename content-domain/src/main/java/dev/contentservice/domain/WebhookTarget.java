package dev.contentservice.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a job's webhook goes: an absolute {@code http} or {@code https} URL with a host and no user
 * information, at most {@link #MAX_LENGTH} characters. Whether its address may be called is {@link
 * WebhookAddressPolicy}'s decision.
 */
public record WebhookTarget(URI url) {
    public static final int MAX_LENGTH = 2048;

    public WebhookTarget {
        Objects.requireNonNull(url, "url must not be null");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("url must be an http or https URL");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            throw new IllegalArgumentException("url must name a host");
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("url must not carry user information");
        }
        if (url.toString().length() > MAX_LENGTH) {
            throw new IllegalArgumentException("url must be at most " + MAX_LENGTH + " characters");
        }
    }

    /** The target of an untrusted text, or empty when it is not a valid webhook URL. */
    public static Optional<WebhookTarget> parse(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.of(new WebhookTarget(new URI(raw.strip())));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String host() {
        String host = url.getHost();
        // an IPv6 literal comes bracketed
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    @Override
    public String toString() {
        return url.toString();
    }
}
