package io.gatehouse.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** /account/sessions, for the person signed in. */
record SessionsPage(WebDriver browser, String base) {

    static SessionsPage open(WebDriver browser, String base) {
        browser.get(base + "account/sessions");
        Chromium.assertLandsOn(browser, base + "account/sessions");
        return new SessionsPage(browser, base);
    }

    SessionsPage confirmPassword(String password) {
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form[action='sessions/confirm'] button")).click();
        Chromium.assertLandsOn(browser, base + "account/sessions?confirmed");
        return this;
    }

    List<WebElement> rows() {
        return browser.findElements(By.cssSelector("tr.session"));
    }

    /** "Sign out" on the first row that is not this device. */
    SessionsPage signOutTheOtherSession() {
        browser.findElement(By.cssSelector("form[action='sessions/end'] button")).click();
        Chromium.assertLandsOn(browser, base + "account/sessions?ended");
        return this;
    }

    String text() {
        return browser.findElement(By.tagName("body")).getText();
    }
}
