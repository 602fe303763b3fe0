package dev.contentservice.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook payloads as the Standard Webhooks specification says: the {@code webhook-signature}
 * header is {@code v1,} followed by the base64 HMAC-SHA256 of {@code {id}.{timestamp}.{body}}, keyed with
 * the bytes that the secret {@code whsec_<base64>} encodes. Any Standard Webhooks library verifies it.
 */
public final class WebhookSigner {
    public static final String PREFIX = "whsec_";
    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] key;

    private WebhookSigner(byte[] key) {
        this.key = key;
    }

    /**
     * The signer of a secret {@code whsec_<base64>} (the prefix may be left out).
     *
     * @throws IllegalArgumentException when the secret is not base64 or shorter than 16 bytes; the
     *     message never contains the secret
     */
    public static WebhookSigner ofSecret(String secret) {
        Objects.requireNonNull(secret, "secret must not be null");
        String encoded = secret.strip();
        if (encoded.startsWith(PREFIX)) {
            encoded = encoded.substring(PREFIX.length());
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("secret must be whsec_ followed by base64");
        }
        if (key.length < 16) {
            throw new IllegalArgumentException("secret must encode at least 16 bytes, was " + key.length);
        }
        return new WebhookSigner(key);
    }

    /** The {@code webhook-signature} value: {@code v1,<base64>}. */
    public String sign(String id, long timestampSeconds, String body) {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(body, "body must not be null");
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            byte[] digest = mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /**
     * Whether one of the space-separated signatures of a {@code webhook-signature} header is this
     * signer's for the message (compared in constant time).
     */
    public boolean verifies(String id, long timestampSeconds, String body, String signatureHeader) {
        byte[] expected = sign(id, timestampSeconds, body).getBytes(StandardCharsets.US_ASCII);
        for (String candidate : signatureHeader.split(" ")) {
            if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "WebhookSigner[secret=(set)]";
    }
}
