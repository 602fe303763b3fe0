package dev.contentservice.bootstrap;

import dev.contentservice.adapter.objectstore.S3Settings;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the hosted image bytes live and which URLs point at them: {@code CONTENT_IMAGE_STORE} and its
 * settings, read from a {@link ContentConfig}'s variables. The configuration reads it once, when it is made,
 * so a bad value stops the start with a message naming the variable.
 *
 * @param kind {@code CONTENT_IMAGE_STORE}: {@code memory} (embedded default), {@code redis} (default with
 *     {@code CONTENT_REDIS_URL}), {@code filesystem} or {@code s3}
 * @param folder {@code CONTENT_IMAGE_DIR}, with {@code filesystem}
 * @param s3 the {@code CONTENT_S3_*} settings, with {@code s3}
 * @param publicUrl {@code CONTENT_IMAGE_PUBLIC_URL}: the images' URLs are {@code {publicUrl}/{object
 *     key}} instead of this service's file route
 */
record ImageStorage(Kind kind, Optional<Path> folder, Optional<S3Settings> s3, Optional<String> publicUrl) {

    enum Kind {
        MEMORY,
        REDIS,
        FILESYSTEM,
        S3;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    ImageStorage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(s3, "s3");
        Objects.requireNonNull(publicUrl, "publicUrl");
        if (kind == Kind.FILESYSTEM && folder.isEmpty()) {
            throw new IllegalArgumentException("CONTENT_IMAGE_DIR must be set when CONTENT_IMAGE_STORE=filesystem");
        }
        if (kind == Kind.S3 && s3.isEmpty()) {
            throw new IllegalArgumentException("CONTENT_S3_BUCKET must be set when CONTENT_IMAGE_STORE=s3");
        }
    }

    /** Reads the settings from a configuration's variables, Redis by default when it has a Redis URL. */
    static ImageStorage from(Optional<String> redisUrl, Map<String, String> variables) {
        Kind kind = text(variables, "CONTENT_IMAGE_STORE")
                .map(ImageStorage::parseKind)
                .orElse(redisUrl.isPresent() ? Kind.REDIS : Kind.MEMORY);
        if (kind == Kind.REDIS && redisUrl.isEmpty()) {
            throw new IllegalArgumentException("CONTENT_IMAGE_STORE=redis needs CONTENT_REDIS_URL");
        }
        // every variable is read whichever store is chosen: a bad value stops the start even while unused
        Optional<Path> folder =
                text(variables, "CONTENT_IMAGE_DIR").map(ImageStorage::path).filter(read -> kind == Kind.FILESYSTEM);
        Optional<S3Settings> s3 = s3(variables).filter(read -> kind == Kind.S3);
        Optional<String> publicUrl = text(variables, "CONTENT_IMAGE_PUBLIC_URL").map(ImageStorage::publicUrl);
        return new ImageStorage(kind, folder, s3, publicUrl);
    }

    /** The object key (S3: with the prefix) of a hosted image, as it follows the public URL. */
    String objectKey(String fileName) {
        return s3.map(settings -> settings.objectKey(fileName)).orElse(fileName);
    }

    private static Kind parseKind(String value) {
        try {
            return Kind.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "CONTENT_IMAGE_STORE must be memory, filesystem, s3 or redis, was '" + value + "'");
        }
    }

    private static Path path(String value) {
        try {
            return Path.of(value).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("CONTENT_IMAGE_DIR is not a valid path");
        }
    }

    private static String publicUrl(String value) {
        String url = value.replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CONTENT_IMAGE_PUBLIC_URL is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null
                || uri.getQuery() != null
                || uri.getFragment() != null) {
            throw new IllegalArgumentException(
                    "CONTENT_IMAGE_PUBLIC_URL must be an http or https URL with a host and no query, e.g. https://cdn.example.com/events");
        }
        return url;
    }

    private static Optional<S3Settings> s3(Map<String, String> variables) {
        Optional<URI> endpoint = text(variables, "CONTENT_S3_ENDPOINT").map(value -> {
            try {
                URI uri = URI.create(value.replaceAll("/+$", ""));
                if (uri.getHost() == null
                        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                    throw new IllegalArgumentException();
                }
                return uri;
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("CONTENT_S3_ENDPOINT must be an http or https URL with a host");
            }
        });
        Optional<String> accessKey = text(variables, "CONTENT_S3_ACCESS_KEY");
        Optional<String> secretKey = text(variables, "CONTENT_S3_SECRET_KEY");
        if (accessKey.isPresent() != secretKey.isPresent()) {
            throw new IllegalArgumentException(
                    "CONTENT_S3_ACCESS_KEY and CONTENT_S3_SECRET_KEY must be set together (or neither: the SDK's default credential chain)");
        }
        // path style by default for S3-compatible servers (MinIO needs it), virtual-hosted for AWS
        boolean pathStyle = bool(variables, "CONTENT_S3_PATH_STYLE", endpoint.isPresent());
        Optional<String> bucket = text(variables, "CONTENT_S3_BUCKET");
        if (bucket.isEmpty()) {
            return Optional.empty(); // the constructor names the missing variable
        }
        String bucketName = bucket.get();
        String prefix = text(variables, "CONTENT_S3_PREFIX").orElse("");
        String region = text(variables, "CONTENT_S3_REGION").orElse(S3Settings.DEFAULT_REGION);
        try {
            return Optional.of(new S3Settings(
                    bucketName,
                    prefix,
                    region,
                    endpoint,
                    pathStyle,
                    accessKey.map(key -> new S3Settings.Credentials(key, secretKey.orElseThrow())),
                    S3Settings.DEFAULT_TIMEOUT));
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            String variable = message.startsWith("bucket")
                    ? "CONTENT_S3_BUCKET"
                    : message.startsWith("prefix") ? "CONTENT_S3_PREFIX" : "CONTENT_S3_REGION";
            throw new IllegalArgumentException(variable + ": " + message);
        }
    }

    private static Optional<String> text(Map<String, String> variables, String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static boolean bool(Map<String, String> variables, String name, boolean fallback) {
        return text(variables, name)
                .map(value -> switch (value.toLowerCase(Locale.ROOT)) {
                    case "true", "1", "yes", "on" -> true;
                    case "false", "0", "no", "off" -> false;
                    default -> throw new IllegalArgumentException(name + " must be true or false, was '" + value + "'");
                })
                .orElse(fallback);
    }

    @Override
    public String toString() {
        return kind.key()
                + folder.map(path -> " " + path).orElse("")
                + s3.map(settings -> " " + settings).orElse("")
                + publicUrl.map(url -> ", public URL " + url).orElse("");
    }
}
