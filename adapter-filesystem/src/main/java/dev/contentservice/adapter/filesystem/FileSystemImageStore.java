package dev.contentservice.adapter.filesystem;

import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageFileName;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageStore;
import dev.contentservice.domain.StoreUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The images in a folder of one machine, one file per image under its {@link ImageFileName} (whose
 * alphabet has no slash or dot-dot, so no file is ever written outside the folder; no other text builds a
 * path). A write goes to a hidden temporary file that is then renamed over the name, so a reader sees the
 * whole old file or the whole new one, never a part.
 *
 * <p>A file's modification time is the instant it was written (by the injected {@link Clock}); a file
 * older than {@link ImageSet#TTL} (7 days, the life of the image set that links to it) is answered as
 * missing and deleted by {@link #removeExpired()}, which {@link #startSweeping(Duration)} runs
 * periodically.
 */
public final class FileSystemImageStore implements ImageStore, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(FileSystemImageStore.class.getName());
    static final String TEMP_PREFIX = ".tmp-";
    /** A temporary file older than this is the leftover of a crashed write. */
    static final Duration ABANDONED_TEMP = Duration.ofHours(1);

    private final Path folder;
    private final Clock clock;
    private ScheduledExecutorService sweeper;

    /** Creates the folder when it does not exist; throws {@link UncheckedIOException} when it cannot. */
    public FileSystemImageStore(Path folder, Clock clock) {
        this.folder = Objects.requireNonNull(folder, "folder must not be null").toAbsolutePath();
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        try {
            Files.createDirectories(this.folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the image folder " + this.folder, e);
        }
    }

    public Path folder() {
        return folder;
    }

    @Override
    public void put(ImageFileName name, GeneratedImage image) {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(image, "image must not be null");
        if (image.format() != name.format()) {
            throw new IllegalArgumentException("image mediaType " + image.mediaType() + " does not match name " + name);
        }
        Path target = folder.resolve(name.value());
        Path temp = folder.resolve(TEMP_PREFIX + UUID.randomUUID() + ".part");
        try {
            Files.write(temp, image.bytes());
            Files.setLastModifiedTime(temp, FileTime.from(clock.instant()));
            move(temp, target);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new StoreUnavailableException("image folder: could not write " + name.value(), e);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // the temporary file lives in the same folder, so this only happens on exotic file systems
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public Optional<StoredImage> get(ImageFileName name) {
        Objects.requireNonNull(name, "name must not be null");
        Path file = folder.resolve(name.value());
        try {
            if (expired(file)) {
                deleteQuietly(file);
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length == 0) {
                return Optional.empty();
            }
            return Optional.of(new StoredImage(bytes, name.format().mediaType()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreUnavailableException("image folder: could not read " + name.value(), e);
        }
    }

    private boolean expired(Path file) throws IOException {
        return expired(Files.getLastModifiedTime(file).toInstant(), clock.instant());
    }

    private static boolean expired(Instant written, Instant now) {
        return !written.plus(ImageSet.TTL).isAfter(now);
    }

    /**
     * Deletes the expired images and the temporary files of writes that never finished.
     *
     * @return how many files were deleted
     */
    public int removeExpired() {
        Instant now = clock.instant();
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                boolean image = ImageFileName.parse(fileName).isPresent();
                boolean temp = fileName.startsWith(TEMP_PREFIX);
                if (!image && !temp) {
                    continue; // not ours: never touched
                }
                try {
                    Instant modified = Files.getLastModifiedTime(file).toInstant();
                    boolean gone = image
                            ? expired(modified, now)
                            : modified.plus(ABANDONED_TEMP).isBefore(now);
                    if (gone && Files.deleteIfExists(file)) {
                        removed++;
                    }
                } catch (NoSuchFileException e) {
                    // deleted meanwhile
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "image folder {0}: cleanup failed: {1}", folder, e.toString());
        }
        return removed;
    }

    /** Whether the folder is there and writable (readiness). */
    public boolean ping() {
        return Files.isDirectory(folder) && Files.isWritable(folder);
    }

    /** Runs {@link #removeExpired()} now and then every {@code every}, on a daemon thread, until {@link #close()}. */
    public synchronized FileSystemImageStore startSweeping(Duration every) {
        if (every == null || every.isZero() || every.isNegative()) {
            throw new IllegalArgumentException("every must be positive");
        }
        if (sweeper == null) {
            sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "content-image-folder-sweeper");
                thread.setDaemon(true);
                return thread;
            });
            sweeper.scheduleWithFixedDelay(this::sweep, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    private void sweep() {
        int removed = removeExpired();
        if (removed > 0) {
            LOG.log(System.Logger.Level.INFO, "image folder {0}: removed {1} expired files", folder, removed);
        }
    }

    @Override
    public synchronized void close() {
        if (sweeper != null) {
            sweeper.shutdownNow();
            sweeper = null;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // best effort: the sweeper deletes leftovers
        }
    }
}
