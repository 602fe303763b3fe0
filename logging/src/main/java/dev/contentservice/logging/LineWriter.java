package dev.contentservice.logging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Writes whole lines from many threads to one stream, the lines that arrive together in one write, as a
 * database's group commit does. A thread that finds no write in progress writes its line at once, with
 * whatever else is waiting; a thread that finds one in progress adds its line to the waiting bytes and
 * goes on, and the writing thread writes them before it returns. Nothing waits for a batch to fill and
 * nothing is left behind: when no thread is inside {@link #write}, every line has been handed to the
 * stream. Under load N lines cost one system call instead of N.
 *
 * <p>The waiting bytes are bounded: past {@link #MAX_WAITING_BYTES} (a stream that does not take them,
 * such as a full pipe) a thread waits for the write in progress instead of adding more, so memory stays
 * bounded and no line is dropped.
 */
final class LineWriter {
    /** The most bytes that wait for the write in progress before threads wait too. */
    static final int MAX_WAITING_BYTES = 1 << 20;

    private final OutputStream out;
    private final Consumer<IOException> onError;
    private final ReentrantLock waitingLock = new ReentrantLock();
    /** The bytes no write has taken yet; guarded by {@link #waitingLock}. */
    private ByteArrayOutputStream waiting = new ByteArrayOutputStream(8192);
    /** The buffer the next swap puts in place of {@link #waiting}; only the holder of {@link #writing} uses it. */
    private ByteArrayOutputStream spare = new ByteArrayOutputStream(8192);

    private final ReentrantLock writing = new ReentrantLock();

    /** @param onError told of a failed write (its bytes are lost); never called with the lock held */
    LineWriter(OutputStream out, Consumer<IOException> onError) {
        this.out = Objects.requireNonNull(out, "out");
        this.onError = Objects.requireNonNull(onError, "onError");
    }

    void write(byte[] line) {
        boolean full;
        waitingLock.lock();
        try {
            waiting.write(line, 0, line.length);
            full = waiting.size() > MAX_WAITING_BYTES;
        } finally {
            waitingLock.unlock();
        }
        if (full) {
            writing.lock(); // wait for the write in progress, then write what waits
            try {
                writeWaiting();
            } finally {
                writing.unlock();
            }
        }
        // a thread that fails tryLock leaves its line to the holder, which looks again after unlocking
        while (hasWaiting() && writing.tryLock()) {
            try {
                writeWaiting();
            } finally {
                writing.unlock();
            }
        }
    }

    private boolean hasWaiting() {
        waitingLock.lock();
        try {
            return waiting.size() > 0;
        } finally {
            waitingLock.unlock();
        }
    }

    /** Writes every waiting byte in one write; called with {@link #writing} held. */
    private void writeWaiting() {
        ByteArrayOutputStream batch;
        waitingLock.lock();
        try {
            batch = waiting;
            waiting = spare;
            spare = batch;
        } finally {
            waitingLock.unlock();
        }
        if (batch.size() == 0) {
            return;
        }
        try {
            batch.writeTo(out);
            out.flush();
        } catch (IOException e) {
            onError.accept(e);
        } finally {
            batch.reset(); // the spare for the next swap; only the holder of writing touches it
        }
    }
}
