package dev.contentservice.adapter.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contentservice.adapter.objectstore.S3ImageStore.BucketCheck;
import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageFileName;
import dev.contentservice.domain.ImageFormat;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.StoreUnavailableException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/** What the S3 store writes into the bucket, what it says about the bucket, and how it fails. */
class S3ImageStoreTest {
    @RegisterExtension
    static final S3ProxyServer S3 = new S3ProxyServer();

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
        if (!S3.isRunning()) {
            S3.start();
        }
    }

    private String newBucket() {
        String bucket = "b-" + UUID.randomUUID().toString().substring(0, 8);
        S3.createBucket(bucket);
        return bucket;
    }

    private S3ImageStore store(S3Settings settings) {
        S3ImageStore store = new S3ImageStore(settings, Clock.systemUTC());
        opened.add(store);
        return store;
    }

    private S3Client rawClient() {
        S3Client client = S3ImageStore.client(S3.settings("unused"));
        opened.add(client);
        return client;
    }

    private static GeneratedImage png(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return new GeneratedImage(bytes, "image/png", "test");
    }

    private static ImageFileName name() {
        return ImageFileName.of(JobId.random(), ImageStyle.FANCY, ImageFormat.PNG);
    }

    @Test
    void an_image_is_an_object_under_the_prefix_with_its_content_type_and_an_immutable_cache_control() {
        String bucket = newBucket();
        S3ImageStore store = store(S3.settings(bucket).withPrefix("events/2026"));
        ImageFileName name = name();
        GeneratedImage image = png(20_000);

        store.put(name, image);

        ResponseBytes<GetObjectResponse> object =
                rawClient().getObjectAsBytes(get -> get.bucket(bucket).key("events/2026/" + name.value()));
        assertThat(object.asByteArray()).isEqualTo(image.bytes());
        assertThat(object.response().contentType()).isEqualTo("image/png");
        assertThat(object.response().cacheControl()).isEqualTo("public, max-age=604800, immutable");
        assertThat(object.response().metadata()).containsKey(S3ImageStore.EXPIRES_AT);
    }

    @Test
    void an_object_written_by_someone_else_without_an_expiry_is_served_until_the_lifecycle_rule_deletes_it() {
        String bucket = newBucket();
        S3ImageStore store = store(S3.settings(bucket));
        ImageFileName name = name();
        rawClient()
                .putObject(
                        put -> put.bucket(bucket).key(name.value()).contentType("image/png"),
                        software.amazon.awssdk.core.sync.RequestBody.fromBytes(png(10).bytes()));

        assertThat(store.get(name)).map(stored -> stored.bytes().length).contains(10);
    }

    @Test
    void an_existing_bucket_checks_ok() {
        assertThat(store(S3.settings(newBucket())).checkBucket()).isEqualTo(BucketCheck.OK);
    }

    @Test
    void a_missing_bucket_is_named_as_such() {
        assertThat(store(S3.settings("no-such-bucket-here")).checkBucket()).isEqualTo(BucketCheck.NO_SUCH_BUCKET);
    }

    @Test
    void wrong_keys_are_access_denied() {
        S3Settings wrongKeys = S3Settings.compatible(S3.endpoint(), newBucket(), S3ProxyServer.ACCESS_KEY, "wrong");

        assertThat(store(wrongKeys).checkBucket()).isEqualTo(BucketCheck.ACCESS_DENIED);
    }

    @Test
    void a_server_that_does_not_answer_is_unreachable() {
        S3Settings nobody =
                S3Settings.compatible(URI.create("http://127.0.0.1:" + closedPort()), "any-bucket", "a", "b");

        S3ImageStore store = store(nobody);

        assertThat(store.checkBucket()).isEqualTo(BucketCheck.UNREACHABLE);
        assertThat(store.ping()).isFalse();
    }

    @Test
    void while_the_server_is_down_reads_and_writes_are_store_unavailable_and_work_again_once_it_is_back() {
        String bucket = newBucket();
        S3ImageStore store = store(S3.settings(bucket));
        ImageFileName before = name();
        store.put(before, png(100));

        S3.stop();
        ImageFileName during = name();
        assertThatThrownBy(() -> store.put(during, png(100)))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining(bucket)
                .hasMessageNotContaining(S3ProxyServer.SECRET_KEY);
        assertThatThrownBy(() -> store.get(before)).isInstanceOf(StoreUnavailableException.class);
        assertThat(store.ping()).isFalse();

        S3.start();
        store.put(during, png(200));
        assertThat(store.get(before)).map(stored -> stored.bytes().length).contains(100);
        assertThat(store.get(during)).map(stored -> stored.bytes().length).contains(200);
        assertThat(store.ping()).isTrue();
    }

    @Test
    void writing_to_a_missing_bucket_is_store_unavailable_not_a_crash() {
        S3ImageStore store = store(S3.settings("missing-bucket-x"));

        assertThatThrownBy(() -> store.put(name(), png(10)))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("HTTP 404");
        assertThat(store.get(name())).isEqualTo(Optional.empty());
    }

    @Test
    void settings_never_show_the_secret() {
        S3Settings settings = S3.settings("some-bucket");

        assertThat(settings.toString())
                .doesNotContain(S3ProxyServer.SECRET_KEY)
                .doesNotContain(S3ProxyServer.ACCESS_KEY);
        assertThat(settings.credentials().orElseThrow().toString()).doesNotContain(S3ProxyServer.SECRET_KEY);
    }

    @Test
    void a_prefix_gets_its_trailing_slash_and_bad_settings_name_the_field() {
        assertThat(S3.settings("some-bucket").withPrefix("events").objectKey("a.png"))
                .isEqualTo("events/a.png");
        assertThat(S3.settings("some-bucket").objectKey("a.png")).isEqualTo("a.png");

        assertThatThrownBy(() -> S3.settings("Bad_Bucket")).hasMessageStartingWith("bucket");
        assertThatThrownBy(() -> S3.settings("some-bucket").withPrefix("/abs")).hasMessageStartingWith("prefix");
        assertThatThrownBy(() -> S3.settings("some-bucket").withPrefix("a/../b/%"))
                .hasMessageStartingWith("prefix");
    }

    private static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
