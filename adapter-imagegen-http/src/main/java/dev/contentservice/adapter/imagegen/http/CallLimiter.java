package dev.contentservice.adapter.imagegen.http;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Caps the provider calls in flight. A caller over the cap gets a pending future and waits in line without
 * holding a thread; a cancelled waiter leaves the line, and a permit offered to a waiter that was cancelled
 * in the meantime goes to the next one, so permits never leak.
 */
final class CallLimiter {
    private final int capacity;
    private final ArrayDeque<CompletableFuture<Permit>> waiters = new ArrayDeque<>();
    private int available;

    CallLimiter(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.capacity = capacity;
        this.available = capacity;
    }

    CompletableFuture<Permit> acquire() {
        CompletableFuture<Permit> waiter;
        synchronized (this) {
            if (available > 0) {
                available--;
                return CompletableFuture.completedFuture(new Permit(this::release));
            }
            waiter = new CompletableFuture<>();
            waiters.addLast(waiter);
        }
        waiter.whenComplete((permit, error) -> {
            if (error != null) {
                synchronized (this) {
                    waiters.remove(waiter);
                }
            }
        });
        return waiter;
    }

    synchronized int inFlight() {
        return capacity - available;
    }

    synchronized int waiting() {
        return waiters.size();
    }

    private void release() {
        while (true) {
            CompletableFuture<Permit> next;
            synchronized (this) {
                next = waiters.pollFirst();
                if (next == null) {
                    available++;
                    return;
                }
            }
            // completed outside the lock: the waiter's continuation starts its call on this thread
            if (next.complete(new Permit(this::release))) {
                return;
            }
        }
    }

    /** The right to one call; given back exactly once however often {@link #release()} is called. */
    static final class Permit {
        /** For calls the limiter does not count. */
        static final Permit NONE = new Permit(() -> {});

        private final Runnable giveBack;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(Runnable giveBack) {
            this.giveBack = giveBack;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                giveBack.run();
            }
        }
    }
}
