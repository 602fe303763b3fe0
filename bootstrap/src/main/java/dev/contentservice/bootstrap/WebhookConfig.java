package dev.contentservice.bootstrap;

import dev.contentservice.domain.WebhookSigner;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The webhook settings, read from the {@code CONTENT_*} variables of a {@link ContentConfig}.
 *
 * @param signer {@code CONTENT_WEBHOOK_SECRET} ({@code whsec_<base64>}); unset = webhooks not offered
 * @param allowPrivate {@code CONTENT_WEBHOOK_ALLOW_PRIVATE}: lift the public-address rule (tests, private
 *     networks)
 * @param timeout {@code CONTENT_WEBHOOK_TIMEOUT_SECONDS}, 10: one attempt, connect to last byte
 */
public record WebhookConfig(Optional<WebhookSigner> signer, boolean allowPrivate, Duration timeout) {
    static final String SECRET = "CONTENT_WEBHOOK_SECRET";
    static final String ALLOW_PRIVATE = "CONTENT_WEBHOOK_ALLOW_PRIVATE";
    static final String TIMEOUT = "CONTENT_WEBHOOK_TIMEOUT_SECONDS";

    /** Reads the settings; throws IllegalArgumentException naming the variable at fault (never the secret). */
    static WebhookConfig from(Map<String, String> variables) {
        Optional<WebhookSigner> signer = text(variables, SECRET).map(secret -> {
            try {
                return WebhookSigner.ofSecret(secret);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(SECRET + ": " + e.getMessage());
            }
        });
        boolean allowPrivate = text(variables, ALLOW_PRIVATE)
                .map(value -> switch (value.toLowerCase(Locale.ROOT)) {
                    case "true", "1", "yes", "on" -> true;
                    case "false", "0", "no", "off" -> false;
                    default ->
                        throw new IllegalArgumentException(
                                ALLOW_PRIVATE + " must be true or false, was '" + value + "'");
                })
                .orElse(false);
        int seconds = text(variables, TIMEOUT)
                .map(value -> {
                    try {
                        return Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(TIMEOUT + " must be a whole number, was '" + value + "'");
                    }
                })
                .orElse(10);
        if (seconds < 1 || seconds > 60) {
            throw new IllegalArgumentException(TIMEOUT + " must be 1..60, was " + seconds);
        }
        return new WebhookConfig(signer, allowPrivate, Duration.ofSeconds(seconds));
    }

    /** A claimed delivery is held this long: well past one attempt's timeout. */
    Duration lease() {
        return timeout.multipliedBy(2).plusSeconds(5);
    }

    private static Optional<String> text(Map<String, String> variables, String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    @Override
    public String toString() {
        return "WebhookConfig[secret=" + (signer.isPresent() ? "(set)" : "(unset)") + ", allowPrivate=" + allowPrivate
                + ", timeout=" + timeout + "]";
    }
}
