package dev.contentservice.bootstrap.browser;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, both from /usr/bin: nothing is downloaded
 * (with the driver's path set, Selenium Manager is never asked). Where they are missing the tests are
 * skipped, unless {@code CONTENT_REQUIRE_BROWSER=true} (CI) makes that a failure.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final int DESKTOP_WIDTH = 1280;
    static final int DESKTOP_HEIGHT = 1400;
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Path TARGET = Path.of(System.getProperty("basedir", "."), "target");
    static final Path SCREENSHOTS = TARGET.resolve("screenshots");

    private final ChromeDriver driver;
    private final Path profile;
    private final String origin;

    private Browser(ChromeDriver driver, Path profile, String origin) {
        this.driver = driver;
        this.profile = profile;
        this.origin = origin;
    }

    /** Skips (or, with {@code CONTENT_REQUIRE_BROWSER=true}, fails) the calling test class without Chromium. */
    static void assumeInstalled() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String message = "The browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                + ": apt-get install chromium chromium-driver";
        if ("true".equalsIgnoreCase(System.getenv("CONTENT_REQUIRE_BROWSER"))) {
            fail(message + " (CONTENT_REQUIRE_BROWSER=true: they must run here)");
        }
        assumeTrue(false, message);
    }

    /** Starts a headless Chromium whose pages are expected to talk only to {@code origin}. */
    static Browser start(String origin) {
        assumeInstalled();
        try {
            Files.createDirectories(SCREENSHOTS);
            Path profile = Files.createTempDirectory("content-browser-profile-");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .withLogFile(TARGET.resolve("chromedriver.log").toFile())
                    .build();
            LoggingPreferences logging = new LoggingPreferences();
            logging.enable(LogType.BROWSER, Level.ALL);
            ChromeOptions options = new ChromeOptions()
                    .setBinary(CHROMIUM.toFile())
                    .addArguments(
                            "--headless=new",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-dev-shm-usage",
                            "--disable-quic",
                            "--no-first-run",
                            "--no-default-browser-check",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--disable-extensions",
                            "--lang=ko-KR",
                            "--window-size=" + DESKTOP_WIDTH + "," + DESKTOP_HEIGHT,
                            "--user-data-dir=" + profile);
            options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
            return new Browser(new ChromeDriver(service, options), profile, origin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** Loads a page of the service, on the desktop viewport unless {@link #emulatePhone} follows. */
    void open(String path) {
        driver.get(origin + path);
    }

    WebElement find(String cssSelector) {
        return driver.findElement(By.cssSelector(cssSelector));
    }

    List<WebElement> findAll(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector));
    }

    <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE, Duration.ofMillis(100)).until(condition);
    }

    Object script(String javaScript, Object... arguments) {
        return driver.executeScript(javaScript, arguments);
    }

    Map<String, Object> cdp(String command, Map<String, Object> parameters) {
        return driver.executeCdpCommand(command, parameters);
    }

    /** A phone's viewport (390×844 CSS pixels, a mobile viewport that honours the page's meta viewport). */
    void emulatePhone() {
        cdp(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
    }

    void emulateDesktop() {
        cdp("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** Runs {@code javaScript} in every page loaded from now on, before the page's own scripts; returns its id. */
    String addScriptBeforePages(String javaScript) {
        return (String) cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", javaScript))
                .get("identifier");
    }

    void removeScriptBeforePages(String identifier) {
        cdp("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", identifier));
    }

    /** Saves the whole page (not just the viewport) as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        @SuppressWarnings("unchecked")
        Map<String, Object> size =
                (Map<String, Object>) cdp("Page.getLayoutMetrics", Map.of()).get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = ((Number) size.get("height")).doubleValue();
        String png = (String) cdp(
                        "Page.captureScreenshot",
                        Map.of(
                                "format",
                                "png",
                                "captureBeyondViewport",
                                true,
                                "clip",
                                Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)))
                .get("data");
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.write(file, Base64.getDecoder().decode(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The console's entries since the last call (reading them empties the browser's buffer). */
    List<LogEntry> takeConsoleEntries() {
        return new ArrayList<>(driver.manage().logs().get(LogType.BROWSER).getAll());
    }

    /** Every URL the current page fetched: the page itself and each resource (scripts, styles, API calls, images). */
    @SuppressWarnings("unchecked")
    List<String> requestedUrls() {
        return (List<String>) script("return performance.getEntries()"
                + ".filter(e => e.entryType === 'navigation' || e.entryType === 'resource')"
                + ".map(e => e.name);");
    }

    String origin() {
        return origin;
    }

    static String originOf(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException | UncheckedIOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
