package io.tenantry.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.tenantry.testing.BrowsedTenantry;
import io.tenantry.testing.Tenantry;

/**
 * Every page that shows one item (a case, a plan, a run; a product's cases and dashboard) keeps an
 * address that reopens that item after each of its actions, whether the action succeeds or is
 * refused, and after switching the language: the address a person reopens or shares still works.
 */
class ItemAddressesBrowserIT extends BrowsedTenantry {

    private String host;
    private String label;

    @Test
    void everyActionOnAnItemPageLeavesAnAddressThatReopensTheItem() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String owner = "addr-" + suffix;
        label = "addr-" + suffix;
        Tenantry api = app.newAccount(owner);
        assertEquals(201, app.createTenant(label, "Addresses", owner).status());
        host = Tenantry.host(label);
        long product = id(api.post(host, "/api/products", "{\"name\":\"Web shop\"}"));
        long login = id(api.post(host, "/api/cases", "{\"productId\":" + product
                + ",\"summary\":\"Log in\",\"status\":\"CONFIRMED\"}"));
        long logout = id(api.post(host, "/api/cases", "{\"productId\":" + product
                + ",\"summary\":\"Log out\",\"status\":\"CONFIRMED\"}"));
        long plan = id(api.post(host, "/api/plans", "{\"productId\":" + product + ",\"name\":\"Release 1.4\"}"));
        api.post(host, "/api/plans/" + plan + "/cases", "{\"caseIds\":[" + login + "," + logout + "]}");

        openBrowser();
        browser.signIn(owner, Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
        browser.driver().get(browser.address("public", "/go/" + label));
        browser.waitFor(By.id("plans-link"));

        String casePage = "/case.xhtml?id=" + login;
        open(casePage, By.id("case-title"), "Log in");
        browser.find(By.id("case:steps")).sendKeys("1. Open the shop");
        browser.find(By.id("case:save")).click();
        browser.waitForText(By.id("messages"), "Test case saved");
        reopens(casePage, By.id("case-title"), "Log in", "after saving a case");
        browser.find(By.id("case:summary")).clear();
        browser.find(By.id("case:save")).click();
        browser.waitFor(By.cssSelector("#messages .ui-messages-error"));
        reopens(casePage, By.id("case-title"), "Log in", "after a refused save");
        browser.find(By.id("comment:text")).sendKeys("Looks fine");
        browser.find(By.id("comment:add")).click();
        browser.waitForText(By.className("comment-item"), "Looks fine");
        reopens(casePage, By.id("case-title"), "Log in", "after commenting");
        Path file = Files.writeString(Files.createTempFile("evidence", ".txt"), "evidence");
        browser.find(By.id("attach:file_input")).sendKeys(file.toString());
        browser.find(By.id("attach:upload")).click();
        browser.waitForText(By.id("attachments"), "evidence");
        reopens(casePage, By.id("case-title"), "Log in", "after attaching a file");
        switchLanguage("de");
        reopens(casePage, By.id("case-title"), "Log in", "after switching the language");
        switchLanguage("en");

        String planPage = "/plan.xhtml?id=" + plan;
        open(planPage, By.id("plan-title"), "Release 1.4");
        browser.find(By.id("plan:save")).click();
        browser.waitForText(By.id("messages"), "saved");
        reopens(planPage, By.id("plan-title"), "Release 1.4", "after saving a plan");
        browser.find(By.cssSelector("#cases\\:table tbody tr button")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("#cases\\:table tbody tr")).size() == 1);
        reopens(planPage, By.id("plan-title"), "Release 1.4", "after removing a case from a plan");
        browser.find(By.id("cases:to-add")).click();
        browser.waitFor(By.cssSelector("#cases\\:to-add_panel .ui-selectcheckboxmenu-item .ui-chkbox-box"));
        browser.find(By.cssSelector("#cases\\:to-add_panel .ui-selectcheckboxmenu-item .ui-chkbox-box")).click();
        browser.find(By.id("cases:add-cases")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("#cases\\:table tbody tr")).size() == 2);
        reopens(planPage, By.id("plan-title"), "Release 1.4", "after adding cases to a plan");
        browser.find(By.id("new-run:start")).click();
        browser.waitFor(By.cssSelector("#messages .ui-messages-error"));
        reopens(planPage, By.id("plan-title"), "Release 1.4", "after a run refused for want of a summary");
        browser.find(By.id("new-run:summary")).sendKeys("1.4.0 smoke");
        browser.find(By.id("new-run:start")).click();
        browser.waitForText(By.id("run-title"), "1.4.0 smoke");
        String runPage = browser.driver().getCurrentUrl().replaceAll("^https?://[^/]+", "");
        assertTrue(runPage.matches("/run\\.xhtml\\?id=\\d+"), runPage);

        browser.find(By.cssSelector("#executions tr.execution .set-PASSED")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("count-PASSED")).getText().endsWith("1"));
        reopens(runPage, By.id("run-title"), "1.4.0 smoke", "after setting a status");
        browser.find(By.id("run-actions:finish")).click();
        browser.waitFor(By.id("run-actions:reopen"));
        reopens(runPage, By.id("run-title"), "1.4.0 smoke", "after finishing a run");
        browser.find(By.id("run-actions:reopen")).click();
        browser.waitFor(By.id("run-actions:finish"));
        reopens(runPage, By.id("run-title"), "1.4.0 smoke", "after re-opening a run");
        switchLanguage("de");
        reopens(runPage, By.id("run-title"), "1.4.0 smoke", "after switching the language");
        switchLanguage("en");

        String casesPage = "/cases.xhtml?product=" + product;
        open(casesPage, By.id("new-case:add"), "");
        browser.find(By.id("new-case:add")).click();
        browser.waitFor(By.cssSelector("#messages .ui-messages-error"));
        assertEquals(casesPage, here(), "after a refused new case");
        String dashboard = "/dashboard.xhtml?product=" + product;
        open(dashboard, By.id("pass-rate"), "");
        switchLanguage("de");
        assertEquals(dashboard, here(), "after switching the language");
        browser.screenshot("item-addresses-dashboard");
    }

    private void open(String path, By title, String text) {
        browser.driver().get(browser.address(label, path));
        browser.waitForText(title, text);
    }

    /** The address the browser shows now is the item's own, and opening it again shows the item. */
    private void reopens(String path, By title, String text, String after) {
        assertEquals(path, here(), after);
        browser.driver().get(browser.address(label, here()));
        browser.waitForText(title, text);
    }

    private String here() {
        return browser.driver().getCurrentUrl().replaceAll("^https?://[^/]+", "");
    }

    private void switchLanguage(String language) {
        browser.find(By.cssSelector(".languages a[lang='" + language + "']")).click();
        browser.waitFor(By.cssSelector("html[lang='" + language + "']"));
    }

    private static long id(Tenantry.Reply reply) {
        assertEquals(201, reply.status(), reply.toString());
        return reply.json().asJsonObject().getJsonNumber("id").longValue();
    }
}
