package dev.contentservice.bench;

import dev.contentservice.adapter.redis.RedisSettings;
import dev.contentservice.application.ImageGenerationWorker;
import dev.contentservice.application.RequestImageGeneration;
import dev.contentservice.domain.ImageStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import redis.clients.jedis.Jedis;

/**
 * What a job costs Redis, counted with {@code redis-cli MONITOR}: the real use case and the real {@link
 * ImageGenerationWorker} on the real Redis adapters, in this process, with a generator that answers at
 * once and the images in memory (outside Redis, as with an object store). A worker waits on the queue;
 * then {@code jobs} POST-equivalents ({@link RequestImageGeneration#request}) arrive one after another
 * ({@code arriving}) or are all submitted before the worker starts ({@code backlog}), and the run ends
 * when the last job is finished. Every line MONITOR prints while the jobs are requested and processed is
 * counted: a line from a client connection is a command the client sent (a round trip, or one command of a
 * pipeline), a line from {@code lua} is a command a script ran. Prints {@code ROUNDTRIPS_JSON {...}}.
 *
 * <p>{@code java -jar bench.jar roundtrips <redisUrl> <jobs> <arriving|backlog>}; {@code roundtrips-bullmq}
 * with the same arguments counts BullMQ's jobs the same way ({@link #bullmq}).
 */
final class RoundTrips {
    private static final Pattern LINE = Pattern.compile("^[0-9.]+ \\[\\d+ ([^\\]]+)\\] \"([A-Za-z]+)\"");

    /** Jobs run before counting: they load the scripts and open the connections a busy worker holds. */
    private static final int WARM_UP_JOBS = 100;

    private RoundTrips() {}

    static void main(String redisUrl, int jobs, String mode) throws Exception {
        RedisSettings settings = RedisSettings.of(redisUrl);
        try (WorkerRig rig = WorkerRig.open(redisUrl)) {
            ImageStore images = rig.outsideImages();
            List<String> ids = rig.drafts("rt-" + System.nanoTime() + "-", jobs);
            // load the scripts and open the pool's connections, not counted
            rig.warmUp("rt-warm-" + System.nanoTime() + "-", WARM_UP_JOBS, images);

            boolean arriving = !"backlog".equals(mode);
            CountDownLatch done = rig.expect(jobs);
            ImageGenerationWorker worker = rig.worker(images);
            if (arriving) {
                // counted once it waits for jobs: a worker's start (each poller reads its own pending entries
                // once) is not a cost per job; BullMQ's worker is started the same way before its count
                worker.start();
                awaitBlocked(settings, "xreadgroup", rig.settings().pollers());
            }
            Monitor monitor = Monitor.start(settings);
            for (String id : ids) {
                rig.request(id);
            }
            if (!arriving) {
                worker.start();
            }
            if (!done.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("only " + (jobs - done.getCount()) + " of " + jobs + " jobs finished");
            }
            Map<String, Long> counts = monitor.stop();
            worker.close();
            print("service", arriving, jobs, counts, rig.failed());
        }
    }

    /**
     * The same count for BullMQ ({@code bench/node/bullmq-roundtrips.mjs}, run with {@code node} from
     * {@code nodeDir}): its warm-up runs uncounted, then MONITOR counts its {@code jobs} jobs.
     */
    static void bullmq(String redisUrl, int jobs, String mode, Path nodeDir) throws Exception {
        RedisSettings settings = RedisSettings.of(redisUrl);
        boolean arriving = !"backlog".equals(mode);
        Process node = new ProcessBuilder(
                        "node",
                        "bullmq-roundtrips.mjs",
                        redisUrl,
                        Integer.toString(jobs),
                        arriving ? "arriving" : "backlog",
                        Integer.toString(WARM_UP_JOBS))
                .directory(nodeDir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (BufferedReader out =
                        new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
                Writer in = new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8)) {
            awaitLine(out, "WARMED");
            in.write("start\n");
            in.flush();
            awaitLine(out, "STARTED");
            if (arriving) {
                awaitBlocked(settings, "bzpopmin", 1); // the worker waits for jobs: its start is over
            }
            Monitor monitor = Monitor.start(settings);
            in.write("go\n");
            in.flush();
            awaitLine(out, "DONE");
            Map<String, Long> counts = monitor.stop();
            in.write("stop\n");
            in.flush();
            if (!node.waitFor(30, TimeUnit.SECONDS)) {
                node.destroy();
                throw new IllegalStateException("the BullMQ count did not exit");
            }
            print("bullmq", arriving, jobs, counts, node.exitValue() == 0 ? 0 : 1);
        } finally {
            node.destroy();
        }
    }

    /** Waits until {@code count} clients are blocked in {@code command} ({@code CLIENT LIST}). */
    private static void awaitBlocked(RedisSettings settings, String command, int count) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Jedis jedis = new Jedis(settings.host(), settings.port())) {
            while (true) {
                long blocked = jedis.clientList()
                        .lines()
                        .filter(line -> line.contains(" cmd=" + command + " ") && line.matches(".* flags=[A-Za-z]*b.*"))
                        .count();
                if (blocked >= count) {
                    return;
                }
                if (System.nanoTime() > end) {
                    throw new IllegalStateException(
                            count + " clients blocked in " + command + " expected, " + blocked + " found within 30 s");
                }
                Thread.sleep(20);
            }
        }
    }

    private static void awaitLine(BufferedReader out, String prefix) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return;
            }
        }
        throw new IllegalStateException("the BullMQ count ended before it printed " + prefix);
    }

    private static void print(String side, boolean arriving, int jobs, Map<String, Long> counts, long failed) {
        print(side, arriving ? "arriving" : "backlog", jobs, counts, failed);
    }

    /** Prints {@code ROUNDTRIPS_JSON}: per job, the client's commands (round trips), all commands, each command. */
    static void print(String side, String mode, int jobs, Map<String, Long> counts, long failed) {
        long client = counts.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("lua "))
                .mapToLong(Map.Entry::getValue)
                .sum();
        long all = counts.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder breakdown = new StringBuilder();
        counts.forEach((command, count) -> breakdown
                .append(breakdown.length() == 0 ? "" : ",")
                .append('"')
                .append(command)
                .append("\":")
                .append(String.format(Locale.ROOT, "%.2f", count / (double) jobs)));
        System.out.printf(
                Locale.ROOT,
                "ROUNDTRIPS_JSON {\"side\":\"%s\",\"mode\":\"%s\",\"jobs\":%d,\"roundTripsPerJob\":%.2f,"
                        + "\"commandsPerJob\":%.2f,\"failed\":%d,\"perJob\":{%s}}%n",
                side,
                mode,
                jobs,
                client / (double) jobs,
                all / (double) jobs,
                failed,
                breakdown);
    }

    /** {@code redis-cli MONITOR} in a child process, its lines counted by command and by client kind. */
    static final class Monitor {
        private final Process process;
        private final Thread reader;
        private final Map<String, Long> counts = new ConcurrentHashMap<>();
        private final CountDownLatch ready = new CountDownLatch(1);

        private Monitor(Process process) {
            this.process = process;
            this.reader = new Thread(this::read, "monitor-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static Monitor start(RedisSettings settings) throws InterruptedException {
            try {
                Process process = new ProcessBuilder(
                                "redis-cli",
                                "-h",
                                settings.host(),
                                "-p",
                                Integer.toString(settings.port()),
                                "-n",
                                Integer.toString(settings.database()),
                                "monitor")
                        .redirectErrorStream(true)
                        .start();
                Monitor monitor = new Monitor(process);
                if (!monitor.ready.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("redis-cli monitor did not start");
                }
                return monitor;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot run redis-cli (is it installed?)", e);
            }
        }

        private void read() {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.equals("OK")) {
                        ready.countDown();
                        continue;
                    }
                    Matcher m = LINE.matcher(line);
                    if (m.find()) {
                        String who = m.group(1).equals("lua") ? "lua " : "";
                        counts.merge(who + m.group(2).toUpperCase(Locale.ROOT), 1L, Long::sum);
                    }
                }
            } catch (IOException e) {
                // the process was stopped
            }
        }

        Map<String, Long> stop() throws InterruptedException {
            Thread.sleep(300); // MONITOR lines trail the commands by a little
            process.destroy();
            process.waitFor(5, TimeUnit.SECONDS);
            reader.join(5000);
            return new TreeMap<>(counts);
        }
    }
}
