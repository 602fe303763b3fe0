package dev.contentservice.application;

import dev.contentservice.domain.ImageStyle;
import java.time.Duration;

/**
 * What the use cases and the worker report for metrics. Bootstrap binds it to Micrometer; the
 * application itself knows no metrics library.
 */
public interface JobMetrics {
    /** Reports nothing. */
    JobMetrics NONE = new JobMetrics() {};

    /** Reports to both, {@code first} first. */
    static JobMetrics both(JobMetrics first, JobMetrics second) {
        java.util.Objects.requireNonNull(first, "first");
        java.util.Objects.requireNonNull(second, "second");
        return new JobMetrics() {
            @Override
            public void jobCreated() {
                first.jobCreated();
                second.jobCreated();
            }

            @Override
            public void jobCompleted(Duration took) {
                first.jobCompleted(took);
                second.jobCompleted(took);
            }

            @Override
            public void editCompleted(Duration took) {
                first.editCompleted(took);
                second.editCompleted(took);
            }

            @Override
            public void jobFailed(String code, Duration took) {
                first.jobFailed(code, took);
                second.jobFailed(code, took);
            }

            @Override
            public void styleFinished(ImageStyle style, boolean succeeded, Duration took) {
                first.styleFinished(style, succeeded, took);
                second.styleFinished(style, succeeded, took);
            }
        };
    }

    default void jobCreated() {}

    /** A generation ({@code IMAGE_GEN}) completed: its duration feeds the histogram and the Retry-After estimate. */
    default void jobCompleted(Duration took) {}

    /**
     * An owner's edit ({@code IMAGE_EDIT}) completed. Kept apart from {@link #jobCompleted}: an edit takes a
     * fraction of a second and would pull the generations' durations (and their {@code Retry-After}) down.
     */
    default void editCompleted(Duration took) {}

    default void jobFailed(String code, Duration took) {}

    default void styleFinished(ImageStyle style, boolean succeeded, Duration took) {}
}
