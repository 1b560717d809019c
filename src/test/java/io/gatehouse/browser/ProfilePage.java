package io.gatehouse.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /profile, for the person signed in. */
record ProfilePage(WebDriver browser, String base) {

    static ProfilePage shownTo(WebDriver browser, String base, String username) {
        Chromium.assertLandsOn(browser, base + "profile");
        assertEquals("Welcome, " + username, browser.findElement(By.id("welcome")).getText());
        return new ProfilePage(browser, base);
    }

    /** Follows the sign-out link, and checks that it ended on the home page, signed out. */
    void signOut() {
        browser.findElement(By.linkText("Sign out")).click();
        Chromium.assertLandsOn(browser, base);
        String text = browser.findElement(By.tagName("body")).getText();
        assertTrue(text.contains("Home page"), text);
        assertFalse(text.contains("Signed in as"), "still signed in after sign-out:\n" + text);
    }
}
