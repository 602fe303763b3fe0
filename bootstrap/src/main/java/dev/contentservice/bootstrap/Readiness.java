package dev.contentservice.bootstrap;

import java.util.List;

/** The components {@code /health/ready} names in every configuration: each store and the queue. */
final class Readiness {
    static final List<String> COMPONENTS = List.of("jobs", "queue", "imageSets", "images", "recommendations");

    private Readiness() {}
}
