package dev.contentservice.adapter.rest;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The demo page's files, read from the classpath once at start and answered from memory with a strong
 * {@code ETag} (a browser revalidates and gets a 304 while the file is unchanged).
 *
 * <p>Not Javalin's classpath static files: Jetty serves those by mounting the service's jar as a zip file
 * system, four times, each holding an index of the jar's 20,000 entries and a copy of its central
 * directory: about 20 MB of heap for three small files.
 */
final class PageFiles {
    /** The page's files, each served under {@code /} and its name; {@code index.html} also under {@code /}. */
    static final Map<String, String> MEDIA_TYPES = Map.of(
            "index.html", "text/html;charset=utf-8",
            "app.css", "text/css;charset=utf-8",
            "app.js", "text/javascript;charset=utf-8");

    static final String INDEX = "index.html";

    private final Map<String, File> byPath;

    private record File(byte[] bytes, String mediaType, String etag) {}

    private PageFiles(Map<String, File> byPath) {
        this.byPath = byPath;
    }

    /** The page in {@code folder} on the classpath, or empty when it has no {@code index.html} there. */
    static Optional<PageFiles> load(String folder) {
        Map<String, File> byPath = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : MEDIA_TYPES.entrySet()) {
            String name = entry.getKey();
            byte[] bytes = read(folder + "/" + name);
            if (bytes == null) {
                continue;
            }
            File file = new File(bytes, entry.getValue(), etagOf(bytes));
            byPath.put("/" + name, file);
            if (name.equals(INDEX)) {
                byPath.put("/", file);
            }
        }
        return byPath.containsKey("/") ? Optional.of(new PageFiles(Map.copyOf(byPath))) : Optional.empty();
    }

    /** The paths the page answers: {@code /} and one per file. */
    Iterable<String> paths() {
        return byPath.keySet();
    }

    static boolean isPagePath(String path) {
        return path.equals("/") || (path.startsWith("/") && MEDIA_TYPES.containsKey(path.substring(1)));
    }

    void serve(Context ctx) {
        File file = byPath.get(ctx.path()); // only the paths of paths() are routed here
        ctx.header("ETag", file.etag());
        ctx.header("Cache-Control", "no-cache");
        if (matches(ctx.header("If-None-Match"), file.etag())) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType(file.mediaType()).result(file.bytes());
    }

    /**
     * Whether an {@code If-None-Match} list names {@code etag}, a strong tag (weak comparison, as RFC 9110
     * asks for it: a {@code W/} before a listed tag does not matter).
     */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static String etagOf(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\""
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(digest)
                            .substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = PageFiles.class.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the classpath", e);
        }
    }
}
