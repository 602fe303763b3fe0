package dev.contentservice.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.contentservice.adapter.render.LocalImageRenderer;
import dev.contentservice.application.ComposePosters;
import dev.contentservice.application.TextMode;
import dev.contentservice.bootstrap.ContentConfig;
import dev.contentservice.bootstrap.ContentService;
import dev.contentservice.domain.ImageGenerator;
import dev.contentservice.domain.ImageLinks;
import dev.contentservice.domain.ImageStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.logging.Level;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.logging.LogEntry;

/**
 * What every browser test class shares, registered as a static {@code @RegisterExtension} field: the real
 * service on the embedded default (with a {@link ScriptedImageGenerator} as its AI provider) and one headless
 * Chromium for the class; before each test a plain provider, the desktop viewport and an empty console;
 * after each test a screenshot named after the test in {@code target/screenshots/}, and the checks that
 * the page asked nothing of another origin and logged no console error the test did not expect.
 *
 * <p>The provider draws each style's art and the service sets the Korean type over it in every format
 * asked for ({@link TextMode#OVERLAY}), as the service does with a real AI provider: the page sees real
 * {@code formats} and real edits of the kept art.
 */
final class PageUnderTest implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private ScriptedImageGenerator generator;
    private ExecutorService composerIo;
    private ContentService service;
    private Browser browser;
    private Predicate<String> expectedConsoleErrors = message -> false;

    @Override
    public void beforeAll(ExtensionContext context) {
        Browser.assumeInstalled();
        generator = new ScriptedImageGenerator();
        composerIo = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "browser-test-compose-io");
            thread.setDaemon(true);
            return thread;
        });
        service = ContentService.start(ContentConfig.embedded(), new ScriptedProvider(generator, composerIo));
        browser = Browser.start(service.baseUrl());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            try {
                if (service != null) {
                    service.close();
                }
            } finally {
                if (composerIo != null) {
                    composerIo.shutdownNow();
                }
                if (generator != null) {
                    generator.close();
                }
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        expectedConsoleErrors = message -> false;
        generator.reset();
        browser.emulateDesktop();
        browser.takeConsoleEntries();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        browser.screenshot(context.getRequiredTestMethod().getName());

        assertThat(browser.requestedUrls())
                .as("every request the page made")
                .isNotEmpty()
                .allSatisfy(url -> assertThat(Browser.originOf(url)).isEqualTo(browser.origin()));
        List<String> severe = browser.takeConsoleEntries().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(expectedConsoleErrors.negate())
                .toList();
        assertThat(severe).as("console errors").isEmpty();
    }

    Browser browser() {
        return browser;
    }

    ScriptedImageGenerator generator() {
        return generator;
    }

    ContentService service() {
        return service;
    }

    /** Console errors the current test provokes on purpose (a 404 it asks for, say); reset before each test. */
    void expectConsoleErrors(Predicate<String> expected) {
        expectedConsoleErrors = expected;
    }

    /** The scripted generator as the AI provider that draws the art, the local renderer setting the type. */
    private static final class ScriptedProvider extends AbstractModule {
        private final ScriptedImageGenerator generator;
        private final ExecutorService io;

        ScriptedProvider(ScriptedImageGenerator generator, ExecutorService io) {
            this.generator = generator;
            this.io = io;
        }

        @Override
        protected void configure() {
            bind(ImageGenerator.class).toInstance(generator);
        }

        @Provides
        @Singleton
        ComposePosters composePosters(LocalImageRenderer renderer, ImageStore imageStore, ImageLinks links) {
            return new ComposePosters(Optional.of(generator), false, TextMode.OVERLAY, renderer, imageStore, links, io);
        }
    }
}
