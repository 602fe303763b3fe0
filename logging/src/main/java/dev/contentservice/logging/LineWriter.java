package dev.contentservice.logging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Writes whole lines from many threads to one stream, the lines that arrive together in one write, as a
 * database's group commit does. A thread that finds no write in progress writes its line at once, with
 * whatever else is waiting: one write, never more, so no thread that logs is kept writing other threads'
 * lines. A thread that finds a write in progress adds its line to the waiting bytes and goes on; when the
 * write in progress ends and lines are waiting, they are written by a thread of this writer's own, which
 * goes on writing while lines keep coming and sleeps when none are. Nothing waits for a batch to fill: a
 * lone line is written by the thread that logs it, before the call returns. Under load N lines cost one
 * system call instead of N.
 *
 * <p>The waiting bytes are bounded: past {@link #MAX_WAITING_BYTES} (a stream that does not take them,
 * such as a full pipe) a thread waits for the write in progress instead of adding more, so memory stays
 * bounded and no line is dropped.
 */
final class LineWriter implements AutoCloseable {
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
    private final Thread writer;
    private volatile boolean closed;

    /** @param onError told of a failed write (its bytes are lost) */
    LineWriter(OutputStream out, Consumer<IOException> onError) {
        this.out = Objects.requireNonNull(out, "out");
        this.onError = Objects.requireNonNull(onError, "onError");
        this.writer = new Thread(this::writeWhileWaiting, "log-writer");
        writer.setDaemon(true);
        writer.start();
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
        } else if (!writing.tryLock()) {
            return; // the holder wakes the writer thread for this line when its write ends
        }
        try {
            writeWaiting();
        } finally {
            writing.unlock();
        }
        if (hasWaiting()) {
            LockSupport.unpark(writer); // lines that came during this write
        }
    }

    /**
     * Returns once every line handed to {@link #write} before this call is written: waits for the write in
     * progress, then writes what still waits, in this thread. For the end of a process, whose last lines
     * may otherwise still be with the writer thread when the JVM halts.
     */
    void flush() {
        do {
            writing.lock();
            try {
                writeWaiting();
            } finally {
                writing.unlock();
            }
        } while (hasWaiting());
    }

    /** {@link #flush}, and stops the writer thread. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(writer);
        flush();
    }

    /**
     * The writer thread: writes while lines are waiting, then sleeps until a write that ends with lines
     * waiting wakes it (an idle service wakes it never).
     */
    private void writeWhileWaiting() {
        // parks first: nothing waits before the first write, and a flush at its start would take the lock
        // from the first thread that logs, which then hands its line to this thread instead of writing it
        while (!closed) {
            LockSupport.park(this);
            flush();
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
