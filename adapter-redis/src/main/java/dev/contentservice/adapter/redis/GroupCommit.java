package dev.contentservice.adapter.redis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Group commit: items that callers hand in at the same time go to the store together, in one call. No
 * thread of its own: a caller that finds a lane free runs the batch itself (the leader), taking every
 * item waiting at that moment, up to {@code maxBatch}; callers that arrive while all lanes are busy wait
 * for the next batch, which one of them leads. A caller alone is never held back: it finds a lane free and
 * runs its item at once, as a batch of one.
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
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Slot<T, R>> waiting = new ArrayDeque<>();
    private int leaders;

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
        Slot<T, R> mine = new Slot<>(item, lock.newCondition());
        List<Slot<T, R>> slots;
        lock.lock();
        try {
            waiting.add(mine);
            // taken into another caller's batch, or no lane free: wait (the item may be on its way, so the
            // caller waits for its answer, interrupted or not)
            while (!mine.done && (mine.taken || leaders >= lanes)) {
                mine.wake.awaitUninterruptibly();
            }
            if (mine.done) {
                return mine.result();
            }
            leaders++;
            // this caller leads: its own item, then those waiting longest
            waiting.remove(mine);
            slots = new ArrayList<>(Math.min(maxBatch, waiting.size() + 1));
            slots.add(mine);
            while (slots.size() < maxBatch && !waiting.isEmpty()) {
                slots.add(waiting.poll());
            }
            for (Slot<T, R> slot : slots) {
                slot.taken = true;
            }
        } finally {
            lock.unlock();
        }
        try {
            run(slots);
        } finally {
            lock.lock();
            try {
                leaders--;
                Slot<T, R> next = waiting.peek();
                if (next != null) {
                    next.wake.signal(); // the longest waiting caller leads the next batch
                }
            } finally {
                lock.unlock();
            }
        }
        return mine.result();
    }

    /** The items handed in and not yet taken into a batch. */
    int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
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
        lock.lock();
        try {
            for (int i = 0; i < slots.size(); i++) {
                Slot<T, R> slot = slots.get(i);
                slot.done = true;
                if (failure != null) {
                    slot.failure = failure;
                } else {
                    slot.value = results.get(i);
                }
                slot.wake.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    private static final class Slot<T, R> {
        private final T item;
        private final Condition wake;
        private boolean taken;
        private boolean done;
        private R value;
        private Throwable failure;

        private Slot(T item, Condition wake) {
            this.item = item;
            this.wake = wake;
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
