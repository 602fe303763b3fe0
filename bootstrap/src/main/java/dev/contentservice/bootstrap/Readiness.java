package dev.contentservice.bootstrap;

import java.util.List;

/**
 * The components {@code /health/ready} names in every configuration: each store and the queue, from the
 * store modules; the image store ({@code images}) is named by its own module ({@link ImageStoreModules}).
 */
final class Readiness {
    static final List<String> COMPONENTS = List.of("jobs", "queue", "imageSets", "recommendations");

    private Readiness() {}
}
