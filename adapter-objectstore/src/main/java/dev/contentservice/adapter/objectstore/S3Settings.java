package dev.contentservice.adapter.objectstore;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where and how the images are stored in an S3-compatible bucket.
 *
 * @param bucket the bucket's name (3–63 characters of lower-case letters, digits, dots and hyphens)
 * @param prefix put before every object key, for example {@code events/}; empty for none. A prefix
 *     without a trailing slash gets one.
 * @param region the bucket's region ({@code us-east-1} for most S3-compatible servers, {@code auto} for R2)
 * @param endpoint the server's URL for non-AWS services (MinIO, R2, Naver or NHN Cloud); empty = AWS
 * @param pathStyle {@code true}: {@code endpoint/bucket/key} (MinIO and most S3-compatible servers);
 *     {@code false}: {@code bucket.endpoint/key}
 * @param credentials the access key pair; empty = the SDK's default credential chain
 * @param timeout the budget of one call, retries included
 */
public record S3Settings(
        String bucket,
        String prefix,
        String region,
        Optional<URI> endpoint,
        boolean pathStyle,
        Optional<Credentials> credentials,
        Duration timeout) {
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9!_.*'()/-]{0,200}");
    public static final String DEFAULT_REGION = "us-east-1";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public S3Settings {
        if (bucket == null || !BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException("bucket must be 3-63 characters of a-z, 0-9, '.' and '-'");
        }
        Objects.requireNonNull(prefix, "prefix must not be null");
        if (!PREFIX.matcher(prefix).matches() || prefix.startsWith("/") || prefix.contains("//")) {
            throw new IllegalArgumentException(
                    "prefix must be up to 200 characters of letters, digits and !_.*'()/- without a leading or double slash");
        }
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("region must not be blank");
        }
        region = region.strip().toLowerCase(Locale.ROOT);
        Objects.requireNonNull(endpoint, "endpoint must not be null");
        endpoint.ifPresent(uri -> {
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("endpoint must be an http or https URL with a host");
            }
        });
        Objects.requireNonNull(credentials, "credentials must not be null");
        Objects.requireNonNull(timeout, "timeout must not be null");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** A bucket on an S3-compatible server with path-style addressing and the given keys (tests, MinIO). */
    public static S3Settings compatible(URI endpoint, String bucket, String accessKey, String secretKey) {
        return new S3Settings(
                bucket,
                "",
                DEFAULT_REGION,
                Optional.of(endpoint),
                true,
                Optional.of(new Credentials(accessKey, secretKey)),
                DEFAULT_TIMEOUT);
    }

    public S3Settings withPrefix(String value) {
        return new S3Settings(bucket, value, region, endpoint, pathStyle, credentials, timeout);
    }

    public S3Settings withTimeout(Duration value) {
        return new S3Settings(bucket, prefix, region, endpoint, pathStyle, credentials, value);
    }

    /** The object key of a hosted image: the prefix, then the file name. */
    public String objectKey(String fileName) {
        return prefix + fileName;
    }

    /** An access key pair. Its {@code toString} never shows the secret. */
    public record Credentials(String accessKey, String secretKey) {
        public Credentials {
            if (accessKey == null || accessKey.isBlank()) {
                throw new IllegalArgumentException("accessKey must not be blank");
            }
            if (secretKey == null || secretKey.isBlank()) {
                throw new IllegalArgumentException("secretKey must not be blank");
            }
        }

        @Override
        public String toString() {
            return "Credentials[(set)]";
        }
    }

    @Override
    public String toString() {
        return "S3Settings[bucket=" + bucket + ", prefix=" + prefix + ", region=" + region + ", endpoint="
                + endpoint.map(URI::toString).orElse("(AWS)") + ", pathStyle=" + pathStyle + ", credentials="
                + credentials.map(c -> "(set)").orElse("(default chain)") + ", timeout=" + timeout + "]";
    }
}
