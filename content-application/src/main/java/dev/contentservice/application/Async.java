package dev.contentservice.application;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The use cases' small helpers for their own threads and futures, written once. */
final class Async {
    private Async() {}

    /** Daemon threads named {@code prefix-1}, {@code prefix-2}, …: none of them keeps the JVM alive. */
    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * A fixed pool of {@code threads} daemon threads, with an executor that runs a task in place when it is
     * asked on one of the pool's own threads and hands it to the pool otherwise: a stage that follows
     * another on the pool (a job's image hosted after a generator that answered at once, the finishing step
     * after the last image) costs no hand-over between threads, while one completed on a foreign thread (an
     * HTTP client's, a timer's) still leaves that thread free at once.
     */
    static final class Pool {
        private final ThreadLocal<Boolean> own = ThreadLocal.withInitial(() -> Boolean.FALSE);
        private final ExecutorService executor;

        Pool(int threads, String prefix) {
            ThreadFactory named = daemonThreads(prefix);
            this.executor = Executors.newFixedThreadPool(
                    threads,
                    task -> named.newThread(() -> {
                        own.set(Boolean.TRUE);
                        task.run();
                    }));
        }

        /** The pool itself: every task queued to its threads. */
        ExecutorService executor() {
            return executor;
        }

        /** Runs a task at once on one of the pool's threads, else queues it to them. */
        Executor inPlace() {
            return task -> {
                if (own.get()) {
                    task.run();
                } else {
                    executor.execute(task);
                }
            };
        }
    }

    /** The failure inside the wrappers futures put around it ({@link CompletionException}, {@link ExecutionException}). */
    static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Completes with all results, or exceptionally with the first failure without waiting for the rest. */
    static CompletableFuture<Void> allOrFirstFailure(List<CompletableFuture<Void>> stages) {
        CompletableFuture<Void> all = new CompletableFuture<>();
        if (stages.isEmpty()) {
            all.complete(null);
            return all;
        }
        AtomicInteger remaining = new AtomicInteger(stages.size());
        for (CompletableFuture<Void> stage : stages) {
            stage.whenComplete((ignored, error) -> {
                if (error != null) {
                    all.completeExceptionally(unwrap(error));
                } else if (remaining.decrementAndGet() == 0) {
                    all.complete(null);
                }
            });
        }
        return all;
    }
}
