package dev.contentservice.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.contentservice.adapter.render.LocalImageRenderer;
import dev.contentservice.application.ComposePosters;
import dev.contentservice.application.TextMode;
import dev.contentservice.domain.ImageGenerator;
import dev.contentservice.domain.ImageLinks;
import dev.contentservice.domain.ImageStore;
import java.util.Optional;

/** No CONTENT_IMAGEGEN_URL: the built-in renderer draws the three images itself, with no network. */
final class LocalRendererModule extends AbstractModule {

    @Provides
    @Singleton
    LocalImageRenderer renderer() {
        return new LocalImageRenderer();
    }

    @Provides
    @Singleton
    ImageGenerator imageGenerator(LocalImageRenderer renderer) {
        return renderer;
    }

    /**
     * No provider: the renderer draws every format on its own background. An {@link ImageGenerator} bound
     * over this module's (an embedding's or a test's override) draws the whole square poster instead, as
     * before issue 13 ({@link TextMode#PROVIDER}).
     */
    @Provides
    @Singleton
    ComposePosters composePosters(
            ImageGenerator bound, LocalImageRenderer renderer, ImageStore imageStore, ImageLinks links) {
        boolean own = bound == renderer;
        return new ComposePosters(
                own ? Optional.empty() : Optional.of(bound),
                false,
                own ? TextMode.OVERLAY : TextMode.PROVIDER,
                renderer,
                imageStore,
                links,
                HttpImageGenModule.composerThreads());
    }
}
