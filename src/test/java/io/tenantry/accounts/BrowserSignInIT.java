package io.tenantry.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.tenantry.testing.Chromium;
import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.Tenantry;

/** Sign-in and the hand-off to a tenant's host, in a real Chromium driving the real pages. */
class BrowserSignInIT extends DeployedTenantry {

    private ChromeDriver browser;
    private String suffix;

    @BeforeEach
    void openBrowser() {
        browser = Chromium.start();
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aMemberSignsInOnceAndLandsInTheTenantWhileAStrangerIsTurnedAway() {
        String acme = "acme-" + suffix;
        String member = "jane-" + suffix;
        String stranger = "bob-" + suffix;
        app.newAccount(member);
        app.newAccount(stranger);
        assertEquals(201, app.createTenant(acme, "Acme Rockets").status());
        assertEquals(201, app.post(Tenantry.host(acme), "/api/members", "{\"username\":\"" + member + "\"}").status());
        assertEquals(201, app.post(Tenantry.host(acme), "/api/products", "{\"name\":\"Rocket\"}").status());

        browser.get(address(acme, "/"));
        waitFor(By.id("signin:username"));
        assertTrue(browser.getCurrentUrl().startsWith(address("public", "/signin.xhtml")), browser.getCurrentUrl());
        Chromium.screenshot(browser, "sign-in");
        signIn(member);

        waitFor(By.id("products"));
        assertEquals(address(acme, "/"), browser.getCurrentUrl());
        assertEquals(member, browser.findElement(By.id("profile-link")).getText());
        assertTrue(browser.findElement(By.id("products")).getText().contains("Rocket"));
        Chromium.screenshot(browser, "tenant-home");

        browser.get(address("public", "/profile.xhtml"));
        waitFor(By.id("tokens"));
        Chromium.screenshot(browser, "profile");

        browser.findElement(By.id("sign-out")).click();
        waitFor(By.id("signin:username"));
        browser.get(address(acme, "/"));
        waitFor(By.id("signin:username"));

        signIn(stranger);
        browser.get(address(acme, "/"));
        waitFor(By.id("forbidden"));
        assertTrue(browser.getPageSource().contains("You are not a member of Acme Rockets"));
        Chromium.screenshot(browser, "forbidden");
    }

    private void signIn(String username) {
        browser.findElement(By.id("signin:username")).sendKeys(username);
        browser.findElement(By.id("signin:password")).sendKeys(Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
        browser.findElement(By.id("signin:submit")).click();
    }

    private void waitFor(By element) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(element));
    }

    private String address(String label, String path) {
        return "http://" + Tenantry.host(label) + ":" + port() + path;
    }
}
