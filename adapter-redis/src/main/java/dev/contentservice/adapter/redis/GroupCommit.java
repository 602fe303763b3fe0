package dev.contentservice.adapter.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Group commit: items that callers hand in at the same time go to the store together, in one call. No
 * thread of its own: a caller that finds a lane free runs the batch itself (the leader), taking the items
 * waiting longest at that moment, up to {@code maxBatch}; callers that arrive while all lanes are busy wait
 * for the next batch, which one of them leads. A caller alone is never held back: it finds a lane free and
 * runs its item at once, as a batch of one.
 *
 * <p>No lock: the waiting items are a lock-free queue, the lanes a counter, and a waiting caller parks its
 * own thread until its leader unparks it with its answer (or the caller first in line, to lead the next
 * batch). Under load a caller costs one park and one unpark, not a contended lock and its condition.
 *
 * <p>The batch function answers one result per item, in order. When it throws, every item of that batch
 * gets the same exception, thrown in each caller's thread.
 *
 * @param <T> an item
 * @param <R> an item's result
 */
final class GroupCommit<T, R> {
    private final int maxBatch;
    private final int lanes;
    private final Function<List<T>, List<R>> batch;
    private final ConcurrentLinkedQueue<Slot<T, R>> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger leaders = new AtomicInteger();

    /**
     * @param maxBatch the most items in one call
     * @param lanes the most batches in flight at once
     * @param batch runs one batch and answers one result per item, in order
     */
    GroupCommit(int maxBatch, int lanes, Function<List<T>, List<R>> batch) {
        if (maxBatch < 1 || lanes < 1) {
            throw new IllegalArgumentException("maxBatch and lanes must be at least 1");
        }
        this.maxBatch = maxBatch;
        this.lanes = lanes;
        this.batch = Objects.requireNonNull(batch, "batch");
    }

    /** The item's result once the batch that carried it ran; its exception when that batch failed. */
    R submit(T item) {
        Slot<T, R> mine = new Slot<>(item, Thread.currentThread());
        waiting.add(mine);
        // the item may be on its way, so the caller waits for its answer, interrupted or not
        boolean interrupted = false;
        while (!mine.done) {
            if (!lead()) {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return mine.result();
    }

    /** The items handed in and not yet taken into a batch. */
    int waiting() {
        return waiting.size();
    }

    /**
     * Runs one batch of the items waiting longest when a lane is free and something waits: whether it did.
     * A leader whose own item was not in its batch (more were waiting than one batch takes) leads again.
     */
    private boolean lead() {
        if (!takeLane()) {
            return false;
        }
        List<Slot<T, R>> slots = new ArrayList<>();
        try {
            Slot<T, R> slot;
            while (slots.size() < maxBatch && (slot = waiting.poll()) != null) {
                slots.add(slot);
            }
            if (!slots.isEmpty()) {
                run(slots);
            }
        } finally {
            leaders.decrementAndGet();
            // a caller that arrived while the lanes were busy is parked: the first in line leads next (the
            // counter falls before the queue is read, and a caller joins the queue before it reads the
            // counter, so one of the two sees the other)
            Slot<T, R> next = waiting.peek();
            if (next != null) {
                LockSupport.unpark(next.caller);
            }
        }
        return !slots.isEmpty();
    }

    private boolean takeLane() {
        while (true) {
            int now = leaders.get();
            if (now >= lanes) {
                return false;
            }
            if (leaders.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    private void run(List<Slot<T, R>> slots) {
        List<T> items = new ArrayList<>(slots.size());
        for (Slot<T, R> slot : slots) {
            items.add(slot.item);
        }
        List<R> results = null;
        Throwable failure = null;
        try {
            results = batch.apply(items);
            if (results == null || results.size() != items.size()) {
                failure = new IllegalStateException("a batch of " + items.size() + " items answered "
                        + (results == null ? "nothing" : results.size() + " results"));
            }
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (int i = 0; i < slots.size(); i++) {
            Slot<T, R> slot = slots.get(i);
            if (failure != null) {
                slot.failure = failure;
            } else {
                slot.value = results.get(i);
            }
            slot.done = true; // publishes value and failure to the caller, which reads done first
            LockSupport.unpark(slot.caller);
        }
    }

    private static final class Slot<T, R> {
        private final T item;
        private final Thread caller;
        private volatile boolean done;
        private R value;
        private Throwable failure;

        private Slot(T item, Thread caller) {
            this.item = item;
            this.caller = caller;
        }

        private R result() {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            return value;
        }
    }
}
