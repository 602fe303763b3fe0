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

    default void jobCreated() {}

    default void jobCompleted(Duration took) {}

    default void jobFailed(String code, Duration took) {}

    default void styleFinished(ImageStyle style, boolean succeeded, Duration took) {}
}
