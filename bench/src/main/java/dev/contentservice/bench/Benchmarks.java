package dev.contentservice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contentservice.bench.Figure.Target;
import dev.contentservice.testfixtures.ChildProcess;
import dev.contentservice.testfixtures.Ports;
import dev.contentservice.testfixtures.ProviderStub;
import dev.contentservice.testfixtures.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The measurements of issues 7 and 16 (1–6, then round trips per job and the cost of waiting) on one redis-server and one stand-in provider that this run starts. Every
 * loop is bounded in count and in time; all traffic stays on 127.0.0.1.
 */
final class Benchmarks {
    static final int WORKER_JOBS = 20_000;
    /**
     * Jobs each side runs in its process before the timed jobs, in rounds of {@link WorkerThroughput#WARMUP_ROUND}
     * shaped as the timed part
     * (submitted, then drained): enough for the JVM's compilers to have done their work, so that the figure
     * is the steady rate of a running worker rather than its start-up. Measured with the compiler threads'
     * CPU ({@code /proc/self/task}): with 1,000 warm-up jobs they took a quarter of the timed part's CPU;
     * with 10,000 (issue 16's fifth and sixth sessions) still 30–40% (0.03–0.07 ms of the 0.14–0.18 ms a job
     * cost the process), the C2 compiler working through the claim's and the futures' paths (one
     * `LogCompilation` showed single compilations of 1–4 s). Per round of 10,000 they took 16–41% of the
     * CPU through the seventh round and 3–4% from the eighth on.
     */
    static final int WORKER_WARMUP = 80_000;

    static final Duration HTTP_RUN = Duration.ofSeconds(5);
    /**
     * Warm-up of items 1 and 2: rounds of {@link #HTTP_RUN} against each side in turn until, in one round,
     * the JIT's compilers take under {@link #HTTP_QUIET_COMPILERS_PERCENT} of the CPU of both processes, at
     * least {@link #HTTP_WARMUP_MIN_ROUNDS} and at most {@link #HTTP_WARMUP_MAX_ROUNDS}. With a fixed 3 s
     * both sides were still being compiled during the runs (generate: the service's three runs 2,319, 3,144
     * and 3,986 req/s, the baseline's 5,087, 10,733 and 14,568). A fixed 10 s was two rounds: on 2026-11-30
     * the compilers took 18–28% of either process's CPU through the fourth round of status polls and under
     * 1% from the sixth, and the service's rate rose from 1,934 to about 15,000 req/s with it; for the
     * POSTs that followed, 33% and 10% of the service's CPU in the first two rounds, under 1% from the
     * third.
     */
    static final int HTTP_WARMUP_MIN_ROUNDS = 2;

    static final int HTTP_WARMUP_MAX_ROUNDS = 16;

    static final double HTTP_QUIET_COMPILERS_PERCENT = 2;

    /** How long the stand-in holds a call during item 2; also the service's attempt timeout and job deadline. */
    static final Duration HTTP_HELD_CALLS = Duration.ofMinutes(30);

    /** Drafts preloaded per wrk thread for one generate run: more than a run can send. */
    static final int DRAFTS_PER_WRK_THREAD = 40_000;

    /**
     * Jobs per timed run of item 4: a p99 of 600 is the 7th slowest job, one of 150 was the 2nd slowest, so
     * that a single stall of the machine set it (the bare exchange's own p99 swung 4.9–19 ms between three
     * runs of 150 in one bench).
     */
    static final int LATENCY_JOBS = 600;

    static final int LATENCY_RATE = 30;
    /**
     * Jobs per warm-up round before the timed runs, sent to the service and then through the bare exchange
     * at {@link #LATENCY_WARMUP_RATE}; rounds go on until the JIT's compilers take under {@link
     * #QUIET_COMPILERS_PERCENT} of the CPU of the service's process and of this one (where the bare exchange
     * runs), at most {@link #LATENCY_WARMUP_MAX_ROUNDS}. With 60 jobs at 30 a second the first run's p50
     * was still 12 ms against 7.5 ms for the third; with 450 the compilers still took 30–37% of the
     * service's CPU during the timed runs, and 20–77% of this process's.
     */
    static final int LATENCY_WARMUP_JOBS = 1_800;

    /** 180 provider calls at once: at 240 the stand-in's JDK HTTP server closed pooled connections. */
    static final int LATENCY_WARMUP_RATE = 60;

    /** After five rounds the compilers still took 10–13% of the service's CPU in the benches of 2026-11-30. */
    static final int LATENCY_WARMUP_MAX_ROUNDS = 8;

    static final double QUIET_COMPILERS_PERCENT = 5;

    static final int MEMORY_JOBS = 5_000;
    static final int SCALING_JOBS = 600;
    static final int SCALING_MAX_JOBS = 16;
    static final int SCALING_MAX_CALLS = 48;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path repo;
    private final Path logDir;
    private final Path serviceJar;
    private final Path benchJar;
    private final int runs;
    private final Set<Integer> only;
    private final Wrk wrk;
    private final Api api = new Api();
    private final List<String> method = new ArrayList<>();
    /** The load average (1, 5, 15 minutes) before and after each item, as {@code uptime} shows it. */
    private final List<String> loads = new ArrayList<>();

    Benchmarks(Path repo, int runs, Set<Integer> only, int wrkThreads, int wrkConnections) {
        this.repo = repo;
        this.logDir = repo.resolve("bench/target/logs");
        this.serviceJar = repo.resolve("bootstrap/target/content-service.jar");
        this.benchJar = repo.resolve("bench/target/bench.jar");
        this.runs = runs;
        this.only = only;
        this.wrk = new Wrk(repo.resolve("bench/wrk"), wrkThreads, wrkConnections);
    }

    List<String> method() {
        return method;
    }

    List<String> loads() {
        return loads;
    }

    List<Figure> runAll() throws IOException {
        List<Figure> figures = new ArrayList<>();
        try (RedisServer redis = RedisServer.start(logDir);
                ProviderStub stub = ProviderStub.startCounting(Duration.ZERO)) {
            log("redis-server on port " + redis.port() + ", provider stub at " + stub.baseUrl());
            figures.addAll(guard(Set.of(1, 2), "HTTP", () -> http(redis, stub), this::httpMissing));
            figures.addAll(guard(
                    Set.of(3),
                    "worker throughput",
                    () -> worker(redis),
                    why -> List.of(
                            Figure.notMeasured(3, "worker throughput", "jobs/s", Target.ratioAtLeast(1.0), why))));
            figures.addAll(guard(
                    Set.of(4),
                    "added latency",
                    () -> addedLatency(redis),
                    why -> List.of(Figure.notMeasured(4, "added latency p99", "ms", Target.atMost(10, "ms"), why))));
            figures.addAll(guard(
                    Set.of(5),
                    "memory",
                    () -> memory(redis, stub),
                    why -> List.of(Figure.notMeasured(
                            5, "resident memory, 5,000 waiting jobs", "MiB", Target.atMost(512, "MiB"), why))));
            figures.addAll(guard(
                    Set.of(7),
                    "round trips",
                    () -> roundTrips(),
                    why -> List.of(Figure.notMeasured(
                            7, "Redis round trips per job", "round trips", Target.atMost(5, ""), why))));
            figures.addAll(guard(
                    Set.of(8),
                    "waiting",
                    () -> waiting(),
                    why -> List.of(Figure.notMeasured(
                            8,
                            "Redis commands per second, 500 long-polls",
                            "commands/s",
                            Target.atMost(100, "commands/s"),
                            why))));
            figures.addAll(guard(
                    Set.of(6),
                    "scaling",
                    () -> scaling(redis, stub),
                    why -> List.of(
                            Figure.notMeasured(6, "two instances vs one", "jobs/s", Target.ratioAtLeast(1.8), why))));
        }
        return figures;
    }

    private List<Figure> guard(
            Set<Integer> items,
            String what,
            Supplier<List<Figure>> measure,
            java.util.function.Function<String, List<Figure>> missing) {
        if (!only.isEmpty() && items.stream().noneMatch(only::contains)) {
            return List.of();
        }
        String loadBefore = Machine.loadAverageNow();
        log("== " + what + " (load average " + loadBefore + ")");
        long start = System.nanoTime();
        try {
            List<Figure> figures = measure.get();
            String loadAfter = Machine.loadAverageNow();
            log("== " + what + " took " + (System.nanoTime() - start) / 1_000_000_000 + " s (load average " + loadAfter
                    + ")");
            loads.add(what + ": " + loadBefore + " before, " + loadAfter + " after");
            return figures;
        } catch (RuntimeException e) {
            log("== " + what + " FAILED: " + e);
            e.printStackTrace(System.out);
            return missing.apply(e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
        }
    }

    private List<Figure> httpMissing(String why) {
        return List.of(
                Figure.notMeasured(1, "status poll throughput", "req/s", Target.ratioAtLeast(0.9), why),
                Figure.notMeasured(2, "generate throughput", "req/s", Target.ratioAtLeast(0.8), why));
    }

    // ---- items 1 and 2 -------------------------------------------------------------------------------

    private List<Figure> http(RedisServer redis, ProviderStub stub) {
        requireServiceJar();
        redis.flush();
        stub.delay(Duration.ZERO);
        method.add("1–2. `wrk` (" + wrk.threads() + " threads, " + wrk.connections() + " connections, "
                + HTTP_RUN.toSeconds() + " s per run, after warm-up rounds of the same length against each side in "
                + "turn until the JIT's compilers took under " + (int) HTTP_QUIET_COMPILERS_PERCENT + "% of both "
                + "processes' CPU in a round, at least " + HTTP_WARMUP_MIN_ROUNDS + " and at most "
                + HTTP_WARMUP_MAX_ROUNDS
                + " rounds; the log lists each round) against the service jar in Redis mode and against the baseline, a minimal Javalin "
                + "app in its own JVM (same Jetty defaults, same Jedis pool of 32) that answers each request with "
                + "exactly one Jedis call: for status one EVALSHA returning the job hash and its image hash in one "
                + "round trip, for generate one HSET of a new job hash (no validation, no dedupe, no queue). Runs "
                + "alternate between the two; latency percentiles come from wrk's own histogram (`bench/wrk/*.lua`).");
        method.add("1. The polled job is COMPLETED (made through the service with the stand-in provider answering "
                + "at once), so each poll reads the job and its image set.");
        method.add("2. Every POST names a new draft whose recommendation was preloaded into `ai:event:{id}` "
                + "(ids generated by `bench/wrk/generate.lua`), so dedupe never turns a POST into a read; the "
                + "stand-in provider then holds every call for 30 minutes, and the service's attempt timeout and job "
                + "deadline are longer than the item, so the worker waits as it would on a real provider instead of "
                + "competing for the CPU (with the default 120 s attempt timeout, the held calls failed after two "
                + "minutes, the circuit opened and the worker failed every new job at once, as fast as they came). "
                + "Redis is flushed before each run, and the same recommendations are preloaded before a baseline "
                + "run as before a service run (since the thirteenth session; before, the baseline ran on an empty "
                + "Redis).");
        Map<String, String> env = serviceEnv(redis, stub);
        env.put("CONTENT_IMAGEGEN_TIMEOUT_SECONDS", Long.toString(HTTP_HELD_CALLS.toSeconds()));
        env.put("CONTENT_JOB_DEADLINE_SECONDS", Long.toString(HTTP_HELD_CALLS.toSeconds()));
        try (ServiceProcess service = service("service-http", env);
                ServiceProcess baseline = baseline(redis.port())) {
            Drafts.preload(redis.client(), List.of("poll-1"));
            String jobId = api.generate(service.baseUrl(), "poll-1");
            awaitCompletedStatus(service.baseUrl(), jobId);
            stub.delay(HTTP_HELD_CALLS);
            String path = "/api/content/jobs/" + jobId + "/status";

            httpWarmUp(
                    "poll",
                    service,
                    baseline,
                    (target, round) -> wrk.run("poll.lua", target.baseUrl() + path, HTTP_RUN));
            Series poll = new Series();
            for (int run = 0; run < runs; run++) {
                for (boolean serviceFirst : order(run)) {
                    ServiceProcess target = serviceFirst ? service : baseline;
                    Wrk.Result result = wrk.run("poll.lua", target.baseUrl() + path, HTTP_RUN);
                    check(result, "poll " + (serviceFirst ? "service" : "baseline"));
                    poll.add(serviceFirst, result);
                }
            }

            Series generate = new Series();
            httpWarmUp(
                    "generate",
                    service,
                    baseline,
                    (target, round) -> generateRun(redis, target, "gw" + round + "-", target == service));
            for (int run = 0; run < runs; run++) {
                for (boolean serviceFirst : order(run)) {
                    ServiceProcess target = serviceFirst ? service : baseline;
                    Wrk.Result result = generateRun(redis, target, "g" + run, serviceFirst);
                    check(result, "generate " + (serviceFirst ? "service" : "baseline"));
                    generate.add(serviceFirst, result);
                }
            }
            stub.delay(Duration.ZERO);
            String base = "Javalin + 1 Jedis call";
            return List.of(
                    Figure.against(
                            1,
                            "status poll throughput",
                            "req/s",
                            poll.service,
                            poll.baseline,
                            base,
                            Target.ratioAtLeast(0.9)),
                    Figure.against(
                            1, "status poll latency p50", "ms", poll.serviceP50, poll.baselineP50, base, Target.none()),
                    Figure.against(
                            1, "status poll latency p99", "ms", poll.serviceP99, poll.baselineP99, base, Target.none()),
                    Figure.against(
                            2,
                            "generate throughput (POST → 202)",
                            "req/s",
                            generate.service,
                            generate.baseline,
                            base,
                            Target.ratioAtLeast(0.8)),
                    Figure.against(
                            2,
                            "generate latency p50",
                            "ms",
                            generate.serviceP50,
                            generate.baselineP50,
                            base,
                            Target.none()),
                    Figure.against(
                            2,
                            "generate latency p99",
                            "ms",
                            generate.serviceP99,
                            generate.baselineP99,
                            base,
                            Target.none()));
        }
    }

    /**
     * Runs {@code round} against the service and the baseline in turn until the compilers of both are quiet
     * (see {@link #HTTP_WARMUP_MIN_ROUNDS}); logs each round's rates and compiler shares.
     */
    private void httpWarmUp(
            String what,
            ServiceProcess service,
            ServiceProcess baseline,
            BiFunction<ServiceProcess, Integer, Wrk.Result> round) {
        Map<String, String> pids = new LinkedHashMap<>();
        pids.put("service", Long.toString(service.child().pid()));
        pids.put("baseline", Long.toString(baseline.child().pid()));
        untilCompilersQuiet(
                what,
                HTTP_WARMUP_MIN_ROUNDS,
                HTTP_WARMUP_MAX_ROUNDS,
                HTTP_QUIET_COMPILERS_PERCENT,
                pids,
                n -> String.format(
                        Locale.ROOT,
                        "service %.0f req/s, baseline %.0f req/s",
                        round.apply(service, n).perSecond(),
                        round.apply(baseline, n).perSecond()));
    }

    /**
     * Runs {@code round} (given its number, answering what to log of it) until the JIT's compilers took under
     * {@code quietPercent} of the CPU of each process of {@code pids} (its name to its pid, or {@code "self"})
     * during one round: at least {@code minRounds} rounds, at most {@code maxRounds}. Logs each round with
     * each process's compiler share.
     */
    private void untilCompilersQuiet(
            String what,
            int minRounds,
            int maxRounds,
            double quietPercent,
            Map<String, String> pids,
            IntFunction<String> round) {
        for (int n = 1; n <= maxRounds; n++) {
            Map<String, Proc.CompilerCpu> before = new LinkedHashMap<>();
            pids.forEach((name, pid) -> before.put(name, Proc.CompilerCpu.of(pid)));
            String ran = round.apply(n);
            StringJoiner shares = new StringJoiner(", ");
            boolean quiet = true;
            for (Map.Entry<String, String> process : pids.entrySet()) {
                double share = Proc.CompilerCpu.of(process.getValue()).percentSince(before.get(process.getKey()));
                shares.add(String.format(Locale.ROOT, "%s %.1f%%", process.getKey(), share));
                quiet &= share < quietPercent;
            }
            log(what + " warm-up round " + n + ": " + ran + "; the JIT's compilers took of each process's CPU: "
                    + shares);
            if (n >= minRounds && quiet) {
                return;
            }
        }
    }

    private Wrk.Result generateRun(RedisServer redis, ServiceProcess target, String prefix, boolean isService) {
        redis.flush();
        // both sides run on the same data set, though the baseline does not read the recommendations
        List<String> drafts = new ArrayList<>();
        for (int thread = 0; thread < wrk.threads(); thread++) {
            drafts.addAll(Drafts.ids(prefix + thread + "-", DRAFTS_PER_WRK_THREAD));
        }
        Drafts.preload(redis.client(), drafts);
        String targetPid = Long.toString(target.child().pid());
        String redisPid = Long.toString(redis.pid());
        long targetBefore = Proc.threadTicks(targetPid, "").orElse(0L);
        long redisBefore = Proc.threadTicks(redisPid, "").orElse(0L);
        long harnessBefore = Proc.threadTicks("self", "").orElse(0L);
        Wrk.Result result = wrk.run("generate.lua", target.baseUrl() + "/", HTTP_RUN, prefix);
        double perRequest = Proc.MILLIS_PER_TICK * 1000 / Math.max(1, result.requests());
        log(String.format(
                java.util.Locale.ROOT,
                "generate %s run %s: CPU per request: its process %.1f µs, redis-server %.1f µs, this harness %.1f µs",
                isService ? "service" : "baseline",
                prefix,
                (Proc.threadTicks(targetPid, "").orElse(0L) - targetBefore) * perRequest,
                (Proc.threadTicks(redisPid, "").orElse(0L) - redisBefore) * perRequest,
                (Proc.threadTicks("self", "").orElse(0L) - harnessBefore) * perRequest));
        return result;
    }

    private void awaitCompletedStatus(String baseUrl, String jobId) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            JsonNode status = api.status(baseUrl, jobId);
            if ("COMPLETED".equals(status.path("status").asText())) {
                return;
            }
            if ("FAILED".equals(status.path("status").asText())) {
                throw new IllegalStateException("the job to poll FAILED: " + status);
            }
            Sleep.millis(100);
        }
        throw new IllegalStateException("the job to poll did not complete within 30 s");
    }

    private static void check(Wrk.Result result, String what) {
        if (result.errors() > 0 || result.non2xx() > 0) {
            throw new IllegalStateException(what + ": " + result.errors() + " socket errors, " + result.non2xx()
                    + " answers that were not 2xx (" + result.requests() + " requests)");
        }
        log(String.format(
                java.util.Locale.ROOT,
                "%s: %.0f req/s, p50 %.2f ms, p99 %.2f ms",
                what,
                result.perSecond(),
                result.p50Micros() / 1000.0,
                result.p99Micros() / 1000.0));
    }

    private static List<Boolean> order(int run) {
        return run % 2 == 0 ? List.of(false, true) : List.of(true, false);
    }

    /** One wrk figure per run, for the service and the baseline. */
    private static final class Series {
        final List<Double> service = new ArrayList<>();
        final List<Double> baseline = new ArrayList<>();
        final List<Double> serviceP50 = new ArrayList<>();
        final List<Double> baselineP50 = new ArrayList<>();
        final List<Double> serviceP99 = new ArrayList<>();
        final List<Double> baselineP99 = new ArrayList<>();

        void add(boolean isService, Wrk.Result result) {
            (isService ? service : baseline).add(result.perSecond());
            (isService ? serviceP50 : baselineP50).add(result.p50Micros() / 1000.0);
            (isService ? serviceP99 : baselineP99).add(result.p99Micros() / 1000.0);
        }
    }

    // ---- item 3 --------------------------------------------------------------------------------------

    private List<Figure> worker(RedisServer redis) {
        int concurrency =
                dev.contentservice.application.WorkerSettings.defaults().maxInFlightJobs();
        method.add("3. " + String.format("%,d", WORKER_JOBS) + " jobs, each side in a fresh process after "
                + String.format("%,d", WORKER_WARMUP) + " warm-up jobs in rounds of "
                + String.format("%,d", WorkerThroughput.WARMUP_ROUND) + ", each round submitted, "
                + "then drained as the timed part (so that the timed jobs run compiled code, as in a worker that "
                + "has been up for a while: the service's log lists what the JIT's compilers took of each round's "
                + "CPU and of the timed part's); the jobs are submitted first, then a worker "
                + "starts and is timed until the last job has completed. Service: the real use case, "
                + "`ImageGenerationWorker` with its default settings (" + concurrency + " jobs in flight) and the "
                + "real Redis adapters, in-process with a generator that answers at once with a 1×1 PNG. The "
                + "figure with a target keeps the images outside Redis (in the process's memory, standing for the "
                + "object store: BullMQ's processor stores no image either); the second row stores the three "
                + "images in Redis as the service does without an object store. BullMQ: a "
                + "Node worker with concurrency " + concurrency + " whose processor runs three no-op async steps "
                + "in parallel and writes a result hash with a TTL (`bench/node/bullmq-bench.mjs`). Same "
                + "redis-server, flushed before each run; runs alternate. Each run also reports the CPU time per "
                + "job of the worker's process (all its threads: compilers and collector included) and of "
                + "redis-server (`INFO cpu`), in the log.");
        List<Double> service = new ArrayList<>();
        List<Double> serviceImagesInRedis = new ArrayList<>();
        List<Double> bullmq = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            for (boolean serviceFirst : order(run)) {
                redis.flush();
                if (serviceFirst) {
                    service.add(workerRun(redis, false));
                    redis.flush();
                    serviceImagesInRedis.add(workerRun(redis, true));
                } else {
                    bullmq.add(bullmqRun(redis, concurrency));
                }
            }
        }
        redis.flush();
        String jobs = String.format("%,d", WORKER_JOBS) + " jobs, zero-latency generator";
        return List.of(
                Figure.against(
                        3,
                        "worker throughput, " + jobs + ", images outside Redis",
                        "jobs/s",
                        service,
                        bullmq,
                        "BullMQ",
                        Target.ratioAtLeast(1.0)),
                Figure.against(
                        3,
                        "worker throughput, " + jobs + ", images in Redis",
                        "jobs/s",
                        serviceImagesInRedis,
                        bullmq,
                        "BullMQ",
                        Target.none()));
    }

    private double workerRun(RedisServer redis, boolean imagesInRedis) {
        ChildProcess child = ChildProcess.start(
                imagesInRedis ? "worker-throughput-images-in-redis" : "worker-throughput",
                javaCommand(
                        "-jar",
                        benchJar.toString(),
                        "worker",
                        redis.url(),
                        Integer.toString(WORKER_JOBS),
                        Integer.toString(WORKER_WARMUP),
                        imagesInRedis ? "redis" : "outside"),
                Map.of(),
                logDir);
        return childFigure(child, "WORKER_JSON ", imagesInRedis ? "service worker, images in Redis" : "service worker");
    }

    private double bullmqRun(RedisServer redis, int concurrency) {
        Path script = repo.resolve("bench/node/bullmq-bench.mjs");
        ChildProcess child = ChildProcess.start(
                "bullmq",
                List.of(
                        "node",
                        script.toString(),
                        redis.url(),
                        Integer.toString(WORKER_JOBS),
                        Integer.toString(concurrency),
                        Integer.toString(WORKER_WARMUP)),
                Map.of(),
                logDir);
        return childFigure(child, "BULLMQ_JSON ", "BullMQ");
    }

    /** Waits for a measuring child and reads {@code perSecond} from the last line with its mark. */
    private static double childFigure(ChildProcess child, String mark, String what) {
        JsonNode result = childJson(child, mark, what);
        double perSecond = result.get("perSecond").asDouble();
        log(String.format(
                java.util.Locale.ROOT,
                "%s: %.0f jobs/s%s",
                what,
                perSecond,
                result.has("cpuMsPerJob")
                        ? String.format(
                                java.util.Locale.ROOT,
                                " (CPU per job: worker process %.3f ms%s, redis-server %.3f ms)",
                                result.get("cpuMsPerJob").asDouble(),
                                result.has("compilerCpuMsPerJob")
                                        ? String.format(
                                                java.util.Locale.ROOT,
                                                " of which its JIT compilers %.3f ms",
                                                result.get("compilerCpuMsPerJob")
                                                        .asDouble())
                                        : "",
                                result.get("redisCpuMsPerJob").asDouble())
                        : ""));
        return perSecond;
    }

    /** Waits for a measuring child and reads the JSON of the last line with its mark. */
    private static JsonNode childJson(ChildProcess child, String mark, String what) {
        try (child) {
            int exit = child.awaitExit(Duration.ofMinutes(3));
            String log = Files.readString(child.log(), StandardCharsets.UTF_8);
            if (exit != 0) {
                throw new IllegalStateException(what + " exited with " + exit + "; see " + child.log());
            }
            String line = log.lines()
                    .filter(text -> text.startsWith(mark))
                    .reduce((first, second) -> second)
                    .orElseThrow(() -> new IllegalStateException(what + " printed no result; see " + child.log()));
            return JSON.readTree(line.substring(mark.length()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- item 4 --------------------------------------------------------------------------------------

    private List<Figure> addedLatency(RedisServer redis) {
        requireServiceJar();
        redis.flush();
        method.add("4. The service jar with the stand-in provider answering each call after exactly 1 s, in a "
                + "process of its own (`bench.jar stub 1000`, serial collector, 64 MiB heap: in the harness's "
                + "process its answers waited out the harness's own collections, 5–25 ms each); "
                + "`CONTENT_IMAGEGEN_MAX_CONCURRENCY=256`, so no call waits for a slot; "
                + "`CONTENT_IMAGEGEN_TEXT=provider`, the provider's poster as it comes, no local type-setting; "
                + LATENCY_JOBS
                + " jobs per run POSTed at " + LATENCY_RATE + " per second after a warm-up in rounds of "
                + String.format("%,d", LATENCY_WARMUP_JOBS) + " jobs at " + LATENCY_WARMUP_RATE
                + " per second, to the service and then through the baseline, until the JIT's compilers took under "
                + (int) QUIET_COMPILERS_PERCENT + "% of the CPU of the service's process and of the harness's in a "
                + "round, at most " + LATENCY_WARMUP_MAX_ROUNDS + " rounds (the log lists each round's share); a job's "
                + "end-to-end time is `updatedAt` of its COMPLETED record minus `createdAt` (both written by the "
                + "service when it accepts and when it completes the job), minus the provider's 1 s. p50 and p99 "
                + "are over the jobs of a run; the figure is the median of the runs. The baseline is the exchange "
                + "alone: a bare OkHttp client set up as the service's adapter sets up its own (`BareExchange`) "
                + "makes each job's three calls at once, with the service's request bodies, at the same rate to the "
                + "same stand-in; its job ends with the last of the three answers. Its runs alternate with the "
                + "service's. The stand-in counts its calls but keeps none of them.");
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> bareP50 = new ArrayList<>();
        List<Double> bareP99 = new ArrayList<>();
        try (StubProcess stub = StubProcess.start("provider-stub-1s", Duration.ofSeconds(1), benchJar, logDir)) {
            latencyRuns(redis, serviceEnv(redis, stub.baseUrl()), stub.baseUrl(), p50, p99, bareP50, bareP99);
        }
        String bare = "bare OkHttp client, same stand-in";
        return List.of(
                Figure.against(4, "added latency p50 (1 s provider)", "ms", p50, bareP50, bare, Target.none()),
                Figure.against(
                        4, "added latency p99 (1 s provider)", "ms", p99, bareP99, bare, Target.atMost(10, "ms")));
    }

    private void latencyRuns(
            RedisServer redis,
            Map<String, String> env,
            String stubUrl,
            List<Double> p50,
            List<Double> p99,
            List<Double> bareP50,
            List<Double> bareP99) {
        env.put("CONTENT_IMAGEGEN_MAX_CONCURRENCY", "256");
        // the provider's square poster as it comes: the figure is what the queue and the worker add (with the
        // default `overlay`, 30 jobs a second overflow the local type-setter's queue and jobs fail)
        env.put("CONTENT_IMAGEGEN_TEXT", "provider");
        try (ServiceProcess service = service("service-latency", env);
                BareExchange exchange = new BareExchange(stubUrl, 256)) {
            latencyWarmUp(redis, service, exchange);
            for (int run = 0; run < runs; run++) {
                List<Double> added = latencyRound(redis, service, "l" + run + "-", LATENCY_JOBS, LATENCY_RATE);
                p50.add(Stats.percentile(added, 50));
                p99.add(Stats.percentile(added, 99));
                List<Double> bare = exchange.round(LATENCY_JOBS, LATENCY_RATE, 1000);
                bareP50.add(Stats.percentile(bare, 50));
                bareP99.add(Stats.percentile(bare, 99));
                log(String.format(
                        java.util.Locale.ROOT,
                        "added latency: p50 %.2f ms, p99 %.2f ms; the bare exchange: p50 %.2f ms, p99 %.2f ms",
                        p50.get(run),
                        p99.get(run),
                        bareP50.get(run),
                        bareP99.get(run)));
            }
        }
    }

    /**
     * Warms up the service and the bare exchange in rounds until the compilers of both processes are
     * (nearly) done, so that the timed runs measure compiled code, as in a service that has been up a while.
     */
    private void latencyWarmUp(RedisServer redis, ServiceProcess service, BareExchange exchange) {
        Map<String, String> pids = new LinkedHashMap<>();
        pids.put("service", Long.toString(service.child().pid()));
        pids.put("harness (the bare exchange)", "self");
        untilCompilersQuiet("latency", 1, LATENCY_WARMUP_MAX_ROUNDS, QUIET_COMPILERS_PERCENT, pids, n -> {
            latencyRound(redis, service, "lw" + n + "-", LATENCY_WARMUP_JOBS, LATENCY_WARMUP_RATE);
            exchange.round(LATENCY_WARMUP_JOBS, LATENCY_WARMUP_RATE, 1000);
            return LATENCY_WARMUP_JOBS + " jobs at " + LATENCY_WARMUP_RATE + "/s each side";
        });
    }

    /** Submits jobs at a steady rate, waits for all of them, returns each one's time beyond 1 s in ms. */
    private List<Double> latencyRound(RedisServer redis, ServiceProcess service, String prefix, int jobs, int rate) {
        List<String> drafts = Drafts.ids(prefix, jobs);
        Drafts.preload(redis.client(), drafts);
        List<CompletableFuture<String>> ids = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < jobs; i++) {
            Sleep.untilDue(start, i, rate);
            ids.add(api.generateAsync(service.baseUrl(), drafts.get(i)));
        }
        List<String> jobIds = ids.stream().map(CompletableFuture::join).toList();
        List<Api.JobRecord> records = awaitTerminal(redis, jobIds, Duration.ofSeconds(30));
        List<Double> added = new ArrayList<>();
        for (Api.JobRecord record : records) {
            if (!"COMPLETED".equals(record.status())) {
                throw new IllegalStateException("job " + record.jobId() + " ended " + record.status());
            }
            added.add((record.endToEndMicros() - 1_000_000L) / 1000.0);
        }
        return added;
    }

    private static List<Api.JobRecord> awaitTerminal(RedisServer redis, List<String> jobIds, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Api.JobRecord> records = Api.jobs(redis.client(), jobIds);
            boolean done =
                    records.stream().allMatch(r -> "COMPLETED".equals(r.status()) || "FAILED".equals(r.status()));
            if (done) {
                return records;
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException(
                        "jobs not finished within " + timeout + ": " + Api.statusCounts(redis.client(), jobIds));
            }
            Sleep.millis(100);
        }
    }

    // ---- item 5 --------------------------------------------------------------------------------------

    private List<Figure> memory(RedisServer redis, ProviderStub stub) {
        requireServiceJar();
        stub.delay(Duration.ofSeconds(20));
        method.add("5. A fresh service jar per run (`java -jar`, default JVM options) with "
                + "`CONTENT_WORKER_MAX_JOBS=" + MEMORY_JOBS + "` so that it holds every job, and the stand-in "
                + "provider taking 20 s per call (the provider concurrency is the service's default); "
                + String.format("%,d", MEMORY_JOBS) + " jobs are POSTed, and once none is PENDING any more (all "
                + "claimed and waiting on the provider) the resident set size `VmRSS` is read from "
                + "`/proc/<pid>/status`; then `jcmd <pid> GC.run` and `GC.heap_info` give the heap still in use (the "
                + "live set), to tell what the jobs need from what the JVM's default heap sizing keeps.");
        List<Double> rss = new ArrayList<>();
        List<Double> liveHeap = new ArrayList<>();
        try {
            for (int run = 0; run < runs; run++) {
                redis.flush();
                Map<String, String> env = serviceEnv(redis, stub);
                env.put("CONTENT_WORKER_MAX_JOBS", Integer.toString(MEMORY_JOBS));
                try (ServiceProcess service = service("service-memory", env)) {
                    List<String> drafts = Drafts.ids("m" + run + "-", MEMORY_JOBS);
                    Drafts.preload(redis.client(), drafts);
                    List<String> jobIds = api.generateAll(service.baseUrl(), drafts, 64);
                    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    Map<String, Long> counts = Api.statusCounts(redis.client(), jobIds);
                    while (counts.containsKey("PENDING") && System.nanoTime() < end) {
                        Sleep.millis(200);
                        counts = Api.statusCounts(redis.client(), jobIds);
                    }
                    if (counts.containsKey("PENDING")) {
                        throw new IllegalStateException("jobs still PENDING after 30 s: " + counts);
                    }
                    Sleep.millis(1000);
                    double mib = Proc.statusKilobytes(service.child().pid(), "VmRSS")
                                    .map(kb -> kb * 1024)
                                    .orElseThrow(() -> new IllegalStateException("no VmRSS"))
                            / (1024.0 * 1024.0);
                    rss.add(mib);
                    double heap = Jcmd.heapUsedAfterFullGc(service.child().pid()) / (1024.0 * 1024.0);
                    liveHeap.add(heap);
                    log(String.format(
                            java.util.Locale.ROOT,
                            "memory: %.0f MiB resident (peak %.0f MiB), %.0f MiB heap used after a full GC, with %s",
                            mib,
                            Proc.statusKilobytes(service.child().pid(), "VmHWM")
                                            .map(kb -> kb * 1024)
                                            .orElse(0L)
                                    / (1024.0 * 1024.0),
                            heap,
                            counts));
                }
            }
        } finally {
            stub.delay(Duration.ZERO);
            redis.flush();
        }
        return List.of(
                Figure.of(
                        5,
                        "resident memory, 5,000 jobs waiting on a 20 s provider",
                        "MiB",
                        rss,
                        Target.atMost(512, "MiB")),
                Figure.of(5, "of which Java heap in use after a full GC (live set)", "MiB", liveHeap, Target.none()));
    }

    // ---- item 6 --------------------------------------------------------------------------------------

    private List<Figure> scaling(RedisServer redis, ProviderStub stub) {
        requireServiceJar();
        redis.flush();
        stub.delay(Duration.ofMillis(200));
        method.add("6. Service jars on the same Redis with the stand-in provider taking 200 ms per call and "
                + "`CONTENT_WORKER_MAX_JOBS=" + SCALING_MAX_JOBS + "`, `CONTENT_IMAGEGEN_MAX_CONCURRENCY="
                + SCALING_MAX_CALLS + "` per instance (so an instance's capacity is its in-flight cap, as with a "
                + "real, slow provider, not this machine's 2 cores; `CONTENT_IMAGEGEN_TEXT=provider`, no local "
                + "type-setting); " + SCALING_JOBS + " jobs per run are POSTed "
                + "to the first instance; throughput is the completions between the 10th and the 90th percentile "
                + "of completion time (`updatedAt`) divided by that span. Three runs with one instance, then a "
                + "second instance starts and three runs with two.");
        Map<String, String> env = serviceEnv(redis, stub);
        env.put("CONTENT_WORKER_MAX_JOBS", Integer.toString(SCALING_MAX_JOBS));
        env.put("CONTENT_IMAGEGEN_MAX_CONCURRENCY", Integer.toString(SCALING_MAX_CALLS));
        // provider-bound jobs: with the default `overlay` every style is also type-set on this machine's 2 cores
        // (about 3.5 jobs/s for one instance here), which a second instance on the same cores cannot double
        env.put("CONTENT_IMAGEGEN_TEXT", "provider");
        List<Double> one = new ArrayList<>();
        List<Double> two = new ArrayList<>();
        try (ServiceProcess first = service("service-scaling-1", env)) {
            scalingRound(redis, first, "sw1-", 100);
            for (int run = 0; run < runs; run++) {
                one.add(scalingRound(redis, first, "s1-" + run + "-", SCALING_JOBS));
            }
            try (ServiceProcess second = service("service-scaling-2", env)) {
                scalingRound(redis, first, "sw2-", 100);
                for (int run = 0; run < runs; run++) {
                    two.add(scalingRound(redis, first, "s2-" + run + "-", SCALING_JOBS));
                }
            }
        } finally {
            stub.delay(Duration.ZERO);
        }
        return List.of(Figure.against(
                6,
                "worker throughput, two instances (200 ms provider)",
                "jobs/s",
                two,
                one,
                "one instance",
                Target.ratioAtLeast(1.8)));
    }

    private double scalingRound(RedisServer redis, ServiceProcess submitTo, String prefix, int jobs) {
        List<String> drafts = Drafts.ids(prefix, jobs);
        Drafts.preload(redis.client(), drafts);
        List<String> jobIds = api.generateAll(submitTo.baseUrl(), drafts, 64);
        List<Api.JobRecord> records = awaitTerminal(redis, jobIds, Duration.ofSeconds(90));
        List<Long> done = records.stream()
                .filter(r -> "COMPLETED".equals(r.status()))
                .map(Api.JobRecord::updatedMicros)
                .sorted()
                .toList();
        if (done.size() != jobs) {
            throw new IllegalStateException((jobs - done.size()) + " of " + jobs + " jobs did not complete");
        }
        int low = jobs / 10;
        int high = jobs * 9 / 10;
        double perSecond = (high - low) / ((done.get(high) - done.get(low)) / 1e6);
        log(String.format(java.util.Locale.ROOT, "scaling %s: %.1f jobs/s", prefix, perSecond));
        return perSecond;
    }

    // ---- item 7 --------------------------------------------------------------------------------------

    static final int ROUND_TRIP_JOBS = 100;

    private List<Figure> roundTrips() {
        method.add("7. `redis-cli MONITOR` on a redis-server of this item's own, " + ROUND_TRIP_JOBS + " jobs after "
                + "100 uncounted ones (which load the scripts and open the connections). Service: the real use case "
                + "(what POST generate does, without HTTP) and the real worker on the real Redis adapters in one "
                + "process, a generator that answers at once, images outside Redis as with an object store "
                + "(`bench.jar roundtrips`). BullMQ: `queue.add` and a worker (concurrency 256) whose processor "
                + "returns the three URLs at once, stored on the job by BullMQ as it completes it "
                + "(`bench/node/bullmq-roundtrips.mjs`, `bench.jar roundtrips-bullmq`). *Arriving*: the worker waits "
                + "and the jobs are submitted one after another, each submit awaited; *backlog*: every job is "
                + "submitted before the worker starts. A **round trip** is a command line MONITOR shows from a "
                + "client connection (`EVALSHA`, `GET`, `XREADGROUP`, `BZPOPMIN`…; a pipelined command counts as one "
                + "too, though it shares a round trip); **commands** add every command a script ran (MONITOR's "
                + "lines from `lua`), so an `EVALSHA` that runs eight commands counts nine. Everything either side "
                + "sends while its jobs run is counted, its periodic work (lease renewal, the look for expired "
                + "leases, stalled-job checks) included. The figure is the median of the runs.");
        List<Double> serviceArrivingTrips = new ArrayList<>();
        List<Double> bullmqArrivingTrips = new ArrayList<>();
        List<Double> serviceArrivingCommands = new ArrayList<>();
        List<Double> bullmqArrivingCommands = new ArrayList<>();
        List<Double> serviceBacklogTrips = new ArrayList<>();
        List<Double> bullmqBacklogTrips = new ArrayList<>();
        List<Double> serviceBacklogCommands = new ArrayList<>();
        List<Double> bullmqBacklogCommands = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            for (boolean serviceFirst : order(run)) {
                for (String mode : List.of("arriving", "backlog")) {
                    JsonNode count = roundTripRun(serviceFirst, mode);
                    boolean arriving = mode.equals("arriving");
                    (serviceFirst
                                    ? (arriving ? serviceArrivingTrips : serviceBacklogTrips)
                                    : (arriving ? bullmqArrivingTrips : bullmqBacklogTrips))
                            .add(count.get("roundTripsPerJob").asDouble());
                    (serviceFirst
                                    ? (arriving ? serviceArrivingCommands : serviceBacklogCommands)
                                    : (arriving ? bullmqArrivingCommands : bullmqBacklogCommands))
                            .add(count.get("commandsPerJob").asDouble());
                }
            }
        }
        return List.of(
                Figure.against(
                        7,
                        "Redis round trips per job, jobs arriving one by one (POST included)",
                        "round trips",
                        serviceArrivingTrips,
                        bullmqArrivingTrips,
                        "BullMQ",
                        Target.atMost(5, "")),
                Figure.against(
                        7,
                        "Redis commands per job incl. Lua, jobs arriving one by one",
                        "commands",
                        serviceArrivingCommands,
                        bullmqArrivingCommands,
                        "BullMQ",
                        Target.atMost(34, "")),
                Figure.against(
                        7,
                        "Redis round trips per job, all queued first",
                        "round trips",
                        serviceBacklogTrips,
                        bullmqBacklogTrips,
                        "BullMQ",
                        Target.none()),
                Figure.against(
                        7,
                        "Redis commands per job incl. Lua, all queued first",
                        "commands",
                        serviceBacklogCommands,
                        bullmqBacklogCommands,
                        "BullMQ",
                        Target.none()));
    }

    /** One count in a child process on a fresh redis-server of its own; its ROUNDTRIPS_JSON line. */
    private JsonNode roundTripRun(boolean service, String mode) {
        try (RedisServer own = RedisServer.start(logDir)) {
            ChildProcess child = ChildProcess.start(
                    service ? "roundtrips" : "roundtrips-bullmq",
                    javaCommand(
                            "-jar",
                            benchJar.toString(),
                            service ? "roundtrips" : "roundtrips-bullmq",
                            own.url(),
                            Integer.toString(ROUND_TRIP_JOBS),
                            mode),
                    Map.of(),
                    logDir);
            JsonNode count = childJson(child, "ROUNDTRIPS_JSON ", (service ? "service" : "BullMQ") + " " + mode);
            log(String.format(
                    java.util.Locale.ROOT,
                    "round trips, %s %s: %.2f round trips, %.2f commands per job: %s",
                    service ? "service" : "BullMQ",
                    mode,
                    count.get("roundTripsPerJob").asDouble(),
                    count.get("commandsPerJob").asDouble(),
                    count.get("perJob")));
            return count;
        }
    }

    // ---- item 8 --------------------------------------------------------------------------------------

    static final int WAITERS = 500;
    static final Duration WAITING_COUNT = Duration.ofSeconds(10);
    static final Duration WAITING_PROVIDER = Duration.ofSeconds(40);

    private List<Figure> waiting() {
        requireServiceJar();
        method.add("8. One service jar on a redis-server of this item's own with `CONTENT_WORKER_MAX_JOBS="
                + WAITERS + "` and `CONTENT_IMAGEGEN_MAX_CONCURRENCY=" + (3 * WAITERS) + "`, the stand-in "
                + "provider answering each call after " + WAITING_PROVIDER.toSeconds() + " s in a process of its "
                + "own (as in item 4: its 1,500 answers are not written by the process that times the "
                + "long-polls' answers); " + WAITERS
                + " jobs on " + WAITERS + " distinct drafts are POSTed (`CONTENT_IMAGEGEN_TEXT=provider`, so the "
                + "500 jobs finishing together do not queue on the local type-setter), and once all are PROCESSING "
                + "and all their provider calls in flight, one long-poll "
                + "per job is opened (`GET …/status?wait=30`, asked again while the job runs). After 1 s, the "
                + "Redis commands the service runs (scripts' commands included) are counted for "
                + WAITING_COUNT.toSeconds() + " s from `INFO commandstats` deltas (the harness's own two INFO "
                + "calls subtracted); the run is void unless every job is still running and every long-poll still "
                + "open at the end of the count. Then the provider's answers come and each job finishes; a "
                + "waiter's wake-up is the time its long-poll's answer arrives minus the job's COMPLETED "
                + "`updatedAt` (both wall clock, same machine).");
        List<Double> perSecond = new ArrayList<>();
        List<Double> wakeP50 = new ArrayList<>();
        List<Double> wakeP99 = new ArrayList<>();
        List<String> breakdowns = new ArrayList<>();
        try (RedisServer own = RedisServer.start(logDir);
                StubProcess stub = StubProcess.start("provider-stub-waiting", WAITING_PROVIDER, benchJar, logDir)) {
            Map<String, String> env = serviceEnv(own, stub.baseUrl());
            env.put("CONTENT_WORKER_MAX_JOBS", Integer.toString(WAITERS));
            env.put("CONTENT_IMAGEGEN_MAX_CONCURRENCY", Integer.toString(3 * WAITERS));
            env.put("CONTENT_IMAGEGEN_TEXT", "provider");
            try (ServiceProcess service = service("service-waiting", env)) {
                for (int run = 0; run < runs; run++) {
                    waitingRound(own, stub, service, "w" + run + "-", perSecond, wakeP50, wakeP99, breakdowns);
                }
            }
        }
        breakdowns.forEach(line -> log("waiting: commands per second by command: " + line));
        method.add("8. Commands per second by command, per run: " + String.join("; ", breakdowns) + ".");
        return List.of(
                Figure.of(
                        8,
                        "Redis commands per second, " + WAITERS + " long-polls on " + WAITERS + " running jobs",
                        "commands/s",
                        perSecond,
                        Target.atMost(100, "commands/s")),
                Figure.of(8, "wake-up after the job finishes, p50", "ms", wakeP50, Target.none()),
                Figure.of(8, "wake-up after the job finishes, p99", "ms", wakeP99, Target.atMost(100, "ms")));
    }

    private void waitingRound(
            RedisServer redis,
            StubProcess stub,
            ServiceProcess service,
            String prefix,
            List<Double> perSecond,
            List<Double> wakeP50,
            List<Double> wakeP99,
            List<String> breakdowns) {
        List<String> drafts = Drafts.ids(prefix, WAITERS);
        Drafts.preload(redis.client(), drafts);
        long receivedBefore = stub.received();
        long answeredBefore = stub.answered();
        long posted = System.nanoTime();
        List<String> jobIds = api.generateAll(service.baseUrl(), drafts, 64);
        // every provider call in flight first: a call's start costs Redis its budget reservation, not the waiting
        long providerCalls = 3L * WAITERS;
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<String, Long> counts = Api.statusCounts(redis.client(), jobIds);
        while ((!Long.valueOf(WAITERS).equals(counts.get("PROCESSING"))
                        || stub.received() - receivedBefore < providerCalls)
                && System.nanoTime() < end) {
            Sleep.millis(200);
            counts = Api.statusCounts(redis.client(), jobIds);
        }
        if (!Long.valueOf(WAITERS).equals(counts.get("PROCESSING"))
                || stub.received() - receivedBefore < providerCalls) {
            throw new IllegalStateException("after 60 s not every job was drawing: " + counts + ", "
                    + (stub.received() - receivedBefore) + " of " + providerCalls + " provider calls made");
        }
        log("waiting: every job PROCESSING and every provider call in flight "
                + (System.nanoTime() - posted) / 1_000_000 + " ms after the first POST (redis-server on port "
                + redis.port() + ")");
        List<CompletableFuture<Long>> answers = new ArrayList<>(WAITERS);
        for (String jobId : jobIds) {
            answers.add(api.awaitTerminal(service.baseUrl(), jobId));
        }
        Sleep.millis(1000);
        Map<String, Long> before = commandStats(redis);
        long countStart = System.nanoTime();
        Sleep.millis(WAITING_COUNT.toMillis());
        Map<String, Long> after = commandStats(redis);
        double seconds = (System.nanoTime() - countStart) / 1e9;
        long answered = answers.stream().filter(CompletableFuture::isDone).count();
        Map<String, Long> afterCount = Api.statusCounts(redis.client(), jobIds);
        if (answered > 0
                || stub.answered() != answeredBefore
                || !Long.valueOf(WAITERS).equals(afterCount.get("PROCESSING"))) {
            String firstError = answers.stream()
                    .filter(CompletableFuture::isCompletedExceptionally)
                    .findFirst()
                    .map(failed ->
                            failed.handle((ok, error) -> String.valueOf(error)).join())
                    .orElse("none");
            throw new IllegalStateException("the count is void: " + answered + " long-polls answered (first error: "
                    + firstError + "), "
                    + (stub.answered() - answeredBefore) + " provider calls answered, jobs " + afterCount
                    + " at its end (" + (System.nanoTime() - posted) / 1_000_000
                    + " ms after the first POST; the provider answers after " + WAITING_PROVIDER.toSeconds()
                    + " s)");
        }
        Map<String, Long> delta = new java.util.TreeMap<>();
        after.forEach((command, calls) -> {
            long d = calls - before.getOrDefault(command, 0L);
            if (command.equals("info")) {
                d -= 1; // the harness's first INFO (the second is counted after its snapshot)
            }
            if (d > 0) {
                delta.put(command, d);
            }
        });
        long total = delta.values().stream().mapToLong(Long::longValue).sum();
        perSecond.add(total / seconds);
        StringBuilder line = new StringBuilder(String.format(java.util.Locale.ROOT, "%.1f/s (", total / seconds));
        delta.forEach((command, d) -> line.append(command)
                .append(' ')
                .append(String.format(java.util.Locale.ROOT, "%.1f", d / seconds))
                .append(", "));
        line.setLength(line.length() - 2);
        line.append(')');
        breakdowns.add(line.toString());
        log("waiting: " + line);

        List<Long> arrived = answers.stream()
                .map(answer -> answer.orTimeout(60, java.util.concurrent.TimeUnit.SECONDS)
                        .join())
                .toList();
        List<Api.JobRecord> records = Api.jobs(redis.client(), jobIds);
        List<Double> wake = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Api.JobRecord record = records.get(i);
            if (!"COMPLETED".equals(record.status())) {
                throw new IllegalStateException("job " + record.jobId() + " ended " + record.status());
            }
            wake.add((arrived.get(i) - record.updatedMicros()) / 1000.0);
        }
        wakeP50.add(Stats.percentile(wake, 50));
        wakeP99.add(Stats.percentile(wake, 99));
        log(String.format(
                java.util.Locale.ROOT,
                "waiting: wake-up p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                Stats.percentile(wake, 50),
                Stats.percentile(wake, 99),
                Stats.percentile(wake, 100)));
    }

    /** {@code INFO commandstats}: calls per command (lower case), scripts' commands included. */
    private static Map<String, Long> commandStats(RedisServer redis) {
        Map<String, Long> calls = new java.util.TreeMap<>();
        for (String line : redis.client().info("commandstats").split("\r?\n")) {
            if (!line.startsWith("cmdstat_")) {
                continue;
            }
            int colon = line.indexOf(':');
            String command = line.substring("cmdstat_".length(), colon);
            for (String field : line.substring(colon + 1).split(",")) {
                if (field.startsWith("calls=")) {
                    calls.put(command, Long.parseLong(field.substring("calls=".length())));
                }
            }
        }
        return calls;
    }

    // ---- shared --------------------------------------------------------------------------------------

    private Map<String, String> serviceEnv(RedisServer redis, ProviderStub stub) {
        return serviceEnv(redis, stub.baseUrl());
    }

    /** The service jar in Redis mode on {@code redis}, drawing with the stand-in at {@code providerUrl}. */
    static Map<String, String> serviceEnv(RedisServer redis, String providerUrl) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CONTENT_REDIS_URL", redis.url());
        env.put("CONTENT_IMAGEGEN_URL", providerUrl);
        env.put("CONTENT_IMAGEGEN_API_KEY", "bench-not-a-key");
        return env;
    }

    private void requireServiceJar() {
        if (!Files.isRegularFile(serviceJar)) {
            throw new IllegalStateException("no service jar at " + repo.relativize(serviceJar)
                    + " (the bootstrap module does not build one yet)");
        }
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

    static void log(String line) {
        System.out.println("[bench] " + line);
        System.out.flush();
    }

    /** {@code java -jar content-service.jar} with {@code CONTENT_*} variables (the port is added). */
    private ServiceProcess service(String name, Map<String, String> env) {
        return ServiceProcess.java(name, List.of("-jar", serviceJar.toString()), env, logDir);
    }

    /** The baseline app from this jar. */
    private ServiceProcess baseline(int redisPort) {
        int port = Ports.free();
        return ServiceProcess.start(
                "baseline",
                javaCommand(
                        "-jar", benchJar.toString(), "baseline", Integer.toString(port), Integer.toString(redisPort)),
                Map.of(),
                port,
                logDir);
    }

    static List<String> javaCommand(String... args) {
        List<String> command = new ArrayList<>();
        command.add(ServiceProcess.javaExecutable());
        command.addAll(List.of(args));
        return command;
    }
}
