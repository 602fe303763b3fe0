package dev.contentservice.bootstrap;

import com.google.inject.Module;
import java.util.ArrayList;
import java.util.List;

/** Chooses the Guice modules for a configuration: one module per adapter choice, selected explicitly. */
final class ContentModules {
    private ContentModules() {}

    static List<Module> forConfig(ContentConfig config) {
        List<Module> modules = new ArrayList<>();
        modules.add(new CoreModule(config));
        modules.add(new ApplicationModule(config));
        modules.add(new WebhookModule(config));
        modules.add(config.redisUrl().isPresent() ? new RedisStoresModule(config) : new InMemoryStoresModule(config));
        modules.add(ImageStoreModules.forConfig(config));
        ImageGenConfig imagegen = config.imageGen();
        modules.add(imagegen.enabled() ? new HttpImageGenModule(config, imagegen) : new LocalRendererModule());
        return modules;
    }
}
