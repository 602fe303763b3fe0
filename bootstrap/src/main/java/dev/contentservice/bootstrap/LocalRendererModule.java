package dev.contentservice.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.contentservice.adapter.render.LocalImageRenderer;
import dev.contentservice.domain.ImageGenerator;

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
}
