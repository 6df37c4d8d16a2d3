package org.sahaya.server.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real, headless Chromium for the browser tests (crew app, console, family status page), driven by
 * Selenium through Debian's {@code chromedriver}: no browser or driver is downloaded, and Selenium
 * Manager is never asked. Each instance has its own fresh profile in a temporary directory, removed
 * on {@link #close}. A machine without {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver}
 * fails the test that asks for one, saying what to install: the browser profile never passes by
 * skipping.
 *
 * <p>Geolocation is emulated through the DevTools protocol ({@link #allowGeolocation}, {@link #moveTo})
 * so that a page's {@code navigator.geolocation.watchPosition} sees the positions a test sets.
 *
 * <p>Use from tests tagged {@code @Tag("browser")} ({@code ./sahaya test-browser}, {@code mvn -Pbrowser}).
 */
public final class Chromium implements AutoCloseable {

    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** A phone: the crew app is built for this first. */
    public static final int PHONE_WIDTH = 360;
    public static final int PHONE_HEIGHT = 640;
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /** A phone-sized browser (360 x 640). */
    public static Chromium phone() {
        return start(PHONE_WIDTH, PHONE_HEIGHT);
    }

    /** A browser whose window is {@code width} x {@code height} CSS pixels. */
    public static Chromium start(int width, int height) {
        requireInstalled();
        Path profile;
        try {
            profile = Files.createTempDirectory("sahaya-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--disable-dev-shm-usage", "--lang=en-GB",
                "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(10));
            // A headless window is at least 500 pixels wide: the page's viewport is set to the size asked.
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                    "deviceScaleFactor", 1, "mobile", width < 600));
            return new Chromium(service, driver, profile);
        } catch (RuntimeException e) {
            service.stop();
            delete(profile);
            throw e;
        }
    }

    /**
     * Fails with what to install when chromium or chromedriver is missing. Browser tests call it (through
     * {@link #start}) instead of assuming: a missing browser is a broken test machine, not a pass.
     */
    public static void requireInstalled() {
        for (Path tool : List.of(BROWSER, DRIVER)) {
            if (!Files.isExecutable(tool)) {
                throw new AssertionError(tool + " is missing: the browser tests need Debian's chromium and"
                        + " chromium-driver (apt-get install chromium chromium-driver). They never skip.");
            }
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    /** Lets pages of {@code origin} (e.g. {@code http://127.0.0.1:8080}) read the position without asking. */
    public void allowGeolocation(String origin) {
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", origin,
                "permissions", List.of("geolocation")));
    }

    /** Where the page's geolocation says the phone is, from now on (watchers are told). */
    public void moveTo(double lat, double lon) {
        driver.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", lat, "longitude", lon,
                "accuracy", 10));
    }

    /** The element, once it is displayed. */
    public WebElement visible(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** The element, once it is displayed and enabled. */
    public WebElement clickable(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(by));
    }

    /** Waits until the element's text contains {@code text}. */
    public void textContains(By by, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Saves what the page shows now as a PNG (for the docs; under {@code target/} in tests). */
    public Path screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            delete(profile);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a profile left in the temp directory is harmless
        }
    }
}
