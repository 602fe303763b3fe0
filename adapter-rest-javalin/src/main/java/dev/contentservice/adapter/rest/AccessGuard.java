package dev.contentservice.adapter.rest;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * API keys: with keys configured, every {@code /api/**} request must carry {@code Authorization: Bearer
 * <key>}, else 401 {@code UNAUTHORIZED}. Keys are compared as SHA-256 digests with {@link
 * MessageDigest#isEqual} against every key (no early exit), so neither the length nor the content of a
 * key leaks through timing. Keys are never logged.
 *
 * <p>Open even then: CORS preflights (browsers send them without credentials), the hosted image files
 * (their unguessable names are the capability: {@code <img>} tags and shared links cannot send a header),
 * and, unless {@code protectOperations}, health, metrics and the API description.
 */
final class AccessGuard {
    private static final String BEARER = "bearer ";

    private final List<byte[]> keyDigests;
    private final boolean protectOperations;

    AccessGuard(List<String> keys, boolean protectOperations) {
        this.keyDigests = keys.stream().map(AccessGuard::digest).toList();
        this.protectOperations = protectOperations;
    }

    void check(Context ctx) {
        if (keyDigests.isEmpty() || HandlerType.OPTIONS.equals(ctx.method()) || !guarded(ctx.path())) {
            return;
        }
        if (!accepts(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new HttpProblem(ApiError.UNAUTHORIZED);
        }
    }

    private boolean guarded(String path) {
        if (path.startsWith("/api/")) {
            return !path.startsWith(ContentHttpServer.IMAGE_FILES_PATH);
        }
        return protectOperations && OperationsApi.isOperationsPath(path);
    }

    boolean accepts(String authorization) {
        if (authorization == null
                || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] presented = digest(authorization.substring(BEARER.length()).trim());
        boolean match = false;
        for (byte[] key : keyDigests) {
            match |= MessageDigest.isEqual(presented, key);
        }
        return match;
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
