package io.tenantry.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.tenantry.testing.BrowsedTenantry;
import io.tenantry.testing.Tenantry;
import jakarta.json.JsonObject;

/**
 * The workspace in Chromium: a tester starts a run from its plan and executes it with the keyboard
 * alone, then finds the result in the lists and on the dashboard. Screens go to target/screenshots.
 */
class WorkspaceBrowserIT extends BrowsedTenantry {

    @Test
    void aTesterExecutesARunWithTheKeyboard() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String tester = "qa-" + suffix;
        String label = "shop-" + suffix;
        Tenantry api = app.newAccount(tester);
        assertEquals(201, app.createTenant(label, "Shop", tester).status());
        String host = Tenantry.host(label);
        long product = api.post(host, "/api/products", "{\"name\":\"Web shop\"}").json().asJsonObject()
                .getJsonNumber("id").longValue();
        api.post(host, "/api/products/" + product + "/builds", "{\"name\":\"1.4.0\"}");
        StringBuilder caseIds = new StringBuilder();
        for (String summary : List.of("Log in", "Pay by card", "Download the invoice")) {
            caseIds.append(caseIds.isEmpty() ? "" : ",").append(api.post(host, "/api/cases", "{\"productId\":"
                    + product + ",\"summary\":\"" + summary + "\",\"status\":\"CONFIRMED\"}").json().asJsonObject()
                    .getJsonNumber("id").longValue());
        }
        long plan = api.post(host, "/api/plans", "{\"productId\":" + product + ",\"name\":\"Release 1.4\"}").json()
                .asJsonObject().getJsonNumber("id").longValue();
        api.post(host, "/api/plans/" + plan + "/cases", "{\"caseIds\":[" + caseIds + "]}");

        openBrowser();
        browser.signIn(tester, Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
        browser.driver().get(browser.address("public", "/go/" + label));
        browser.waitFor(By.id("plans-link"));
        browser.find(By.id("plans-link")).click();
        browser.waitFor(By.className("plan-link"));
        browser.screenshot("workspace-plans");
        browser.find(By.className("plan-link")).click();
        browser.waitFor(By.id("new-run:summary"));
        assertEquals(3, browser.driver().findElements(By.cssSelector("#cases\\:table tbody tr")).size());
        browser.screenshot("workspace-plan");
        browser.find(By.id("new-run:summary")).sendKeys("1.4.0 smoke");
        browser.find(By.id("new-run:start")).click();

        browser.waitFor(By.id("executions"));
        browser.waitForText(By.id("run-title"), "1.4.0 smoke");
        long run = Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1"));
        keys("p");
        awaitStatus(0, "PASSED");
        keys("f");
        awaitStatus(1, "FAILED");
        keys("k", "c");
        WebElement comment = browser.driver().switchTo().activeElement();
        assertTrue(comment.getAttribute("class").contains("comment"), "c puts the cursor in the comment");
        comment.sendKeys("Card form never loads\n");
        browser.waitForText(By.id("messages"), "Comment saved");
        keys("j", "b");
        awaitStatus(2, "BLOCKED");
        browser.waitForText(By.id("count-BLOCKED"), "1");
        browser.screenshot("workspace-run");

        JsonObject done = api.get(host, "/api/runs/" + run).json().asJsonObject();
        List<JsonObject> executions = done.getJsonArray("executions").getValuesAs(JsonObject.class);
        assertEquals(List.of("PASSED", "FAILED", "BLOCKED"),
                executions.stream().map(e -> e.getString("status")).toList());
        assertEquals("Card form never loads", executions.get(1).getString("comment"));
        assertFalse(done.getJsonObject("run").containsKey("finishedAt"), "open until someone finishes it");

        browser.find(By.id("runs-link")).click();
        browser.waitForText(By.id("runs:table"), "1.4.0 smoke");
        browser.find(By.id("cases-link")).click();
        browser.waitFor(By.className("case-link"));
        browser.find(By.id("cases:table:summary:filter")).sendKeys("invoice");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.className("case-link")).size() == 1);
        browser.screenshot("workspace-cases");
        browser.find(By.className("case-link")).click();
        browser.waitFor(By.id("case:steps"));
        browser.find(By.id("case:steps")).sendKeys("1. Open the order\n2. Download the PDF");
        browser.find(By.id("case:save")).click();
        browser.waitForText(By.id("messages"), "Test case saved");
        browser.waitForText(By.id("history"), "Steps");
        browser.screenshot("workspace-case");

        browser.find(By.id("dashboard-link")).click();
        browser.waitFor(By.id("pass-rate"));
        assertFalse(browser.driver().findElements(By.cssSelector("#pass-rate canvas")).isEmpty(), "a chart is drawn");
        browser.waitForText(By.id("tallies"), "33.3 %");
        browser.screenshot("workspace-dashboard");
    }

    private void keys(String... keys) {
        for (String key : keys) {
            new Actions(browser.driver()).sendKeys(key).perform();
        }
    }

    private void awaitStatus(int row, String status) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(d -> d.findElements(
                By.cssSelector("#executions tr.execution")).get(row).getAttribute("class").contains("status-" + status));
    }
}
