package io.tenantry.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium, driven by its chromedriver: its headless shell ({@code chromium-headless-shell},
 * Chromium's former headless mode as a binary of its own, made for automation) when installed, as
 * .ci/run does, else the desktop browser in its headless mode. The shell used 0.41× the desktop
 * browser's CPU for the same three browser test classes (docs/architecture.md, "Tests"). Tenant host
 * names resolve to this machine through Chromium's own resolver rules, so no DNS set-up is needed.
 * Without Chromium or chromedriver installed the browser tests are skipped, unless
 * TENANTRY_BROWSER_REQUIRED is set (as .ci/run does), in which case they fail; the desktop browser
 * alone satisfies it.
 *
 * <p>A browser a test is done with is kept for the next ({@link #take()}, {@link #giveBack}): a
 * Chromium started afresh for each test, compiling every page's scripts and styles from nothing,
 * was a large share of the suite's CPU. What a test may have changed in it is undone on the way
 * back: its tabs are closed (with whatever it told those pages through DevTools, such as a time
 * zone or a script to run first), the cookies of every host are deleted, and the window is given
 * its size again. What stays is the HTTP cache, as in a person's browser.
 */
public final class Chromium {

    // The shell's binary itself: Debian's /usr/bin/chromium-headless-shell is a script that runs it without
    // exec, so chromedriver's quit ended the script and left six browser processes running per browser.
    private static final File BROWSER = Stream.of("/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium")
            .map(File::new).filter(File::canExecute).findFirst().orElse(new File("/usr/bin/chromium"));
    private static final File DRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Dimension WINDOW = new Dimension(1280, 900);
    private static final Duration PAGE_LOAD = Duration.ofSeconds(30);

    /** Browsers tests gave back, for the next tests to take; quit when the test JVM ends. */
    private static final Deque<ChromeDriver> IDLE = new ArrayDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (IDLE) {
                IDLE.forEach(Chromium::quietlyQuit);
                IDLE.clear();
            }
        }, "chromium-quit"));
    }

    private Chromium() {
    }

    /** A browser with no cookies: one an earlier test gave back, or a new one. Hand it back with {@link #giveBack}. */
    public static ChromeDriver take() {
        synchronized (IDLE) {
            ChromeDriver kept = IDLE.poll();
            if (kept != null) {
                return kept;
            }
        }
        return start();
    }

    /**
     * Undoes what a test may have changed in {@code driver} (above) and keeps it for the next test;
     * a browser that does not answer is quit instead.
     */
    public static void giveBack(ChromeDriver driver) {
        try {
            driver.switchTo().newWindow(WindowType.TAB);
            String fresh = driver.getWindowHandle();
            for (String handle : driver.getWindowHandles()) {
                if (!handle.equals(fresh)) {
                    driver.switchTo().window(handle).close();
                }
            }
            driver.switchTo().window(fresh);
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            driver.manage().window().setSize(WINDOW);
            driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD);
        } catch (WebDriverException e) {
            quietlyQuit(driver);
            return;
        }
        synchronized (IDLE) {
            IDLE.push(driver);
        }
    }

    private static void quietlyQuit(ChromeDriver driver) {
        try {
            driver.quit();
        } catch (WebDriverException gone) {
            // already ended
        }
    }

    public static ChromeDriver start() {
        return start(false);
    }

    /**
     * {@code recordRequests}: Chromium keeps a performance log of every request its pages make,
     * read with {@link Browser#requestsMade()}.
     */
    public static ChromeDriver start(boolean recordRequests) {
        boolean installed = BROWSER.canExecute() && DRIVER.canExecute();
        if (!installed && System.getenv("TENANTRY_BROWSER_REQUIRED") != null) {
            throw new AssertionError("Browser tests need Debian's Chromium and its driver: "
                    + "apt-get install chromium-headless-shell chromium-driver");
        }
        Assumptions.assumeTrue(installed, "Chromium or its chromedriver is not installed "
                + "(apt-get install chromium-headless-shell chromium-driver)");
        // --headless: the desktop browser's (new) headless mode; the shell is headless whatever the flag.
        ChromeOptions options = new ChromeOptions().setBinary(BROWSER).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=" + WINDOW.width + "," + WINDOW.height, "--host-resolver-rules=MAP *." + Tenantry.DOMAIN + " 127.0.0.1");
        if (recordRequests) {
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.PERFORMANCE, Level.ALL);
            options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        }
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
                .build(), options);
        driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD);
        return driver;
    }

    /** Saves what the browser shows under target/screenshots, for reviewers. */
    public static void screenshot(ChromeDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
