package io.gatehouse.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** /profile, for the person signed in. */
record ProfilePage(WebDriver browser) {

    String welcome() {
        return browser.findElement(By.id("welcome")).getText();
    }

    void signOut() {
        browser.findElement(By.linkText("Sign out")).click();
    }
}
