package dev.contentservice.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import dev.contentservice.adapter.filesystem.FileSystemImageStore;
import dev.contentservice.adapter.memory.InMemoryImageStore;
import dev.contentservice.adapter.objectstore.S3ImageStore;
import dev.contentservice.adapter.objectstore.S3Settings;
import dev.contentservice.adapter.redis.RedisBackend;
import dev.contentservice.domain.ImageStore;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The image store chosen by {@code CONTENT_IMAGE_STORE}: one module per choice. */
final class ImageStoreModules {
    private static final Logger LOG = LoggerFactory.getLogger(ImageStoreModules.class);
    /** How often the filesystem store deletes expired files. */
    static final Duration SWEEP_EVERY = Duration.ofHours(1);

    private ImageStoreModules() {}

    static Module forConfig(ContentConfig config) {
        ImageStorage storage = config.imageStorage();
        return switch (storage.kind()) {
            case MEMORY -> new Memory();
            case REDIS -> new Redis();
            case FILESYSTEM -> new FileSystem(storage);
            case S3 -> new S3(storage);
        };
    }

    /** In this process's memory (the embedded default). */
    static final class Memory extends AbstractModule {
        @Override
        protected void configure() {
            // readiness names the image store in every configuration; in memory it answers while the process runs
            MapBinder.newMapBinder(binder(), String.class, BooleanSupplier.class)
                    .addBinding("images")
                    .toInstance(() -> true);
        }

        @Provides
        @Singleton
        ImageStore imageStore(Clock clock, PreviousImages previous) {
            return previous.under(new InMemoryImageStore(clock));
        }
    }

    /** In Redis, {@code content:file:{name}} (the default in Redis mode). */
    static final class Redis extends AbstractModule {
        @Override
        protected void configure() {
            MapBinder.newMapBinder(binder(), String.class, BooleanSupplier.class)
                    .addBinding("images")
                    .to(RedisStoresModule.RedisProbe.class);
        }

        @Provides
        @Singleton
        ImageStore imageStore(RedisBackend redis) {
            return redis.imageStore();
        }
    }

    /** In a folder ({@code CONTENT_IMAGE_DIR}), swept of expired files every hour. */
    static final class FileSystem extends AbstractModule {
        private final ImageStorage storage;

        FileSystem(ImageStorage storage) {
            this.storage = storage;
        }

        @Override
        protected void configure() {
            MapBinder.newMapBinder(binder(), String.class, BooleanSupplier.class)
                    .addBinding("images")
                    .to(FolderProbe.class);
        }

        @Provides
        @Singleton
        FileSystemImageStore folder(Clock clock) {
            try {
                return new FileSystemImageStore(storage.folder().orElseThrow(), clock).startSweeping(SWEEP_EVERY);
            } catch (UncheckedIOException e) {
                throw new InvalidSettingException("CONTENT_IMAGE_DIR: cannot create the folder "
                        + storage.folder().orElseThrow());
            }
        }

        @Provides
        @Singleton
        ImageStore imageStore(FileSystemImageStore folder, PreviousImages previous) {
            if (!folder.ping()) {
                throw new InvalidSettingException(
                        "CONTENT_IMAGE_DIR: the folder " + folder.folder() + " is not writable");
            }
            return previous.under(folder);
        }
    }

    static final class FolderProbe implements BooleanSupplier {
        private final FileSystemImageStore folder;

        @jakarta.inject.Inject
        FolderProbe(FileSystemImageStore folder) {
            this.folder = folder;
        }

        @Override
        public boolean getAsBoolean() {
            return folder.ping();
        }
    }

    /** In an S3-compatible bucket; the start stops (exit 2) when the bucket does not answer a HeadBucket. */
    static final class S3 extends AbstractModule {
        private final ImageStorage storage;

        S3(ImageStorage storage) {
            this.storage = storage;
        }

        @Override
        protected void configure() {
            MapBinder.newMapBinder(binder(), String.class, BooleanSupplier.class)
                    .addBinding("images")
                    .to(BucketProbe.class);
        }

        @Provides
        @Singleton
        S3ImageStore bucket(Clock clock) {
            S3Settings settings = storage.s3().orElseThrow();
            S3ImageStore store = new S3ImageStore(settings, clock);
            S3ImageStore.BucketCheck check = store.checkBucket();
            if (check != S3ImageStore.BucketCheck.OK) {
                store.close();
                throw new InvalidSettingException(explain(check, settings, store.endpointForMessages()));
            }
            LOG.info("Images go to bucket {} at {}", settings.bucket(), store.endpointForMessages());
            return store;
        }

        @Provides
        @Singleton
        ImageStore imageStore(S3ImageStore bucket, PreviousImages previous) {
            return previous.under(bucket);
        }

        static String explain(S3ImageStore.BucketCheck check, S3Settings settings, String endpoint) {
            String bucket = "bucket '" + settings.bucket() + "' at " + endpoint;
            return switch (check) {
                case OK -> "";
                case NO_SUCH_BUCKET -> "CONTENT_S3_BUCKET: " + bucket + " does not exist";
                case ACCESS_DENIED ->
                    "CONTENT_S3_BUCKET: access to " + bucket + " was denied: check CONTENT_S3_ACCESS_KEY and"
                            + " CONTENT_S3_SECRET_KEY (or the default credential chain) and the bucket's policy";
                case WRONG_REGION ->
                    "CONTENT_S3_REGION: " + bucket + " is not in region '" + settings.region()
                            + "' (or CONTENT_S3_PATH_STYLE does not suit the server)";
                case UNREACHABLE ->
                    (settings.endpoint().isPresent() ? "CONTENT_S3_ENDPOINT" : "CONTENT_S3_BUCKET") + ": " + bucket
                            + " did not answer";
            };
        }
    }

    static final class BucketProbe implements BooleanSupplier {
        private final S3ImageStore bucket;

        @jakarta.inject.Inject
        BucketProbe(S3ImageStore bucket) {
            this.bucket = bucket;
        }

        @Override
        public boolean getAsBoolean() {
            return bucket.ping();
        }
    }
}
