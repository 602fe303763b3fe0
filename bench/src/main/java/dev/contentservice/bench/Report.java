package dev.contentservice.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Writes {@code docs/benchmarks.md}: machine, date, the table, the runs, the method, the findings, how to rerun. */
final class Report {
    private Report() {}

    static String render(
            Machine machine,
            Instant date,
            Duration took,
            List<Figure> figures,
            List<String> method,
            List<String> loads,
            Optional<String> findings,
            Optional<String> provisional) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Written by `bench/run.sh` (issue 7); do not edit by hand, rerun it.\n\n");
        provisional.ifPresent(
                note -> md.append("> **Provisional figures.** ").append(note).append("\n\n"));

        md.append("## Machine\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "date", date.truncatedTo(ChronoUnit.SECONDS).toString());
        row(md, "CPU", machine.cpu() + ", " + machine.cores() + " cores");
        row(md, "memory", machine.memoryMib() + " MiB");
        row(md, "OS", machine.os() + ", kernel " + machine.kernel());
        row(md, "Java", machine.java());
        row(md, "Redis", machine.redis());
        row(md, "load generator", machine.wrk());
        row(md, "Node / BullMQ", machine.node() + ", " + machine.bullmq());
        row(md, "load average at start", machine.loadAverage());
        row(md, "whole run took", took.toSeconds() + " s");
        md.append('\n');

        md.append("## Results\n\n");
        md.append("Each figure is the median of the runs listed below the table; the ratio is the service's median "
                + "over the baseline's median.\n\n");
        md.append("| # | figure | service | baseline | ratio | target | result |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (Figure figure : figures) {
            md.append("| ")
                    .append(figure.item())
                    .append(" | ")
                    .append(figure.name())
                    .append(" | ");
            if (figure.missing().isPresent()) {
                md.append("not measured | | | ")
                        .append(figure.target().text())
                        .append(" | not measured: ")
                        .append(figure.missing().get())
                        .append(" |\n");
                continue;
            }
            md.append(number(figure.median())).append(' ').append(figure.unit()).append(" | ");
            md.append(figure.baselineMedian()
                            .map(base -> number(base) + " " + figure.unit() + " (" + figure.baselineName() + ")")
                            .orElse("—"))
                    .append(" | ");
            md.append(figure.ratio()
                            .map(ratio -> String.format(Locale.ROOT, "%.2f×", ratio))
                            .orElse("—"))
                    .append(" | ");
            md.append(figure.target().text()).append(" | ");
            md.append(figure.met().map(met -> met ? "pass" : "**miss**").orElse("—"));
            md.append(" |\n");
        }
        md.append('\n');

        md.append("### Runs\n\n");
        for (Figure figure : figures) {
            if (figure.missing().isPresent()) {
                continue;
            }
            md.append("- ")
                    .append(figure.item())
                    .append(". ")
                    .append(figure.name())
                    .append(": service ");
            md.append(list(figure.runs()));
            if (!figure.baselineRuns().isEmpty()) {
                md.append("; ").append(figure.baselineName()).append(' ').append(list(figure.baselineRuns()));
            }
            md.append(" (").append(figure.unit()).append(")\n");
        }
        md.append('\n');

        md.append("### Load average during each item\n\n");
        md.append("The machine is shared (other builds may run during the bench); each ratio is measured against "
                + "its baseline in the same item, so load weighs on both sides.\n\n");
        for (String line : loads) {
            md.append("- ").append(line).append('\n');
        }
        md.append('\n');

        md.append("## How each figure is measured\n\n");
        for (String line : method) {
            md.append("- ").append(line).append('\n');
        }
        md.append('\n');

        findings.ifPresent(text -> md.append("## Findings: what limits the missed targets\n\n")
                .append(text.strip())
                .append("\n\n"));

        md.append("## How to rerun\n\n");
        md.append("On a quiet machine (nothing else building), from the repository root:\n\n");
        md.append("```\nbench/run.sh\n```\n\n");
        md.append("It installs what is missing (`redis-server` and `wrk` from Debian, BullMQ and ioredis from npm "
                + "into `bench/node`), builds the service jar and the harness with "
                + "`mvn -B -q -DskipTests -DbenchJar package`, starts its own redis-server and stand-in image "
                + "provider on 127.0.0.1, runs every benchmark and rewrites this file. It takes about "
                + "24 minutes on 2 cores. `mvn verify` never runs a benchmark.\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String key, String value) {
        md.append("| ")
                .append(key)
                .append(" | ")
                .append(value.replace("|", "\\|"))
                .append(" |\n");
    }

    private static String list(List<Double> values) {
        return values.stream().map(Report::number).collect(Collectors.joining(", "));
    }

    /** Three significant digits at least, no exponent: 12345, 123, 12.3, 1.23, 0.123. */
    static String number(double value) {
        double abs = Math.abs(value);
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (abs >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
