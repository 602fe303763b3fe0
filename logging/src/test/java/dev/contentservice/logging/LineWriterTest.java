package dev.contentservice.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LineWriterTest {
    /** Records each write; the first write can be held until released. */
    private static final class Recording extends OutputStream {
        final List<String> writes = new CopyOnWriteArrayList<>();
        final List<String> writers = new CopyOnWriteArrayList<>();
        final CountDownLatch firstWriteEntered = new CountDownLatch(1);
        final CountDownLatch releaseFirstWrite;
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        Recording(boolean holdFirstWrite) {
            releaseFirstWrite = new CountDownLatch(holdFirstWrite ? 1 : 0);
        }

        @Override
        public void write(int b) {
            current.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            current.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            // a batch reaches the stream as writeTo + flush: one flush is one system call's worth
            if (writes.isEmpty()) {
                firstWriteEntered.countDown();
                try {
                    releaseFirstWrite.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
            writes.add(current.toString(StandardCharsets.UTF_8));
            writers.add(Thread.currentThread().getName());
            current.reset();
        }
    }

    private static byte[] line(String text) {
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void lines_logged_while_a_write_is_in_progress_go_out_together_in_the_next_write() throws Exception {
        Recording out = new Recording(true);
        LineWriter writer = new LineWriter(out, e -> {});
        Thread first = new Thread(() -> writer.write(line("one")), "first");
        first.start();
        assertTrue(out.firstWriteEntered.await(30, TimeUnit.SECONDS));

        // the first write is in progress: these calls add their lines and return without writing
        writer.write(line("two"));
        writer.write(line("three"));
        assertEquals(List.of(), out.writes);

        out.releaseFirstWrite.countDown();
        first.join(30_000);
        eventually(() -> out.writes.size() == 2);
        assertEquals(List.of("one\n", "two\nthree\n"), out.writes);
        // the thread that logged "one" wrote one batch, its own; the writer's own thread wrote the rest
        assertEquals(List.of("first", "log-writer"), out.writers);
    }

    @Test
    void flush_returns_once_every_line_handed_over_before_it_is_written() throws Exception {
        Recording out = new Recording(true);
        LineWriter writer = new LineWriter(out, e -> {});
        Thread first = new Thread(() -> writer.write(line("one")), "first");
        first.start();
        assertTrue(out.firstWriteEntered.await(30, TimeUnit.SECONDS));
        writer.write(line("two")); // waits: the first write is in progress
        CountDownLatch flushed = new CountDownLatch(1);
        Thread flusher = new Thread(() -> {
            writer.flush();
            flushed.countDown();
        });
        flusher.start();
        eventually(() -> flusher.getState() == Thread.State.WAITING);
        assertEquals(1, flushed.getCount(), "flush waits for the write in progress");

        out.releaseFirstWrite.countDown();
        assertTrue(flushed.await(30, TimeUnit.SECONDS));
        assertEquals("one\ntwo\n", String.join("", out.writes));
        first.join(30_000);
    }

    @Test
    void a_lone_line_is_written_at_once() {
        Recording out = new Recording(false);
        LineWriter writer = new LineWriter(out, e -> {});

        writer.write(line("alone"));
        assertEquals(List.of("alone\n"), out.writes);
        writer.write(line("again"));
        assertEquals(List.of("alone\n", "again\n"), out.writes);
    }

    @Test
    void every_line_of_many_threads_arrives_once_whole_and_in_each_threads_order() throws Exception {
        Recording out = new Recording(false);
        LineWriter writer = new LineWriter(out, e -> {});
        int threads = 8;
        int perThread = 2_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    writer.write(line("thread " + id + " line " + i + " " + "x".repeat(i % 50)));
                }
            });
            thread.start();
            all.add(thread);
        }
        start.countDown();
        for (Thread thread : all) {
            thread.join(60_000);
        }
        eventually(() -> out.writes.stream()
                        .mapToLong(w -> w.chars().filter(c -> c == '\n').count())
                        .sum()
                == (long) threads * perThread);

        int[] next = new int[threads];
        int lines = 0;
        for (String write : out.writes) {
            assertTrue(write.endsWith("\n"), "a write ends with a whole line");
            for (String text : write.substring(0, write.length() - 1).split("\n", -1)) {
                String[] parts = text.split(" ");
                int id = Integer.parseInt(parts[1]);
                int i = Integer.parseInt(parts[3]);
                assertEquals(next[id], i, "thread " + id + "'s lines in order, none lost or twice");
                assertEquals("x".repeat(i % 50), parts.length > 4 ? parts[4] : "", "the line whole");
                next[id]++;
                lines++;
            }
        }
        assertEquals(threads * perThread, lines);
        assertTrue(out.writes.size() <= lines);
    }

    @Test
    void past_the_bound_a_thread_waits_for_the_write_in_progress_instead_of_adding_more() throws Exception {
        Recording out = new Recording(true);
        LineWriter writer = new LineWriter(out, e -> {});
        Thread first = new Thread(() -> writer.write(line("one")));
        first.start();
        assertTrue(out.firstWriteEntered.await(30, TimeUnit.SECONDS));

        String big = "b".repeat(LineWriter.MAX_WAITING_BYTES);
        Thread second = new Thread(() -> writer.write(line(big)));
        second.start();
        eventually(() -> second.getState() == Thread.State.WAITING || second.getState() == Thread.State.TIMED_WAITING);
        assertTrue(second.isAlive(), "waits while the write in progress holds the stream");

        out.releaseFirstWrite.countDown();
        first.join(30_000);
        second.join(30_000);
        // the second thread, let through once the first write ended, wrote its own line before returning
        assertEquals(List.of("one\n", big + "\n"), out.writes);
    }

    @Test
    void a_failed_write_is_reported_and_later_lines_still_go_out() {
        List<IOException> errors = new CopyOnWriteArrayList<>();
        List<String> written = new CopyOnWriteArrayList<>();
        OutputStream failingOnce = new OutputStream() {
            private boolean failed;
            private final ByteArrayOutputStream current = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
                current.write(b);
            }

            @Override
            public void flush() throws IOException {
                String text = current.toString(StandardCharsets.UTF_8);
                current.reset();
                if (!failed) {
                    failed = true;
                    throw new IOException("stdout closed");
                }
                written.add(text);
            }
        };
        LineWriter writer = new LineWriter(failingOnce, errors::add);

        writer.write(line("lost"));
        writer.write(line("kept"));

        assertEquals(1, errors.size());
        assertEquals(List.of("kept\n"), written);
    }

    private static void eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(10);
        }
    }
}
