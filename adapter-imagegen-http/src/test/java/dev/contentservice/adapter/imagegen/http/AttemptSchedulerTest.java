package dev.contentservice.adapter.imagegen.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AttemptSchedulerTest {
    private final ScheduledExecutorService pool = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "attempt-scheduler-test");
        thread.setDaemon(true);
        return thread;
    });
    private final AttemptScheduler scheduler = new AttemptScheduler(pool);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void a_task_without_delay_runs_on_the_callers_thread_before_schedule_returns() throws Exception {
        AtomicReference<Thread> ranOn = new AtomicReference<>();

        ScheduledFuture<?> future = scheduler.schedule(
                () -> {
                    ranOn.set(Thread.currentThread());
                    return "ran";
                },
                0,
                TimeUnit.NANOSECONDS);

        assertThat(ranOn.get()).isSameAs(Thread.currentThread());
        assertThat(future.isDone()).isTrue();
        assertThat(future.get()).isEqualTo("ran");
        assertThat(future.getDelay(TimeUnit.NANOSECONDS)).isZero();
    }

    @Test
    void a_failing_task_without_delay_keeps_its_failure_in_the_future() {
        ScheduledFuture<?> future = scheduler.schedule(
                () -> {
                    throw new IllegalStateException("attempt failed");
                },
                0,
                TimeUnit.NANOSECONDS);

        assertThat(future.isDone()).isTrue();
        assertThatThrownBy(future::get)
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_delayed_task_runs_later_on_the_pool() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Thread> ranOn = new AtomicReference<>();

        ScheduledFuture<?> future = scheduler.schedule(
                () -> {
                    release.await();
                    ranOn.set(Thread.currentThread());
                    return null;
                },
                1,
                TimeUnit.MILLISECONDS);
        release.countDown();
        future.get(10, TimeUnit.SECONDS);

        assertThat(ranOn.get().getName()).isEqualTo("attempt-scheduler-test");
    }
}
