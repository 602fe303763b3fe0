package dev.contentservice.application;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
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
