package io.gatehouse.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** /login, as a person fills it in. */
record SignInPage(WebDriver browser, String base) {

    static SignInPage open(WebDriver browser, String base) {
        browser.get(base + "login");
        return new SignInPage(browser, base);
    }

    ProfilePage signIn(String username, String password) {
        browser.findElement(By.id("j_username")).sendKeys(username);
        browser.findElement(By.id("j_password")).sendKeys(password);
        browser.findElement(By.cssSelector("form[action='j_security_check'] button")).click();
        return ProfilePage.shownTo(browser, base, username);
    }
}
