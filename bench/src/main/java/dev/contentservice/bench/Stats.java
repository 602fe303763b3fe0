package dev.contentservice.bench;

import java.util.Arrays;
import java.util.Collection;

/** The statistics every figure of the report is made of: medians of runs and percentiles of samples. */
final class Stats {
    private Stats() {}

    /** The median; for an even count, the mean of the two middle values. */
    static double median(Collection<? extends Number> values) {
        double[] sorted = sorted(values);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * The nearest-rank percentile: the smallest sample such that at least {@code p} percent of the samples
     * are less than or equal to it (so p99 of 100 samples is the 99th smallest, p100 the largest).
     */
    static double percentile(Collection<? extends Number> values, double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("p must be in (0, 100], was " + p);
        }
        double[] sorted = sorted(values);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(1, rank) - 1];
    }

    private static double[] sorted(Collection<? extends Number> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("values must not be empty");
        }
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }
}
