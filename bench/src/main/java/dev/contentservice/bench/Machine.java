package dev.contentservice.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** What the figures were measured on. */
record Machine(
        String cpu,
        int cores,
        long memoryMib,
        String os,
        String kernel,
        String java,
        String redis,
        String wrk,
        String node,
        String bullmq,
        String loadAverage) {

    static Machine describe(Path nodeDir) {
        return new Machine(
                Proc.field("/proc/cpuinfo", "model name").orElse("unknown"),
                Runtime.getRuntime().availableProcessors(),
                Proc.field("/proc/meminfo", "MemTotal")
                        .map(value -> Long.parseLong(value.split("\\s+")[0]) / 1024)
                        .orElse(0L),
                osRelease(),
                firstLine(Path.of("/proc/sys/kernel/osrelease")).orElse("unknown"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                output(List.of("redis-server", "--version")).orElse("unknown"),
                output(List.of("wrk", "-v")).map(line -> line.split(" \\[")[0]).orElse("unknown"),
                output(List.of("node", "--version")).orElse("unknown"),
                bullmqVersion(nodeDir),
                firstLine(Path.of("/proc/loadavg")).orElse("unknown"));
    }

    /** The load average over 1, 5 and 15 minutes now, as {@code uptime} shows it. */
    static String loadAverageNow() {
        return firstLine(Path.of("/proc/loadavg"))
                .map(line -> String.join(" ", List.of(line.split("\\s+")).subList(0, 3)))
                .orElse("unknown");
    }

    private static String osRelease() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith("PRETTY_NAME=")) {
                    return line.substring("PRETTY_NAME=".length()).replace("\"", "");
                }
            }
        } catch (IOException e) {
            // unknown below
        }
        return "unknown";
    }

    private static String bullmqVersion(Path nodeDir) {
        try {
            String json = Files.readString(nodeDir.resolve("node_modules/bullmq/package.json"));
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
            return "bullmq " + node.get("version").asText() + ", ioredis "
                    + new com.fasterxml.jackson.databind.ObjectMapper()
                            .readTree(Files.readString(nodeDir.resolve("node_modules/ioredis/package.json")))
                            .get("version")
                            .asText();
        } catch (IOException | RuntimeException e) {
            return "not installed";
        }
    }

    private static Optional<String> firstLine(Path file) {
        try {
            return Files.readAllLines(file).stream().findFirst().map(String::trim);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The first line a short command prints (bounded to 10 s). */
    static Optional<String> output(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readNBytes(4096);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return new String(out, StandardCharsets.UTF_8).lines().findFirst().map(String::trim);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
