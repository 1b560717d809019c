package io.gatehouse.browser;

import io.gatehouse.testing.GatehouseIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signed in on two browsers, a person ends one from the other; the ended browser's reload shows the sign-in page.
 * The browser that does the ending runs without JavaScript: the sessions page must work without it.
 */
class EndAnotherSessionIT extends GatehouseIT {

    private WebDriver laptop;
    private WebDriver phone;

    @BeforeEach
    void openBrowsers() throws Exception {
        Chromium.assumeInstalled();
        laptop = Chromium.startWithoutJavaScript();
        phone = Chromium.start();
    }

    @AfterEach
    void closeBrowsers() {
        for (WebDriver browser : new WebDriver[] {laptop, phone}) {
            if (browser != null) {
                browser.quit();
            }
        }
    }

    @Test
    void endingTheOtherBrowsersSessionSendsItsReloadToSignIn() {
        String base = baseUri().toString();
        String username = newUsername();
        RegisterPage.open(laptop, base).signUp(username, PASSWORD);
        SignInPage.open(phone, base).signIn(username, PASSWORD);

        SessionsPage sessions = SessionsPage.open(laptop, base);
        assertEquals(2, sessions.rows().size(), sessions.text());
        assertTrue(sessions.text().contains("This device"), sessions.text());
        sessions.confirmPassword(PASSWORD).signOutTheOtherSession();
        assertTrue(sessions.text().contains("That session is signed out."), sessions.text());
        assertEquals(1, sessions.rows().size(), sessions.text());

        phone.navigate().refresh();
        Chromium.assertLandsOn(phone, base + "login");
        String shown = phone.findElement(By.tagName("body")).getText();
        assertFalse(shown.contains("Welcome, " + username), shown);
        assertTrue(shown.contains("Password"), shown);
    }
}
