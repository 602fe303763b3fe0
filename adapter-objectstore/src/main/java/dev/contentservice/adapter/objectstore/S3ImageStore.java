package dev.contentservice.adapter.objectstore;

import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageFileName;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageStore;
import dev.contentservice.domain.StoreUnavailableException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The images in an S3-compatible bucket (AWS S3, Cloudflare R2, MinIO, Naver Cloud or NHN Cloud Object
 * Storage), one object per image under {@code {prefix}{name}}, written with its content type and a long
 * immutable {@code Cache-Control}, so a CDN in front of the bucket can serve them as they are.
 *
 * <p>Objects carry the instant they expire as the metadata {@code x-amz-meta-expires-at}; this store
 * answers an expired object as missing. Deleting them is the bucket's lifecycle rule's job (README: expire
 * the prefix's objects after 7 days), so the store never lists or deletes.
 *
 * <p>Every failure to reach the bucket (connection refused, timeouts, 5xx, refused credentials) is a
 * {@link StoreUnavailableException}: the worker then leaves the job to be claimed again instead of
 * failing it. Nothing here logs a key or a secret.
 */
public final class S3ImageStore implements ImageStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(S3ImageStore.class);
    static final String EXPIRES_AT = "expires-at";
    static final String CACHE_CONTROL = "public, max-age=" + ImageSet.TTL.toSeconds() + ", immutable";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private final S3Client client;
    private final S3Settings settings;
    private final Clock clock;

    public S3ImageStore(S3Settings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.client = client(settings);
    }

    static S3Client client(S3Settings settings) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(settings.timeout()))
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle())
                .credentialsProvider(credentials(settings))
                // S3-compatible servers often refuse the aws-chunked CRC bodies the SDK sends by default
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(config -> config.apiCallTimeout(settings.timeout()));
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(S3Settings settings) {
        return settings.credentials()
                .<AwsCredentialsProvider>map(keys -> StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(keys.accessKey(), keys.secretKey())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }

    public S3Settings settings() {
        return settings;
    }

    @Override
    public void put(ImageFileName name, GeneratedImage image) {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(image, "image must not be null");
        byte[] bytes = image.bytes();
        PutObjectRequest request = PutObjectRequest.builder()
                .bucket(settings.bucket())
                .key(settings.objectKey(name.value()))
                .contentType(image.format().mediaType())
                .contentLength((long) bytes.length)
                .cacheControl(CACHE_CONTROL)
                .metadata(Map.of(EXPIRES_AT, clock.instant().plus(ImageSet.TTL).toString()))
                .build();
        try {
            client.putObject(request, RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw unavailable("put " + name.value(), e);
        }
    }

    @Override
    public Optional<StoredImage> get(ImageFileName name) {
        Objects.requireNonNull(name, "name must not be null");
        GetObjectRequest request = GetObjectRequest.builder()
                .bucket(settings.bucket())
                .key(settings.objectKey(name.value()))
                .build();
        ResponseBytes<GetObjectResponse> object;
        try {
            object = client.getObjectAsBytes(request);
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw unavailable("get " + name.value(), e);
        } catch (SdkException e) {
            throw unavailable("get " + name.value(), e);
        }
        GetObjectResponse response = object.response();
        if (expired(response.metadata().get(EXPIRES_AT))) {
            return Optional.empty();
        }
        byte[] bytes = object.asByteArrayUnsafe();
        if (bytes.length == 0) {
            return Optional.empty();
        }
        String mediaType = response.contentType() == null
                ? name.format().mediaType()
                : response.contentType().split(";")[0].strip();
        return Optional.of(new StoredImage(bytes, mediaType));
    }

    private boolean expired(String expiresAt) {
        if (expiresAt == null) {
            return false; // written by someone else: the lifecycle rule decides
        }
        try {
            return !Instant.parse(expiresAt).isAfter(clock.instant());
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Whether the bucket answers a HeadBucket in a few seconds (readiness). */
    public boolean ping() {
        return checkBucket(PROBE_TIMEOUT) == BucketCheck.OK;
    }

    /** Asks the bucket whether it exists and these credentials may use it (at start and for readiness). */
    public BucketCheck checkBucket() {
        // at start: the whole call budget, so that a slow (loaded) server is not taken for an absent one
        return checkBucket(settings.timeout());
    }

    private BucketCheck checkBucket(Duration budget) {
        HeadBucketRequest request = HeadBucketRequest.builder()
                .bucket(settings.bucket())
                .overrideConfiguration(config -> config.apiCallTimeout(budget))
                .build();
        try {
            client.headBucket(request);
            return BucketCheck.OK;
        } catch (S3Exception e) {
            return switch (e.statusCode()) {
                case 404 -> BucketCheck.NO_SUCH_BUCKET;
                case 401, 403 -> BucketCheck.ACCESS_DENIED;
                case 301, 307, 400 -> BucketCheck.WRONG_REGION;
                default -> BucketCheck.UNREACHABLE;
            };
        } catch (SdkException e) {
            LOG.debug("HeadBucket {} failed: {}", settings.bucket(), e.toString());
            return BucketCheck.UNREACHABLE;
        }
    }

    /** What a HeadBucket said about the bucket. */
    public enum BucketCheck {
        OK,
        NO_SUCH_BUCKET,
        ACCESS_DENIED,
        /** 301/400: the bucket lives in another region than the one configured. */
        WRONG_REGION,
        /** no answer, or a server error. */
        UNREACHABLE
    }

    private StoreUnavailableException unavailable(String action, SdkException e) {
        String reason = e instanceof S3Exception s3
                ? "HTTP " + s3.statusCode()
                        + (s3.awsErrorDetails() == null
                                ? ""
                                : " " + s3.awsErrorDetails().errorCode())
                : e.getClass().getSimpleName();
        return new StoreUnavailableException(
                "object store: could not " + action + " in bucket " + settings.bucket() + " (" + reason + ")", e);
    }

    /** The endpoint requests go to, for messages: the configured one, or AWS's. */
    public String endpointForMessages() {
        return settings.endpoint().map(URI::toString).orElse("AWS S3 (" + settings.region() + ")");
    }

    @Override
    public void close() {
        client.close();
    }
}
