package io.tenantry.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.tenantry.testing.BrowsedTenantry;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestMail;

/**
 * The tenant administration screens clicked through in Chromium: create a tenant and land in it,
 * invite a newcomer who follows the mailed link into the tenant as a Tester, and the super-user
 * deleting a tenant. Every screen is saved under target/screenshots.
 */
class TenantAdminBrowserIT extends BrowsedTenantry {

    @Test
    void createInviteAcceptAndDelete() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String founder = "founder-" + suffix;
        String label = "rockets-" + suffix;
        String newcomer = "newcomer-" + suffix + "@example.com";
        app.newAccount(founder);

        openBrowser();
        browser.signIn(founder, Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
        browser.find(By.id("new-tenant-link")).click();
        browser.waitFor(By.id("tenant:label"));
        browser.find(By.id("tenant:label")).sendKeys("Bad_Label");
        browser.waitForText(By.id("tenant:verdict"), "lower-case");
        browser.find(By.id("tenant:label")).clear();
        browser.find(By.id("tenant:label")).sendKeys(label);
        browser.waitForText(By.id("tenant:verdict"), label + "." + Tenantry.DOMAIN);
        browser.find(By.id("tenant:name")).sendKeys("Rocket Works");
        browser.find(By.id("tenant:organization")).sendKeys("Rocket Works Ltd");
        browser.screenshot("new-tenant");
        browser.find(By.id("tenant:create")).click();

        browser.waitFor(By.id("products"));
        assertEquals(browser.address(label, "/"), browser.driver().getCurrentUrl(),
                "the creator lands in the new tenant");
        assertTrue(browser.find(By.className("brand")).getText().contains("Rocket Works"));

        browser.find(By.id("invitations-link")).click();
        browser.waitFor(By.id("invite:emails"));
        browser.find(By.id("invite:emails")).sendKeys(newcomer);
        browser.find(By.id("invite:send")).click();
        browser.waitForText(By.id("pending"), newcomer);
        browser.screenshot("invitations");
        browser.find(By.id("members-link")).click();
        browser.waitFor(By.id("members:list"));
        browser.screenshot("members");
        browser.find(By.id("groups-link")).click();
        browser.waitFor(By.id("groups"));
        browser.screenshot("groups");
        browser.find(By.id("settings-link")).click();
        browser.waitFor(By.id("settings:name"));
        browser.screenshot("settings");
        closeBrowser();

        // The link names the port the server listens on, as the browser needs it.
        String link = TestMail.awaitMailTo(newcomer).link("http://public." + Tenantry.DOMAIN + ":" + port() + "/");
        openBrowser();
        browser.driver().get(link);
        browser.waitFor(By.id("accept:password"));
        browser.screenshot("accept-invitation");
        browser.find(By.id("accept:username")).sendKeys("newcomer-" + label);
        browser.find(By.id("accept:password")).sendKeys("newcomer's password");
        browser.find(By.id("accept:confirmation")).sendKeys("newcomer's password");
        browser.find(By.id("accept:submit")).click();
        browser.waitFor(By.id("products"));
        assertEquals(browser.address(label, "/"), browser.driver().getCurrentUrl(), "the newcomer lands in the tenant");
        assertTrue(browser.driver().findElements(By.id("groups-link")).isEmpty(), "as a Tester: no administration");
        assertFalse(browser.driver().findElements(By.id("add-product")).isEmpty(), "but work on the workspace");
        browser.screenshot("newcomer-arrived");
        closeBrowser();

        openBrowser();
        browser.signIn(Tenantry.ADMIN, Tenantry.ADMIN_PASSWORD);
        browser.find(By.id("admin-link")).click();
        browser.waitFor(By.id("tabs:tenants:table"));
        browser.find(By.id("tabs:tenants:table:globalFilter")).sendKeys(label);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("[id$=':delete']"), 1));
        browser.waitForText(By.id("tabs:tenants:table"), label);
        browser.screenshot("platform-tenants");
        // The table is re-drawn by each filtering request, which may swallow a click made meanwhile (a loaded
        // machine once took longer than that): click Delete again until its dialog shows.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(40), Duration.ofSeconds(3))
                .ignoring(StaleElementReferenceException.class).ignoring(ElementClickInterceptedException.class)
                .until(driver -> {
                    if (driver.findElements(By.id("deleteForm:typed")).stream().anyMatch(typed -> typed.isDisplayed())) {
                        return true;
                    }
                    driver.findElement(By.cssSelector("[id$=':delete']")).click();
                    return false;
                });
        browser.find(By.id("deleteForm:typed")).sendKeys(label);
        browser.screenshot("platform-delete");
        browser.find(By.id("deleteForm:confirmDelete")).click();
        browser.waitForText(By.id("messages"), "Tenant " + label + " deleted");
        assertEquals(404, app.onPublic("GET", "/api/tenants/" + label, null).status());
    }
}
