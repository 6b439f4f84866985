package io.tenantry.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;

import io.tenantry.testing.BrowsedTenantry;
import io.tenantry.testing.SharedState;
import io.tenantry.testing.Tenantry;

/**
 * The settings page's restore points in Chromium: the owner takes one, sees it listed with its time,
 * size and reason, and restores the tenant to it after confirming; the state replaced is listed too.
 */
@ResourceLock(SharedState.RESTORE_POINT_SLOTS)
class RestorePointsBrowserIT extends BrowsedTenantry {

    @Test
    void theOwnerTakesARestorePointSeesItListedAndRestoresIt() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Tenantry owner = app.newAccount("owner-" + suffix);
        String label = "rpb-" + suffix;
        assertEquals(201, app.createTenant(label, "Points", "owner-" + suffix).status());
        String host = Tenantry.host(label);
        assertEquals(201, owner.post(host, "/api/products", "{\"name\":\"Shop\"}").status());

        openBrowser();
        browser.signIn("owner-" + suffix, Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
        browser.driver().get(browser.address("public", "/go/" + label));
        browser.waitFor(By.id("products"));
        browser.driver().get(browser.address(label, "/settings.xhtml"));
        browser.waitFor(By.id("restore:take"));
        browser.find(By.id("restore:take")).click();
        browser.waitForText(By.id("messages"), "taken");
        String row = browser.find(By.cssSelector("#restore\\:points tbody tr")).getText();
        assertTrue(row.contains("KiB") && row.contains("By hand"), row);
        showRestorePoints();
        browser.screenshot("restore-points-listed");

        assertEquals(201, owner.post(host, "/api/products", "{\"name\":\"Later\"}").status());
        browser.find(By.id("restore:points:0:restore-point")).click();
        browser.driver().switchTo().alert().accept();
        browser.waitForText(By.id("messages"), "Restored:");
        assertEquals(1, owner.get(host, "/api/products").json().asJsonObject().getInt("total"));
        assertTrue(browser.find(By.cssSelector("#restore\\:points tbody tr")).getText().contains("Before a restore"));
        showRestorePoints();
        browser.screenshot("restore-points-restored");
        closeBrowser();

        // Platform administration lists them too, for super-users on the master host only.
        String page = "/admin/restore-points.xhtml?tenant=" + label;
        assertEquals(403, owner.page(Tenantry.host("public"), page).status());
        openBrowser();
        browser.signIn(Tenantry.ADMIN, Tenantry.ADMIN_PASSWORD);
        browser.driver().get(browser.address("public", "/admin/"));
        browser.find(By.id("restore-points-tenant")).sendKeys(label);
        browser.find(By.id("restore-points-show")).click();
        browser.waitForText(By.id("restore:points"), "Before a restore");
        assertEquals(2, browser.driver().findElements(By.cssSelector("#restore\\:points tbody tr")).size());
        browser.screenshot("restore-points-platform");
        closeBrowser();
    }

    private void showRestorePoints() {
        browser.driver().executeScript("document.getElementById('restore-panel').scrollIntoView()");
    }
}
