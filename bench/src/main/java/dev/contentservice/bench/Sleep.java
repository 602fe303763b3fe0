package dev.contentservice.bench;

final class Sleep {
    private Sleep() {}

    static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Sleeps until the {@code i}-th of a series started at {@code start} (System.nanoTime) at {@code perSecond} is due. */
    static void untilDue(long start, int i, int perSecond) {
        long due = start + i * 1_000_000_000L / perSecond;
        long wait = (due - System.nanoTime()) / 1_000_000;
        if (wait > 0) {
            millis(wait);
        }
    }
}
