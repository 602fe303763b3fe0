package dev.contentservice.adapter.redis;

import dev.contentservice.domain.JobChanges;
import dev.contentservice.domain.JobId;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Job change notices from Redis pub/sub: the submit and update scripts publish the job's id on {@link
 * Keys#JOB_CHANGES} in the same step as the write, and this class keeps ONE subscriber connection per
 * backend, on a thread of its own, started at the first {@link #subscribe}. After an outage it
 * reconnects with a growing backoff (100 ms up to 5 s); notices published meanwhile are lost, which the
 * port allows (waiters look again now and then).
 *
 * <p>The subscriber connection has no read timeout: an idle channel is silent for as long as nobody
 * writes, which is no failure. Instead a watchdog pings it every {@link #PING_EVERY} and drops it only
 * when no pong came for three rounds, so a silently dead connection is replaced, a live idle one never.
 * It speaks RESP2 explicitly (a plain {@link Jedis} connection cannot negotiate RESP3 and would warn on
 * every connect otherwise).
 */
final class RedisJobChanges implements JobChanges, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisJobChanges.class);
    static final Duration PING_EVERY = Duration.ofSeconds(10);
    private static final Duration MIN_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final HostAndPort address;
    private final JedisClientConfig config;
    private final Duration subscribeWait;
    private final Duration pingEvery;
    private final JobChanges.Listeners listeners = new JobChanges.Listeners();

    private Thread subscriber;
    private ScheduledExecutorService watchdog;
    private boolean subscribed;
    private volatile boolean closed;
    private volatile Jedis connection;
    private volatile Listener current;
    private volatile long lastPongNanos;
    /** Whether the connection was lost and not yet back (so that an outage logs one line, not one per try). */
    private volatile boolean outage;

    private final java.util.concurrent.atomic.AtomicLong pongs = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong connects = new java.util.concurrent.atomic.AtomicLong();

    RedisJobChanges(RedisSettings settings) {
        this(settings, PING_EVERY);
    }

    /** @param pingEvery how often the watchdog pings the idle connection (tests shorten it) */
    RedisJobChanges(RedisSettings settings, Duration pingEvery) {
        Objects.requireNonNull(settings, "settings");
        this.address = new HostAndPort(settings.host(), settings.port());
        this.config = Redis.clientConfig(settings, "content-service-changes")
                .blockingSocketTimeoutMillis(0) // 0 = no read timeout while subscribed; the watchdog judges
                .resp2()
                .build();
        this.subscribeWait = settings.connectTimeout().plus(settings.socketTimeout());
        this.pingEvery = Objects.requireNonNull(pingEvery, "pingEvery");
        if (pingEvery.isZero() || pingEvery.isNegative()) {
            throw new IllegalArgumentException("pingEvery must be positive, was " + pingEvery);
        }
    }

    @Override
    public Subscription subscribe(Consumer<JobId> listener) {
        Subscription subscription = listeners.add(listener);
        startOnce();
        awaitSubscribed();
        return subscription;
    }

    private synchronized void startOnce() {
        if (subscriber != null || closed) {
            return;
        }
        subscriber = new Thread(this::run, "content-redis-job-changes");
        subscriber.setDaemon(true);
        subscriber.start();
        watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "content-redis-job-changes-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        long every = pingEvery.toMillis();
        watchdog.scheduleWithFixedDelay(this::watch, every, every, TimeUnit.MILLISECONDS);
    }

    /** Waits (bounded) until the subscription is active, so that a subscriber misses no later write. */
    private synchronized void awaitSubscribed() {
        long end = System.nanoTime() + subscribeWait.toNanos();
        try {
            while (!subscribed && !closed) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    LOG.warn("redis job changes not subscribed yet; waiters rely on their periodic re-check meanwhile");
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void setSubscribed(boolean value) {
        subscribed = value;
        notifyAll();
    }

    private void run() {
        Duration backoff = MIN_BACKOFF;
        while (!closed) {
            Listener listener = new Listener();
            try (Jedis jedis = new Jedis(address, config)) {
                connection = jedis;
                current = listener;
                connects.incrementAndGet();
                lastPongNanos = System.nanoTime();
                jedis.subscribe(listener, Keys.JOB_CHANGES); // blocks until unsubscribed or the connection fails
            } catch (JedisException | IllegalStateException e) {
                if (closed) {
                    break;
                }
                if (outage) {
                    LOG.debug("redis job changes: still unavailable: {}", e.toString());
                } else {
                    // one line per outage; the attempts that follow log at DEBUG, the recovery at INFO
                    outage = true;
                    LOG.warn("redis job changes: subscription lost, reconnecting with backoff: {}", e.toString());
                }
            } finally {
                connection = null;
                current = null;
                setSubscribed(false);
            }
            if (listener.everSubscribed) {
                backoff = MIN_BACKOFF; // the connection worked: the next outage starts over
            }
            if (!pause(backoff)) {
                break;
            }
            Duration doubled = backoff.multipliedBy(2);
            backoff = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
        }
    }

    /** Pings the subscription; drops a connection that answered no ping for three rounds. */
    private void watch() {
        Listener listener = current;
        Jedis jedis = connection;
        if (listener == null || jedis == null || !listener.isSubscribed()) {
            return;
        }
        long silent = System.nanoTime() - lastPongNanos;
        if (silent > pingEvery.multipliedBy(3).toNanos()) {
            LOG.warn(
                    "redis job changes: no pong for {} s, dropping the connection",
                    TimeUnit.NANOSECONDS.toSeconds(silent));
            closeQuietly(jedis);
            return;
        }
        try {
            listener.ping();
        } catch (RuntimeException e) {
            LOG.debug("redis job changes: ping failed", e);
        }
    }

    private void deliver(JobId id) {
        listeners.deliver(id);
    }

    private final class Listener extends JedisPubSub {
        private volatile boolean everSubscribed;

        @Override
        public void onSubscribe(String channel, int subscribedChannels) {
            if (outage) {
                outage = false;
                LOG.info("redis job changes: subscribed again to {}", channel);
            } else {
                LOG.debug("redis job changes: subscribed to {}", channel);
            }
            everSubscribed = true;
            setSubscribed(true);
        }

        @Override
        public void onMessage(String channel, String message) {
            JobId.parse(message).ifPresent(RedisJobChanges.this::deliver);
        }

        @Override
        public void onPong(String pattern) {
            lastPongNanos = System.nanoTime();
            pongs.incrementAndGet();
        }
    }

    /** Pongs received so far (for tests and diagnostics). */
    long pongs() {
        return pongs.get();
    }

    /** Connections opened so far, the first included (for tests and diagnostics). */
    long connects() {
        return connects.get();
    }

    /** Whether the subscriber connection is subscribed right now (for tests and diagnostics). */
    synchronized boolean isSubscribed() {
        return subscribed;
    }

    /** Stops the subscriber thread and closes its connection. Idempotent. */
    @Override
    public void close() {
        Thread thread;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            notifyAll();
            thread = subscriber;
            if (watchdog != null) {
                watchdog.shutdownNow();
            }
        }
        Listener listener = current;
        if (listener != null && listener.isSubscribed()) {
            try {
                listener.unsubscribe();
            } catch (RuntimeException e) {
                LOG.debug("redis job changes: unsubscribe failed", e);
            }
        }
        if (thread == null) {
            return;
        }
        try {
            thread.join(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            Jedis jedis = connection;
            if (jedis != null) {
                closeQuietly(jedis);
            }
            thread.interrupt();
        }
    }

    private static void closeQuietly(Jedis jedis) {
        try {
            jedis.close();
        } catch (RuntimeException e) {
            LOG.debug("redis job changes: closing the connection failed", e);
        }
    }

    /** Waits for the backoff; false when closed meanwhile. */
    private synchronized boolean pause(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        try {
            while (!closed) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            return false;
        }
        return false;
    }
}
