package io.tenantry.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.tenantry.testing.Chromium;
import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestMail;

/**
 * The tenant administration screens clicked through in Chromium: create a tenant and land in it,
 * invite a newcomer who follows the mailed link into the tenant as a Tester, and the super-user
 * deleting a tenant. Every screen is saved under target/screenshots.
 */
class TenantAdminBrowserIT extends DeployedTenantry {

    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void createInviteAcceptAndDelete() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String founder = "founder-" + suffix;
        String label = "rockets-" + suffix;
        String newcomer = "newcomer-" + suffix + "@example.com";
        app.newAccount(founder);

        browser = Chromium.start();
        signIn(founder, Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
        browser.findElement(By.id("new-tenant-link")).click();
        waitFor(By.id("tenant:label"));
        browser.findElement(By.id("tenant:label")).sendKeys("Bad_Label");
        waitForText(By.id("tenant:verdict"), "lower-case");
        browser.findElement(By.id("tenant:label")).clear();
        browser.findElement(By.id("tenant:label")).sendKeys(label);
        waitForText(By.id("tenant:verdict"), label + "." + Tenantry.DOMAIN);
        browser.findElement(By.id("tenant:name")).sendKeys("Rocket Works");
        browser.findElement(By.id("tenant:organization")).sendKeys("Rocket Works Ltd");
        Chromium.screenshot(browser, "new-tenant");
        browser.findElement(By.id("tenant:create")).click();

        waitFor(By.id("products"));
        assertEquals(address(label, "/"), browser.getCurrentUrl(), "the creator lands in the new tenant");
        assertTrue(browser.findElement(By.className("brand")).getText().contains("Rocket Works"));

        browser.findElement(By.id("invitations-link")).click();
        waitFor(By.id("invite:emails"));
        browser.findElement(By.id("invite:emails")).sendKeys(newcomer);
        browser.findElement(By.id("invite:send")).click();
        waitForText(By.id("pending"), newcomer);
        Chromium.screenshot(browser, "invitations");
        browser.findElement(By.id("members-link")).click();
        waitFor(By.id("members:list"));
        Chromium.screenshot(browser, "members");
        browser.findElement(By.id("groups-link")).click();
        waitFor(By.id("groups"));
        Chromium.screenshot(browser, "groups");
        browser.findElement(By.id("settings-link")).click();
        waitFor(By.id("settings:name"));
        Chromium.screenshot(browser, "settings");
        browser.quit();

        String link = TestMail.awaitMailTo(newcomer).link("http://public." + Tenantry.DOMAIN);
        browser = Chromium.start();
        browser.get(link.replace(Tenantry.DOMAIN + "/", Tenantry.DOMAIN + ":" + port() + "/"));
        waitFor(By.id("accept:password"));
        Chromium.screenshot(browser, "accept-invitation");
        browser.findElement(By.id("accept:password")).sendKeys("newcomer's password");
        browser.findElement(By.id("accept:confirmation")).sendKeys("newcomer's password");
        browser.findElement(By.id("accept:submit")).click();
        waitFor(By.id("products"));
        assertEquals(address(label, "/"), browser.getCurrentUrl(), "the newcomer lands in the tenant");
        assertTrue(browser.findElements(By.id("groups-link")).isEmpty(), "as a Tester: no administration");
        assertFalse(browser.findElements(By.id("add-product")).isEmpty(), "but work on the workspace");
        Chromium.screenshot(browser, "newcomer-arrived");
        browser.quit();

        browser = Chromium.start();
        signIn(Tenantry.ADMIN, Tenantry.ADMIN_PASSWORD);
        browser.findElement(By.id("admin-link")).click();
        waitFor(By.id("tabs:tenants:table"));
        browser.findElement(By.id("tabs:tenants:table:globalFilter")).sendKeys(label);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("[id$=':delete']"), 1));
        waitForText(By.id("tabs:tenants:table"), label);
        Chromium.screenshot(browser, "platform-tenants");
        // The table is re-drawn by each filtering request; click what is there once it has settled.
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(driver -> {
                    driver.findElement(By.cssSelector("[id$=':delete']")).click();
                    return true;
                });
        waitFor(By.id("deleteForm:typed"));
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("deleteForm:typed")));
        browser.findElement(By.id("deleteForm:typed")).sendKeys(label);
        Chromium.screenshot(browser, "platform-delete");
        browser.findElement(By.id("deleteForm:confirmDelete")).click();
        waitForText(By.id("messages"), "Tenant " + label + " deleted");
        assertEquals(404, app.onPublic("GET", "/api/tenants/" + label, null).status());
    }

    private void signIn(String username, String password) {
        browser.get(address("public", "/signin.xhtml"));
        waitFor(By.id("signin:username"));
        browser.findElement(By.id("signin:username")).sendKeys(username);
        browser.findElement(By.id("signin:password")).sendKeys(password + Keys.ENTER);
        waitFor(By.id("profile-link"));
    }

    private void waitFor(By element) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(element));
    }

    private void waitForText(By element, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBePresentInElementLocated(element, text));
    }

    private String address(String label, String path) {
        return "http://" + Tenantry.host(label) + ":" + port() + path;
    }
}
