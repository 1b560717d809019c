package io.gatehouse.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** /register, as a person fills it in. */
record RegisterPage(WebDriver browser, String base) {

    static RegisterPage open(WebDriver browser, String base) {
        browser.get(base + "register");
        return new RegisterPage(browser, base);
    }

    /** Signs up, and checks that the new account landed on its own profile. */
    ProfilePage signUp(String username, String password) {
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("confirmation")).sendKeys(password);
        browser.findElement(By.id("signUp")).click();
        return ProfilePage.shownTo(browser, base, username);
    }
}
