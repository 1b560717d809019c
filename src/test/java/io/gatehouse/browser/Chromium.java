package io.gatehouse.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's Chromium and ChromeDriver, headless, with nothing that reaches for the network. */
final class Chromium {

    private Chromium() {
    }

    private static final File BINARY = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");

    /** On a developer's machine without Chromium the browser story is skipped, visibly; on CI it must run. */
    /**
     * Waits for the browser to land on {@code url} after a click, and fails with where it is if it does not:
     * a click returns as soon as the browser has taken it, and a form's navigation may commit a moment later.
     */
    static void assertLandsOn(WebDriver browser, String url) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> url.equals(driver.getCurrentUrl()));
        } catch (TimeoutException stillElsewhere) {
            throw new AssertionError("expected to land on " + url + " but the browser is on " + browser.getCurrentUrl());
        }
    }

    static void assumeInstalled() {
        boolean installed = BINARY.canExecute() && DRIVER.canExecute();
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI needs Debian's chromium and chromium-driver (see .ci/run)");
        }
        Assumptions.assumeTrue(installed, "install Debian's chromium and chromium-driver to run the browser story");
    }

    static ChromeDriver start() throws IOException {
        return start(new ChromeOptions());
    }

    /** A person who turned JavaScript off: every form must still work. */
    static ChromeDriver startWithoutJavaScript() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        return start(options);
    }

    private static ChromeDriver start(ChromeOptions options) throws IOException {
        options.setBinary(BINARY);
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + Files.createTempDirectory("gatehouse-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER)
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
