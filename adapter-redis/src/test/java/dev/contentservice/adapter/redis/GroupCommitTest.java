package dev.contentservice.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contentservice.domain.contract.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Group commit without Redis: who runs which batch, what each caller gets back. */
class GroupCommitTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstRunning = new CountDownLatch(1);
    private final CountDownLatch releaseFirst = new CountDownLatch(1);

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void a_caller_alone_runs_its_item_at_once_in_its_own_thread() {
        List<Thread> ranIn = new ArrayList<>();
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(8, 1, items -> {
            ranIn.add(Thread.currentThread());
            return doubled(items);
        });

        assertThat(commit.submit(21)).isEqualTo(42);
        assertThat(commit.submit(5)).isEqualTo(10);
        assertThat(ranIn).containsExactly(Thread.currentThread(), Thread.currentThread());
    }

    @Test
    void items_that_arrive_while_the_lane_is_busy_go_together_in_the_next_batch() throws Exception {
        GroupCommit<Integer, Integer> commit = heldAtZero(GroupCommitTest::doubled);
        Future<Integer> first = holdFirst(commit);

        List<Future<Integer>> later = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            int item = i;
            later.add(callers.submit(() -> commit.submit(item)));
        }
        assertThat(Fixtures.eventually(PATIENCE, () -> commit.waiting() == 5)).isTrue();
        releaseFirst.countDown();

        assertThat(first.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isZero();
        for (int i = 1; i <= 5; i++) {
            assertThat(later.get(i - 1).get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                    .isEqualTo(2 * i);
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(0)).containsExactly(0);
        assertThat(batches.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
    }

    @Test
    void no_batch_is_larger_than_the_most_and_no_more_run_at_once_than_the_lanes() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostRunning = new AtomicInteger();
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(4, 2, items -> {
            int now = running.incrementAndGet();
            mostRunning.accumulateAndGet(now, Math::max);
            batches.add(List.copyOf(items));
            Thread.yield();
            running.decrementAndGet();
            return doubled(items);
        });
        int threads = 12;
        int each = 2_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> wrong = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int base = t * each;
            wrong.add(callers.submit(() -> {
                await(go);
                int mismatches = 0;
                for (int i = base; i < base + each; i++) {
                    if (commit.submit(i) != 2 * i) {
                        mismatches++;
                    }
                }
                return mismatches;
            }));
        }
        go.countDown();

        for (Future<Integer> mismatches : wrong) {
            assertThat(mismatches.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isZero();
        }
        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeBetween(1, 4));
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(threads * each);
        assertThat(batches.stream().flatMap(List::stream).distinct().count()).isEqualTo(threads * each);
        assertThat(mostRunning.get()).isBetween(1, 2);
        assertThat(commit.waiting()).isZero();
    }

    @Test
    void a_failing_batch_fails_each_of_its_callers_and_the_next_batch_runs() throws Exception {
        IllegalStateException refused = new IllegalStateException("refused");
        GroupCommit<Integer, Integer> commit = heldAtZero(items -> {
            if (items.contains(-1)) {
                throw refused;
            }
            return doubled(items);
        });
        Future<Integer> first = holdFirst(commit);
        Future<Integer> failing = callers.submit(() -> commit.submit(-1));
        Future<Integer> sameBatch = callers.submit(() -> commit.submit(3));
        assertThat(Fixtures.eventually(PATIENCE, () -> commit.waiting() == 2)).isTrue();
        releaseFirst.countDown();

        assertThat(first.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isZero();
        assertThatThrownBy(() -> failing.get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .hasCause(refused);
        assertThatThrownBy(() -> sameBatch.get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .hasCause(refused);
        assertThat(commit.submit(7)).isEqualTo(14);
    }

    @Test
    void an_interrupted_caller_still_gets_its_answer_and_keeps_its_interrupt() throws Exception {
        GroupCommit<Integer, Integer> commit = heldAtZero(GroupCommitTest::doubled);
        Future<Integer> first = holdFirst(commit);
        AtomicInteger answer = new AtomicInteger();
        CountDownLatch answered = new CountDownLatch(1);
        List<Boolean> stillInterrupted = new CopyOnWriteArrayList<>();
        Thread caller = new Thread(() -> {
            answer.set(commit.submit(4));
            stillInterrupted.add(Thread.currentThread().isInterrupted());
            answered.countDown();
        });
        caller.start();
        assertThat(Fixtures.eventually(PATIENCE, () -> commit.waiting() == 1)).isTrue();

        caller.interrupt();
        assertThat(answered.getCount()).isOne(); // its item is still waiting for the lane
        releaseFirst.countDown();

        assertThat(first.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isZero();
        await(answered);
        assertThat(answer.get()).isEqualTo(8);
        assertThat(stillInterrupted).containsExactly(true);
    }

    @Test
    void a_batch_answering_the_wrong_number_of_results_fails_its_callers() {
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(8, 1, items -> List.of());

        assertThatThrownBy(() -> commit.submit(1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a batch of 1 items answered 0 results");
    }

    @Test
    void sizes_below_one_are_refused() {
        Function<List<Integer>, List<Integer>> batch = GroupCommitTest::doubled;

        assertThatThrownBy(() -> new GroupCommit<>(0, 1, batch)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GroupCommit<>(1, 0, batch)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * One lane, up to 16 items a batch; the batch holding 0 waits for {@link #releaseFirst}, the others are
     * answered by {@code rest}. Every batch is recorded in {@link #batches}.
     */
    private GroupCommit<Integer, Integer> heldAtZero(Function<List<Integer>, List<Integer>> rest) {
        return new GroupCommit<>(16, 1, items -> {
            batches.add(List.copyOf(items));
            if (items.contains(0)) {
                firstRunning.countDown();
                await(releaseFirst);
                return doubled(items);
            }
            return rest.apply(items);
        });
    }

    /** Submits 0 from another thread and returns once its batch runs (and holds the only lane). */
    private Future<Integer> holdFirst(GroupCommit<Integer, Integer> commit) {
        Future<Integer> first = callers.submit(() -> commit.submit(0));
        await(firstRunning);
        return first;
    }

    private static List<Integer> doubled(List<Integer> items) {
        return items.stream().map(i -> 2 * i).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("latch not released within " + PATIENCE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
