package dev.contentservice.bench;

import dev.contentservice.testfixtures.ProviderStub;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The harness's entry point ({@code bench/target/bench.jar}, run by {@code bench/run.sh}).
 *
 * <ul>
 *   <li>{@code run [--runs N] [--only 1,3] [--wrk-threads T] [--wrk-connections C] [--out FILE]
 *       [--provisional TEXT]}: every benchmark from the repository root (the working directory), then
 *       writes the report (default {@code docs/benchmarks.md});
 *   <li>{@code baseline <port> <redisPort>}: the baseline app;
 *   <li>{@code worker <redisUrl> <jobs> <warmupJobs>}: the service's side of the worker benchmark;
 *   <li>{@code roundtrips <redisUrl> <jobs> [arriving|backlog]}: Redis commands per job, counted with MONITOR;
 *   <li>{@code roundtrips-bullmq <redisUrl> <jobs> [arriving|backlog]}: the same count for BullMQ;
 *   <li>{@code stub <delayMillis>}: the stand-in provider in a process of its own, answering after the delay;
 *       prints {@code STUB_URL <base url>} once it listens.
 * </ul>
 */
public final class Bench {
    private Bench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            return;
        }
        switch (args[0]) {
            case "run" -> run(Arrays.copyOfRange(args, 1, args.length));
            case "baseline" -> BaselineApp.main(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "worker" -> {
                WorkerThroughput.main(
                        args[1],
                        Integer.parseInt(args[2]),
                        Integer.parseInt(args[3]),
                        args.length <= 4 || !"outside".equals(args[4]));
                System.exit(0);
            }
            case "roundtrips" -> {
                RoundTrips.main(args[1], Integer.parseInt(args[2]), args.length > 3 ? args[3] : "arriving");
                System.exit(0);
            }
            case "roundtrips-bullmq" -> {
                RoundTrips.bullmq(
                        args[1],
                        Integer.parseInt(args[2]),
                        args.length > 3 ? args[3] : "arriving",
                        Path.of("bench/node").toAbsolutePath());
                System.exit(0);
            }
            case "roundtrips-service" -> {
                ServiceJarRoundTrips.main(Integer.parseInt(args[1]), args.length > 2 ? args[2] : "paced");
                System.exit(0);
            }
            case "stub" -> {
                ProviderStub stub = ProviderStub.startCounting(Duration.ofMillis(Long.parseLong(args[1])));
                System.out.println(StubProcess.URL_LINE + stub.baseUrl());
                System.out.flush();
                Thread.currentThread().join(); // until the harness stops it
            }
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: bench.jar run [--runs N] [--only 1,2,...] [--wrk-threads T] "
                + "[--wrk-connections C] [--out docs/benchmarks.md] [--provisional TEXT]\n"
                + "       bench.jar baseline <port> <redisPort>\n"
                + "       bench.jar worker <redisUrl> <jobs> <warmupJobs>\n"
                + "       bench.jar roundtrips <redisUrl> <jobs> [arriving|backlog]\n"
                + "       bench.jar roundtrips-bullmq <redisUrl> <jobs> [arriving|backlog] (from the repository root)\n"
                + "       bench.jar roundtrips-service <jobs> [paced|burst] (from the repository root, after the build)\n"
                + "       bench.jar stub <delayMillis>");
        System.exit(2);
    }

    private static void run(String[] args) throws IOException {
        Path repo = Path.of("").toAbsolutePath();
        int runs = 3;
        Set<Integer> only = new LinkedHashSet<>();
        int wrkThreads = 2;
        int wrkConnections = 32;
        Path out = repo.resolve("docs/benchmarks.md");
        Optional<String> provisional = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--runs" -> runs = Math.max(3, Integer.parseInt(value));
                case "--only" ->
                    Arrays.stream(value.split(","))
                            .map(String::trim)
                            .map(Integer::parseInt)
                            .forEach(only::add);
                case "--wrk-threads" -> wrkThreads = Integer.parseInt(value);
                case "--wrk-connections" -> wrkConnections = Integer.parseInt(value);
                case "--out" -> out = repo.resolve(value);
                case "--provisional" -> provisional = Optional.of(value);
                default -> {
                    System.err.println("unknown option " + args[i]);
                    usage();
                }
            }
            i++;
        }
        Instant start = Instant.now();
        Machine machine = Machine.describe(repo.resolve("bench/node"));
        Benchmarks benchmarks = new Benchmarks(repo, runs, only, wrkThreads, wrkConnections);
        List<Figure> figures = benchmarks.runAll();
        Duration took = Duration.between(start, Instant.now());
        Path findingsFile = repo.resolve("bench/FINDINGS.md");
        Optional<String> findings = Files.isRegularFile(findingsFile)
                ? Optional.of(Files.readString(findingsFile, StandardCharsets.UTF_8))
                : Optional.empty();
        String report = Report.render(
                machine, start, took, figures, benchmarks.method(), benchmarks.loads(), findings, provisional);
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        Benchmarks.log("wrote " + repo.relativize(out) + " in " + took.toSeconds() + " s");
        System.out.println(report);
        System.exit(0);
    }
}
