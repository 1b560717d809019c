package io.gatehouse.browser;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.gatehouse.testing.GatehouseIT;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Accessibility: every page, in each state a person meets it, passes axe-core's WCAG 2.1 A and AA rules with no
 * violation; and with JavaScript turned off, every form still signs up, in and out.
 */
class AccessibilitySecurityIT extends GatehouseIT {

    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void everyPageHasNoWcag21AaViolation() throws Exception {
        Chromium.assumeInstalled();
        browser = Chromium.start();
        String base = baseUri().toString();

        for (String page : List.of("", "login", "login?error", "register", "register?expired", "sign-out")) {
            browser.get(base + page);
            assertNoViolations(page);
        }
        browser.get(base + "register");
        browser.findElement(By.id("signUp")).click();
        assertNoViolations("register, every field wrong");

        String username = newUsername();
        RegisterPage.open(browser, base).signUp(username, PASSWORD);
        Chromium.assertLandsOn(browser, base + "profile");
        assertNoViolations("profile");
        browser.get(base);
        assertNoViolations("home, signed in");
        for (String page : List.of("account/sessions", "account/sessions?wrong-password", "account/password",
                "account/history")) {
            browser.get(base + page);
            assertNoViolations(page);
        }
        browser.get(base + "account/password");
        browser.findElement(By.id("change")).click();
        assertNoViolations("account/password, every field wrong");
        SessionsPage.open(browser, base).confirmPassword(PASSWORD);
        assertNoViolations("account/sessions, password confirmed");
    }

    @Test
    void withoutJavaScriptEveryFormWorks() throws Exception {
        Chromium.assumeInstalled();
        browser = Chromium.startWithoutJavaScript();
        String base = baseUri().toString();
        String username = newUsername();

        RegisterPage.open(browser, base).signUp(username, PASSWORD).signOut();

        browser.get(base + "login");
        browser.findElement(By.id("j_username")).sendKeys(username);
        browser.findElement(By.id("j_password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        Chromium.assertLandsOn(browser, base + "profile");

        browser.get(base + "sign-out");
        browser.findElement(By.cssSelector("form[action='logout'] button")).click();
        Chromium.assertLandsOn(browser, base);
        assertFalse(text().contains("Signed in as"));
        browser.get(base + "profile");
        assertTrue(browser.getCurrentUrl().startsWith(base + "login"), browser.getCurrentUrl());
    }

    private void assertNoViolations(String page) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser);
        List<Rule> violations = results.getViolations();
        assertTrue(results.getPasses().size() > 0, "axe-core ran no rule on " + page);
        assertTrue(violations.isEmpty(), () -> page + ": " + violations.stream()
                .map(rule -> rule.getId() + " (" + rule.getHelp() + ") at " + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; ")));
    }

    private String text() {
        return browser.findElement(By.tagName("body")).getText();
    }
}
