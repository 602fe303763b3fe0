package dev.contentservice.adapter.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisMonitor;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The commands clients send to a Redis, as {@code MONITOR} shows them, without those scripts run: round trips
 * counted the way the issue counts them. Each count ends with a marker command sent after the work, so every
 * command before it has been seen (MONITOR shows commands in the order they ran).
 */
final class CommandMonitor implements AutoCloseable {
    private static final long WAIT_SECONDS = 60;

    private final Jedis marker;
    private final Jedis monitoring;
    private final Thread thread;
    private final List<String> sent = new ArrayList<>();
    private String awaited;
    private CountDownLatch seen;

    CommandMonitor(int port) throws InterruptedException {
        marker = new Jedis("127.0.0.1", port);
        monitoring = new Jedis("127.0.0.1", port);
        thread = new Thread(this::monitor, "redis-monitor");
        thread.setDaemon(true);
        thread.start();
        // MONITOR has begun once it shows a command sent after it
        for (int i = 0; i < 600 && !awaitMarker(100); i++) {
            // the first markers may go before MONITOR began: send another
        }
    }

    /** The commands clients sent since the last call (names in lower case), markers left out. */
    List<String> commandsSent() throws InterruptedException {
        if (!awaitMarker(TimeUnit.SECONDS.toMillis(WAIT_SECONDS))) {
            throw new IllegalStateException("MONITOR did not show the marker within " + WAIT_SECONDS + " s");
        }
        synchronized (this) {
            List<String> commands = List.copyOf(sent);
            sent.clear();
            return commands;
        }
    }

    private boolean awaitMarker(long millis) throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        String mark = "marker-" + UUID.randomUUID();
        synchronized (this) {
            awaited = mark;
            seen = latch;
        }
        marker.echo(mark);
        return latch.await(millis, TimeUnit.MILLISECONDS);
    }

    private void monitor() {
        try {
            monitoring.monitor(new JedisMonitor() {
                @Override
                public void onCommand(String line) {
                    record(line);
                }
            });
        } catch (JedisException closed) {
            // close() ended it
        }
    }

    /** A line: {@code 1700000000.123456 [0 127.0.0.1:54321] "evalsha" "…" …}; scripts' own show {@code [0 lua]}. */
    private synchronized void record(String line) {
        int client = line.indexOf('[');
        int end = line.indexOf(']', client);
        if (client < 0 || end < 0 || line.substring(client, end).endsWith(" lua")) {
            return;
        }
        if (awaited != null && line.contains(awaited)) {
            seen.countDown();
            return;
        }
        if (line.contains("\"echo\" \"marker-")) {
            return; // a marker sent before MONITOR showed it
        }
        int start = line.indexOf('"', end);
        int stop = start < 0 ? -1 : line.indexOf('"', start + 1);
        if (stop > start) {
            sent.add(line.substring(start + 1, stop).toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Override
    public void close() throws InterruptedException {
        monitoring.getConnection().disconnect();
        marker.close();
        thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    }
}
