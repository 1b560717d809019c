package io.gatehouse.browser;

import io.gatehouse.testing.GatehouseIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The story a person lives through in a real browser: sign up, see the profile, sign out, press Back. */
class SignOutBackButtonIT extends GatehouseIT {

    private WebDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        Chromium.assumeInstalled();
        browser = Chromium.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void afterSigningOutBackAndReloadNeverShowTheProfile() {
        String base = baseUri().toString();
        String username = newUsername();

        RegisterPage.open(browser, base).signUp(username, PASSWORD).signOut();

        browser.navigate().back();
        assertProfileNotShown(base, username);

        browser.navigate().refresh();
        assertProfileNotShown(base, username);
    }

    /** Waits for the page to settle (a restored page may reload itself), then checks what it shows. */
    private void assertProfileNotShown(String base, String username) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(page -> isSignInOrHome(base));
        } catch (TimeoutException e) {
            // The assertions below say what was shown instead.
        }
        String text = pageText();
        assertFalse(text.contains("Welcome, " + username), "the profile came back:\n" + text);
        assertTrue(isSignInOrHome(base), "expected the sign-in or home page, got " + browser.getCurrentUrl() + ":\n" + text);
    }

    private boolean isSignInOrHome(String base) {
        String url = browser.getCurrentUrl();
        String text = pageText();
        return url.equals(base + "login") && text.contains("Sign in") && text.contains("Password")
                || url.equals(base) && text.contains("Home page") && !text.contains("Signed in as");
    }

    private String pageText() {
        return browser.findElement(By.tagName("body")).getText();
    }
}
