package dev.contentservice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads /proc. */
final class Proc {
    private Proc() {}

    /** A {@code kB} line of {@code /proc/<pid>/status}, for example {@code VmRSS}. */
    static Optional<Long> statusKilobytes(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    String value = line.substring(field.length() + 1).trim();
                    return Optional.of(Long.parseLong(value.split("\\s+")[0]));
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A clock tick of /proc's CPU times (USER_HZ, 100 on Linux), in milliseconds. */
    static final double MILLIS_PER_TICK = 10;

    /**
     * The CPU time (user and system, in clock ticks of 10 ms) of the threads of process {@code pid} ({@code
     * "self"} or a number) whose name ({@code /proc/<pid>/task/<tid>/comm}) starts with {@code prefix} ("" counts
     * all). Threads that ended are not counted; empty when /proc cannot be read.
     */
    static Optional<Long> threadTicks(String pid, String prefix) {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc", pid, "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    if (!Files.readString(task.resolve("comm")).startsWith(prefix)) {
                        continue;
                    }
                    String stat = Files.readString(task.resolve("stat"));
                    String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(after[11]) + Long.parseLong(after[12]); // utime, stime
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
            return Optional.of(ticks);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The first line of a /proc file whose key matches, for example {@code model name} of cpuinfo. */
    static Optional<String> field(String file, String key) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                    return Optional.of(line.substring(colon + 1).trim());
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A process's CPU time and its JIT compilers' part of it at one moment, in clock ticks of 10 ms. */
    record CompilerCpu(long all, long compilers) {
        /** Now, for the process {@code pid} ({@code "self"} or a number); zeros where /proc cannot be read. */
        static CompilerCpu of(String pid) {
            return new CompilerCpu(
                    threadTicks(pid, "").orElse(0L),
                    threadTicks(pid, "C1 CompilerThre").orElse(0L)
                            + threadTicks(pid, "C2 CompilerThre").orElse(0L));
        }

        /** What the compilers took of the process's CPU since {@code before}, in percent. */
        double percentSince(CompilerCpu before) {
            long cpu = all - before.all;
            return cpu <= 0 ? 0 : 100.0 * (compilers - before.compilers) / cpu;
        }
    }
}
