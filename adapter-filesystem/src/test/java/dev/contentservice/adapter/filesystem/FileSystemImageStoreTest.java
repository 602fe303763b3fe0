package dev.contentservice.adapter.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageFileName;
import dev.contentservice.domain.ImageFormat;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageStore;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.contract.ImageStoreContract;
import dev.contentservice.domain.contract.MovableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemImageStoreTest {
    @TempDir
    Path folder;

    private final List<FileSystemImageStore> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(FileSystemImageStore::close);
    }

    @Nested
    class Contract extends ImageStoreContract {
        private final MovableClock clock = new MovableClock(Instant.now());

        @Override
        protected ImageStore createImageStore() {
            FileSystemImageStore store = new FileSystemImageStore(folder.resolve("images"), clock);
            opened.add(store);
            return store;
        }

        @Override
        protected void letTimePass(Duration duration) {
            clock.advance(duration);
        }
    }

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-03-01T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static ImageFileName name() {
        return ImageFileName.of(JobId.random(), ImageStyle.SIMPLE, ImageFormat.PNG);
    }

    private static GeneratedImage png(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) i;
        }
        return new GeneratedImage(bytes, "image/png", "test");
    }

    private List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void an_image_is_one_file_named_after_it_directly_in_the_folder_with_no_temporary_file_left() throws IOException {
        FileSystemImageStore store = new FileSystemImageStore(folder, Clock.systemUTC());
        ImageFileName name = name();

        store.put(name, png(1000));

        assertThat(filesIn(folder)).containsExactly(name.value());
        assertThat(Files.readAllBytes(folder.resolve(name.value())))
                .isEqualTo(png(1000).bytes());
    }

    @Test
    void a_second_write_replaces_the_whole_file() throws IOException {
        FileSystemImageStore store = new FileSystemImageStore(folder, Clock.systemUTC());
        ImageFileName name = name();
        store.put(name, png(5000));

        store.put(name, png(10));

        assertThat(store.get(name).orElseThrow().bytes()).isEqualTo(png(10).bytes());
        assertThat(filesIn(folder)).containsExactly(name.value());
    }

    @Test
    void images_live_seven_days_then_are_missing_and_swept() throws IOException {
        ManualClock clock = new ManualClock();
        FileSystemImageStore store = new FileSystemImageStore(folder, clock);
        ImageFileName name = name();
        store.put(name, png(100));

        clock.advance(ImageSet.TTL.minusMinutes(1));
        assertThat(store.removeExpired()).isZero();
        assertThat(store.get(name)).isPresent();

        clock.advance(Duration.ofMinutes(1));
        assertThat(store.removeExpired()).isEqualTo(1);
        assertThat(store.get(name)).isEmpty();
        assertThat(filesIn(folder)).isEmpty();
    }

    @Test
    void an_expired_image_read_before_the_sweep_is_missing() {
        ManualClock clock = new ManualClock();
        FileSystemImageStore store = new FileSystemImageStore(folder, clock);
        ImageFileName name = name();
        store.put(name, png(100));

        clock.advance(ImageSet.TTL);

        assertThat(store.get(name)).isEmpty();
    }

    @Test
    void the_sweep_deletes_abandoned_temporary_files_and_leaves_other_files_alone() throws IOException {
        ManualClock clock = new ManualClock();
        FileSystemImageStore store = new FileSystemImageStore(folder, clock);
        Path abandoned = Files.write(folder.resolve(FileSystemImageStore.TEMP_PREFIX + "x.part"), new byte[] {1});
        Files.setLastModifiedTime(abandoned, FileTime.from(clock.instant()));
        Path foreign = Files.write(folder.resolve("README.txt"), new byte[] {1});
        Files.setLastModifiedTime(foreign, FileTime.from(clock.instant().minus(Duration.ofDays(30))));

        clock.advance(Duration.ofMinutes(59));
        assertThat(store.removeExpired()).isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(store.removeExpired()).isEqualTo(1);

        assertThat(filesIn(folder)).containsExactly("README.txt");
    }

    @Test
    void the_sweeper_runs_on_its_own_once_started() {
        ManualClock clock = new ManualClock();
        FileSystemImageStore store = new FileSystemImageStore(folder, clock);
        opened.add(store);
        ImageFileName name = name();
        store.put(name, png(100));
        clock.advance(ImageSet.TTL.plusSeconds(1));

        store.startSweeping(Duration.ofMillis(20));

        assertThat(dev.contentservice.domain.contract.Fixtures.eventually(
                        Duration.ofSeconds(10), () -> !Files.exists(folder.resolve(name.value()))))
                .isTrue();
    }

    @Test
    void an_image_whose_type_does_not_match_its_name_is_refused() {
        FileSystemImageStore store = new FileSystemImageStore(folder, Clock.systemUTC());

        assertThatThrownBy(() -> store.put(name(), new GeneratedImage(new byte[] {1}, "image/jpeg", "t")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mediaType");
    }

    @Test
    void a_missing_folder_is_created() {
        Path nested = folder.resolve("a/b/images");

        FileSystemImageStore store = new FileSystemImageStore(nested, Clock.systemUTC());

        assertThat(Files.isDirectory(nested)).isTrue();
        assertThat(store.ping()).isTrue();
    }
}
