package io.tenantry.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.tenantry.testing.BrowsedTenantry;
import io.tenantry.testing.Tenantry;
import jakarta.json.JsonObject;

/**
 * The audit trail's pages in Chromium, with screenshots under target/screenshots/audit-*: the owner
 * reads the tenant's trail (a sign-in on its host among it), filters it, pages it, and finds the
 * exports carrying the filter; a super-user reads the platform's trail on the master host.
 */
class AuditTrailBrowserIT extends BrowsedTenantry {

    @Test
    void theOwnerReadsFiltersAndPagesTheTenantsTrail() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String label = "audit-page-" + suffix;
        String ownerName = "audit-page-owner-" + suffix;
        Tenantry owner = app.newAccount(ownerName);
        assertEquals(201, app.createTenant(label, "Audited Page", ownerName).status());
        String host = Tenantry.host(label);
        // Sixty changes: more than one window of 50.
        for (int i = 0; i < 60; i++) {
            assertEquals(201, owner.post(host, "/api/groups", "{\"name\":\"Group " + i + "\",\"permissions\":[]}").status());
        }
        assertEquals(200, owner.put(host, "/api/settings", "{\"organization\":\"<b>Bold</b> Org\"}").status());

        openBrowser();
        browser.signIn(ownerName, Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
        browser.driver().get(browser.address("public", "/go/" + label + "?next=/members.xhtml"));
        browser.waitFor(By.id("audit-link"));
        browser.find(By.id("audit-link")).click();
        browser.waitFor(By.id("audit:entries"));
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#audit\\:entries tbody tr"));
        assertEquals(50, rows.size(), "a window of 50");
        assertTrue(rows.get(0).getText().contains("signin"), "the newest: the sign-in on this host: " + rows.get(0).getText());
        assertTrue(browser.find(By.id("audit:entries")).getText().contains("<b>Bold</b> Org"), "markup shown as text");
        assertTrue(browser.driver().findElements(By.cssSelector("#audit\\:entries b")).isEmpty(), "no markup rendered");
        browser.screenshot("audit-tenant-trail");

        browser.find(By.id("audit:older")).click();
        waitUntil(ExpectedConditions
                .textToBePresentInElementLocated(By.id("audit"), "51–"));
        assertTrue(browser.find(By.id("audit:entries")).getText().contains("tenant.created"), "the oldest, in the second window");
        browser.screenshot("audit-tenant-trail-older");

        browser.find(By.id("audit:action")).sendKeys("tenant");
        browser.find(By.id("audit:apply")).click();
        waitUntil(driver -> driver
                .findElements(By.cssSelector("#audit\\:entries tbody tr")).size() == 2);
        String shown = browser.find(By.id("audit:entries")).getText();
        assertTrue(shown.contains("tenant.settings") && shown.contains("tenant.created"), shown);
        assertFalse(shown.contains("group.created"), shown);
        assertTrue(browser.find(By.id("export-csv")).getAttribute("href").endsWith("/api/audit/export.csv?action=tenant"));
        assertTrue(browser.find(By.id("export-json")).getAttribute("href").endsWith("/api/audit/export.json?action=tenant"));
        browser.screenshot("audit-tenant-trail-filtered");
        // The export link's file, as the browser downloads it with the session: the filter's entries only.
        Object exported = browser.driver().executeAsyncScript("var done = arguments[0]; "
                + "fetch(document.getElementById('export-csv').href).then(r => r.text()).then(done)");
        assertTrue(exported.toString().startsWith("at,tenant,actor,action"), exported.toString());
        assertEquals(3, exported.toString().lines().count(), "the header and the two entries: " + exported);

        browser.driver().get(browser.address(label, "/language?to=de&back=/audit.xhtml"));
        browser.waitFor(By.id("audit:entries"));
        assertEquals("Protokoll", browser.find(By.tagName("h1")).getText());
        assertTrue(browser.find(By.tagName("main")).getText().contains("Einträge bleiben 365 Tage"),
                "the retention is said");
        WebElement when = browser.find(By.cssSelector("#audit\\:entries td.audit-when"));
        assertTrue(when.getSize().getWidth() >= browser.find(By.cssSelector("#audit\\:entries td.audit-when .when"))
                .getSize().getWidth(), "the time is not cut off");
        browser.screenshot("audit-tenant-trail-de");

        // Handed over again, the tenant host's cookies dropped (as a loop meant to fill the trail would):
        // no password asked, so not recorded again within the hour.
        browser.driver().manage().deleteAllCookies();
        browser.driver().get(browser.address("public", "/go/" + label + "?next=/members.xhtml"));
        browser.waitFor(By.id("audit-link"));
        List<JsonObject> signIns = owner.get(host, "/api/audit?action=signin").json().asJsonObject()
                .getJsonArray("items").stream().map(v -> v.asJsonObject()).toList();
        assertEquals(1, signIns.size(), "the sign-in on this tenant's host, once within the hour: " + signIns);
        assertEquals(ownerName, signIns.get(0).getString("actor"));
        assertEquals(host, signIns.get(0).getString("host"));
    }

    @Test
    void aSuperUserReadsThePlatformsTrailOnTheMasterHost() {
        String label = "audit-platform-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, app.createTenant(label, "Platform Audited").status());
        openBrowser();
        browser.signIn(Tenantry.ADMIN, Tenantry.ADMIN_PASSWORD);
        browser.driver().get(browser.address("public", "/admin/"));
        browser.waitFor(By.id("platform-audit-link"));
        browser.find(By.id("platform-audit-link")).click();
        browser.waitFor(By.id("audit:entries"));
        browser.find(By.id("audit:action")).sendKeys("signin");
        browser.find(By.id("audit:actor")).sendKeys(Tenantry.ADMIN);
        browser.find(By.id("audit:apply")).click();
        waitUntil(ExpectedConditions
                .attributeContains(By.id("export-csv"), "href", "actor=admin"));
        String shown = browser.find(By.id("audit:entries")).getText();
        assertTrue(shown.contains("signin") && shown.contains(Tenantry.ADMIN), shown);
        assertTrue(browser.find(By.id("export-csv")).getAttribute("href").contains("/api/audit/platform/export.csv?"));
        browser.screenshot("audit-platform-trail");

        browser.find(By.id("audit:reset")).click();
        waitUntil(ExpectedConditions
                .attributeToBe(By.id("audit:actor"), "value", ""));
        browser.find(By.id("audit:tenant")).sendKeys(label);
        browser.find(By.id("audit:apply")).click();
        waitUntil(ExpectedConditions
                .attributeContains(By.id("export-csv"), "href", "tenant=" + label));
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#audit\\:entries tbody tr"));
        assertEquals(1, rows.size(), "the tenant's one entry");
        assertTrue(rows.get(0).getText().contains("tenant.created") && rows.get(0).getText().contains(label));
        browser.screenshot("audit-platform-trail-tenant");
    }

    /** Waits through PrimeFaces' re-rendering of the form, whose elements go stale meanwhile. */
    private void waitUntil(Function<WebDriver, ?> condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(condition);
    }
}
