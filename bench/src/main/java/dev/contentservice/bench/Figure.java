package dev.contentservice.bench;

import java.util.List;
import java.util.Optional;

/**
 * One line of the report: the runs of the service (and of its baseline, when it has one), their medians,
 * the ratio of the medians and the target.
 *
 * @param item the item number (1–6)
 * @param name what is measured, for example "status poll throughput"
 * @param unit for example "req/s" or "ms"
 * @param runs the service's figure in each run
 * @param baselineRuns the baseline's figure in each run (empty when there is no baseline)
 * @param baselineName what the baseline is, for example "Javalin + 1 Jedis call"
 * @param target the target, or none for a figure reported for information
 * @param missing why the figure could not be measured (then the runs are empty)
 */
record Figure(
        int item,
        String name,
        String unit,
        List<Double> runs,
        List<Double> baselineRuns,
        String baselineName,
        Target target,
        Optional<String> missing) {

    Figure {
        runs = List.copyOf(runs);
        baselineRuns = List.copyOf(baselineRuns);
        if (missing.isEmpty() && runs.isEmpty()) {
            throw new IllegalArgumentException("runs must not be empty for a measured figure: " + name);
        }
    }

    static Figure of(int item, String name, String unit, List<Double> runs, Target target) {
        return new Figure(item, name, unit, runs, List.of(), "", target, Optional.empty());
    }

    static Figure against(
            int item,
            String name,
            String unit,
            List<Double> runs,
            List<Double> baselineRuns,
            String baselineName,
            Target target) {
        return new Figure(item, name, unit, runs, baselineRuns, baselineName, target, Optional.empty());
    }

    static Figure notMeasured(int item, String name, String unit, Target target, String why) {
        return new Figure(item, name, unit, List.of(), List.of(), "", target, Optional.of(why));
    }

    double median() {
        return Stats.median(runs);
    }

    Optional<Double> baselineMedian() {
        return baselineRuns.isEmpty() ? Optional.empty() : Optional.of(Stats.median(baselineRuns));
    }

    /** The service's median over the baseline's median. */
    Optional<Double> ratio() {
        return missing.isPresent() ? Optional.empty() : baselineMedian().map(base -> median() / base);
    }

    /** Whether the target is met; empty when there is no target or nothing was measured. */
    Optional<Boolean> met() {
        if (missing.isPresent()) {
            return Optional.empty();
        }
        return switch (target.kind()) {
            case NONE -> Optional.empty();
            case RATIO_AT_LEAST -> ratio().map(ratio -> ratio >= target.bound());
            case AT_MOST -> Optional.of(median() <= target.bound());
        };
    }

    /** A target: none, the ratio at least a bound, or the figure at most a bound (in its unit). */
    record Target(Kind kind, double bound, String text) {
        enum Kind {
            NONE,
            RATIO_AT_LEAST,
            AT_MOST
        }

        static Target none() {
            return new Target(Kind.NONE, 0, "—");
        }

        static Target ratioAtLeast(double bound) {
            return new Target(Kind.RATIO_AT_LEAST, bound, "ratio ≥ " + bound);
        }

        static Target atMost(double bound, String unit) {
            return new Target(Kind.AT_MOST, bound, "≤ " + Report.number(bound) + " " + unit);
        }
    }
}
