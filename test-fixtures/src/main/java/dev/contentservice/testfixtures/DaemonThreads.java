package dev.contentservice.testfixtures;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread factories for the fixtures' own pools: daemon threads named {@code prefix-1}, {@code prefix-2}, … */
public final class DaemonThreads {
    private DaemonThreads() {}

    public static ThreadFactory named(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
