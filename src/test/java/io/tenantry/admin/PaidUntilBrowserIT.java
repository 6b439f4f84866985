package io.tenantry.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.tenantry.testing.BrowsedTenantry;
import io.tenantry.testing.Tenantry;
import jakarta.json.JsonObject;

/**
 * The paid-until instant, changed by an operator only when meant: the platform administration's
 * editor shows what the table shows and, saved unchanged, keeps the instant to the second (an
 * expired tenant stays expired); emptied, it clears. The API clears it with {@code "paidUntil": null}
 * and keeps it when the field is left out.
 */
class PaidUntilBrowserIT extends BrowsedTenantry {

    private static final String EXPIRED = "2025-01-15T15:30:45Z";

    @Test
    void theEditorSavedUnchangedKeepsTheInstantAndEmptiedClearsIt() {
        String label = "paid-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, app.onPublic("POST", "/api/tenants", "{\"label\":\"" + label + "\",\"name\":\"Paid\","
                + "\"paidUntil\":\"" + EXPIRED + "\"}").status());

        openBrowser();
        browser.signIn(Tenantry.ADMIN, Tenantry.ADMIN_PASSWORD);
        browser.driver().get(browser.address("public", "/admin/"));
        browser.waitFor(By.id("tabs:tenants:table"));
        browser.find(By.id("tabs:tenants:table:globalFilter")).sendKeys(label);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("[id$=':editPaidUntil']"), 1));
        browser.waitForText(By.id("tabs:tenants:table"), label);
        // Read again should the filter's AJAX draw the table anew between finding the cell and reading it.
        String shown = new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElement(By.cssSelector("[id^='tabs:tenants:table:'][id$=':paidUntil']")).getText());
        assertEquals("2025-01-15 15:30", shown);

        WebElement editor = openEditor();
        assertEquals("2025-01-15 15:30", editor.getAttribute("value"), "the editor shows what the table shows");
        browser.screenshot("paid-until-editor");
        browser.find(By.id("paidForm:save")).click();
        browser.waitForText(By.id("messages"), label);
        assertEquals(EXPIRED, paidUntilOf(label), "saved unchanged, the instant is kept to the second");

        editor = openEditor();
        editor.click(); // opens the calendar, whose button bar clears the field
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//div[contains(@class,'ui-datepicker-buttonbar')]//button[normalize-space()='Clear']"))).click();
        assertEquals("", editor.getAttribute("value"));
        browser.screenshot("paid-until-cleared");
        // The calendar stays open over the button: closed with Escape, as a person would, before Save.
        editor.sendKeys(Keys.ESCAPE);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(
                ExpectedConditions.invisibilityOfElementLocated(By.id("paidForm:paidUntil_panel")));
        assertEquals("", editor.getAttribute("value"), "closing the calendar keeps the field empty");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(
                ExpectedConditions.elementToBeClickable(By.id("paidForm:save"))).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(driver -> paidUntilOf(label) == null);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("[id^='tabs:tenants:table:'][id$=':paidUntil']"), 0));
    }

    @Test
    void theApiClearsWithNullAndKeepsWhatIsLeftOut() {
        String label = "paid-api-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, app.onPublic("POST", "/api/tenants", "{\"label\":\"" + label + "\",\"name\":\"Paid\","
                + "\"paidUntil\":\"" + EXPIRED + "\"}").status());

        Tenantry.Reply renamed = app.onPublic("PUT", "/api/tenants/" + label, "{\"name\":\"Renamed\"}");
        assertEquals(200, renamed.status(), renamed.body());
        assertEquals(EXPIRED, paidUntilOf(label), "a field left out stays as it is");

        Tenantry.Reply cleared = app.onPublic("PUT", "/api/tenants/" + label, "{\"paidUntil\":null}");
        assertEquals(200, cleared.status(), cleared.body());
        assertEquals(null, paidUntilOf(label));
        assertEquals("Renamed", app.onPublic("GET", "/api/tenants/" + label, null).json().asJsonObject().getString("name"));

        Tenantry.Reply wrong = app.onPublic("PUT", "/api/tenants/" + label, "{\"paidUntil\":\"next week\"}");
        assertEquals(400, wrong.status(), wrong.body());
        assertTrue(wrong.body().contains("paidUntil"), wrong.body());
    }

    /** Clicks the row's pencil, once the table has settled, and gives the dialog's field when shown. */
    private WebElement openEditor() {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(driver -> {
                    driver.findElement(By.cssSelector("[id$=':editPaidUntil']")).click();
                    return true;
                });
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("paidForm:paidUntil_input")));
    }

    private String paidUntilOf(String label) {
        JsonObject tenant = app.onPublic("GET", "/api/tenants/" + label, null).json().asJsonObject();
        return tenant.containsKey("paidUntil") && !tenant.isNull("paidUntil") ? tenant.getString("paidUntil") : null;
    }
}
