package dev.contentservice.bench;

import dev.contentservice.application.ImageGenerationWorker;
import dev.contentservice.application.WorkerSettings;
import dev.contentservice.domain.ImageStore;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The service's side of the worker-throughput benchmark, in a JVM of its own ({@link WorkerRig}: the real use
 * case, the real worker with its default {@link WorkerSettings}, the real Redis adapters, a generator that
 * answers at once with a tiny PNG, which the worker stores in Redis as it does without an object store, or,
 * with {@code outside}, in this process's memory as it would in an object store). Processes {@code warmup}
 * jobs (not timed) in rounds of at most {@link #WARMUP_ROUND}, each round as the timed part (its jobs
 * submitted, then drained by a new worker), and prints what the JIT's compilers took of each round's CPU;
 * then submits {@code jobs} jobs with no worker running, starts a new worker and times from its start until
 * the last job is COMPLETED. Prints {@code WORKER_JSON {...}} with the rate and the CPU time per job of this
 * process (and of that its compiler threads) and of redis-server over the timed part.
 *
 * <p>{@code java -jar bench.jar worker <redisUrl> <jobs> <warmupJobs> [redis|outside]} (default {@code redis})
 */
final class WorkerThroughput {
    private WorkerThroughput() {}

    /** The CPU time of this whole JVM (every thread: the worker, the compilers, the collector). */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The most jobs of one warm-up round. */
    static final int WARMUP_ROUND = 10_000;

    static void main(String redisUrl, int jobs, int warmup, boolean imagesInRedis) throws InterruptedException {
        try (WorkerRig rig = WorkerRig.open(redisUrl)) {
            // outside Redis, each round gets a store of its own: an object store keeps no image in the worker's
            // heap, and the 240,000 images of the warm-up held here made each young collection of the timed part
            // copy them about (pauses of 50-140 ms in a drain of about 2 s)
            Supplier<ImageStore> store = imagesInRedis ? rig::redisImages : rig::outsideImages;
            for (int round = 0, left = warmup; left > 0; round++) {
                int count = Math.min(left, WARMUP_ROUND);
                // against the whole process's CPU: a round's worker threads end with it, and /proc no longer lists them
                long compilersBefore = Proc.CompilerCpu.of("self").compilers();
                long cpuBefore = processCpuNanos();
                rig.warmUp("worker-warmup-" + round + "-", count, store.get());
                long cpu = processCpuNanos() - cpuBefore;
                System.out.printf(
                        Locale.ROOT,
                        "warm-up round %d: %d jobs, process CPU %.3f ms per job, of which the compilers %.0f%%%n",
                        round + 1,
                        count,
                        cpu / 1e6 / count,
                        100.0
                                * (Proc.CompilerCpu.of("self").compilers() - compilersBefore)
                                * Proc.MILLIS_PER_TICK
                                * 1e6
                                / Math.max(1, cpu));
                left -= count;
            }
            for (String id : rig.drafts("worker-", jobs)) {
                rig.request(id);
            }
            CountDownLatch done = rig.expect(jobs);
            ImageGenerationWorker worker = rig.worker(store.get());
            double redisCpuBefore = rig.redisCpuSeconds();
            long cpuBefore = processCpuNanos();
            long compilersBefore = Proc.CompilerCpu.of("self").compilers();
            long start = System.nanoTime();
            worker.start();
            boolean finished = done.await(5, TimeUnit.MINUTES);
            long end = System.nanoTime();
            long cpu = processCpuNanos() - cpuBefore;
            long compilers = Proc.CompilerCpu.of("self").compilers() - compilersBefore;
            double redisCpu = rig.redisCpuSeconds() - redisCpuBefore;
            worker.close();
            if (!finished) {
                throw new IllegalStateException(
                        "the worker finished " + (jobs - done.getCount()) + " of " + jobs + " jobs within 5 minutes");
            }
            double seconds = Duration.ofNanos(end - start).toNanos() / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "WORKER_JSON {\"jobs\":%d,\"seconds\":%.6f,\"perSecond\":%.3f,\"maxInFlightJobs\":%d,\"failed\":%d,"
                            + "\"cpuMsPerJob\":%.4f,\"compilerCpuMsPerJob\":%.4f,\"redisCpuMsPerJob\":%.4f}%n",
                    jobs,
                    seconds,
                    jobs / seconds,
                    rig.settings().maxInFlightJobs(),
                    rig.failed(),
                    cpu / 1e6 / jobs,
                    compilers * Proc.MILLIS_PER_TICK / jobs,
                    redisCpu * 1000 / jobs);
        }
    }
}
