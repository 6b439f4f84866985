package io.tenantry.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.tenantry.testing.BrowsedTenantry;
import io.tenantry.testing.Tenantry;
import jakarta.json.JsonObject;

/**
 * A tester works a run and finishes it, in English and in German: the screen names the plan, says
 * what each key does (moving on included), labels how far the run is apart from how well it went
 * with the dashboard's words and figures, makes the tester the run's manager (changed to another member
 * on the screen, a non-member refused), and after finishing
 * refuses changes until the run is re-opened. Screens go to target/screenshots.
 */
class RunScreenBrowserIT extends BrowsedTenantry {

    /** The words the screen must use in one language. */
    private record Words(String language, String movesOn, String done, String passRate, String finish,
            String reopen, String finishedNote, String dashboardDone) {
    }

    @Test
    void aTesterWorksAndFinishesARunInEnglish() {
        testerWorksAndFinishesARun(new Words("en", "then move to the next row", "Done", "Pass rate", "Finish run",
                "Re-open run", "This run is finished", "Done"));
    }

    @Test
    void aTesterWorksAndFinishesARunInGerman() {
        testerWorksAndFinishesARun(new Words("de", "gehen zur nächsten Zeile", "Erledigt", "Erfolgsquote",
                "Lauf beenden", "Lauf wieder öffnen", "Dieser Lauf ist beendet", "Erledigt"));
    }

    private void testerWorksAndFinishesARun(Words words) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String owner = "rs-owner-" + suffix;
        String tester = "rs-tester-" + suffix;
        String label = "rs-" + suffix;
        Tenantry ownerApi = app.newAccount(owner);
        Tenantry testerApi = app.newAccount(tester);
        assertEquals(201, app.createTenant(label, "Shop", owner).status());
        String host = Tenantry.host(label);
        ownerApi.bringIn(host, tester);
        long product = ownerApi.post(host, "/api/products", "{\"name\":\"Web shop\"}").json().asJsonObject()
                .getJsonNumber("id").longValue();
        StringBuilder caseIds = new StringBuilder();
        for (String summary : List.of("Log in", "Pay by card", "Download the invoice", "Print the label")) {
            caseIds.append(caseIds.isEmpty() ? "" : ",").append(ownerApi.post(host, "/api/cases", "{\"productId\":"
                    + product + ",\"summary\":\"" + summary + "\",\"status\":\"CONFIRMED\"}").json().asJsonObject()
                    .getJsonNumber("id").longValue());
        }
        long plan = ownerApi.post(host, "/api/plans", "{\"productId\":" + product + ",\"name\":\"Release 1.4\"}")
                .json().asJsonObject().getJsonNumber("id").longValue();
        ownerApi.post(host, "/api/plans/" + plan + "/cases", "{\"caseIds\":[" + caseIds + "]}");

        openBrowser();
        browser.signIn(tester, Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
        browser.driver().get(browser.address("public", "/go/" + label));
        browser.waitFor(By.id("plans-link"));
        browser.driver().get(browser.address(label, "/language?to=" + words.language() + "&back=/plan.xhtml%3Fid%3D"
                + plan));
        browser.waitFor(By.id("new-run:summary"));
        assertEquals(words.language(), browser.find(By.tagName("html")).getAttribute("lang"));
        browser.find(By.id("new-run:summary")).sendKeys("1.4.0 smoke");
        browser.find(By.id("new-run:start")).click();

        browser.waitForText(By.id("run-title"), "1.4.0 smoke");
        long run = Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1"));
        assertEquals("Release 1.4", browser.find(By.id("plan-crumb")).getText(), "the breadcrumb names the plan");
        assertEquals(tester, browser.find(By.id("run-actions:manager")).getAttribute("value"),
                "who starts the run manages it");
        assertTrue(browser.find(By.id("keys")).getText().contains(words.movesOn()),
                "the hint says that a status key moves on: " + browser.find(By.id("keys")).getText());

        keys("p");
        awaitStatus(0, "PASSED");
        keys("f");
        awaitStatus(1, "FAILED");
        keys("w");
        awaitStatus(2, "WAIVED");
        keys("b");
        awaitStatus(3, "BLOCKED");
        browser.waitForText(By.id("done"), "100.0 %");
        assertTrue(browser.find(By.id("done")).getText().startsWith(words.done()), browser.find(By.id("done")).getText());
        assertTrue(browser.find(By.id("pass-rate")).getText().startsWith(words.passRate()));
        assertTrue(browser.find(By.id("pass-rate")).getText().contains("33.3 %"), "passed among passed, failed, blocked");
        assertFalse(browser.find(By.id("started")).getText().isBlank());
        browser.screenshot("run-screen-worked-" + words.language());

        browser.find(By.id("run-actions:manager")).clear();
        browser.find(By.id("run-actions:manager")).sendKeys("nobody-" + suffix);
        browser.find(By.id("run-actions:change-manager")).click();
        browser.waitFor(By.cssSelector("#messages .ui-messages-error"));
        browser.find(By.id("run-actions:manager")).clear();
        browser.find(By.id("run-actions:manager")).sendKeys(owner);
        browser.find(By.id("run-actions:change-manager")).click();
        browser.waitForText(By.id("messages"), owner);
        assertEquals(owner, testerApi.get(host, "/api/runs/" + run).json().asJsonObject().getJsonObject("run")
                .getString("manager"), "the manager is changed to another member");

        assertEquals(words.finish(), browser.find(By.id("run-actions:finish")).getText());
        browser.find(By.id("run-actions:finish")).click();
        browser.waitForText(By.id("finished-note"), words.finishedNote());
        assertTrue(browser.driver().findElements(By.cssSelector("#executions .set-PASSED")).isEmpty(),
                "a finished run offers no status buttons");
        assertTrue(browser.driver().findElements(By.id("keys")).isEmpty(), "nor the keys");
        keys("i");
        JsonObject finished = testerApi.get(host, "/api/runs/" + run).json().asJsonObject();
        assertTrue(finished.getJsonObject("run").containsKey("finishedAt"));
        assertEquals(owner, finished.getJsonObject("run").getString("manager"));
        assertEquals("PASSED", finished.getJsonArray("executions").getJsonObject(0).getString("status"),
                "a key on a finished run changes nothing");
        browser.screenshot("run-screen-finished-" + words.language());

        browser.driver().get(browser.address(label, "/dashboard.xhtml?product=" + product));
        browser.waitForText(By.id("tallies"), "33.3 %");
        assertTrue(browser.find(By.id("tallies")).getText().contains(words.dashboardDone()),
                "the dashboard uses the run screen's words");
        assertTrue(browser.find(By.id("tallies")).getText().contains("100.0 %"), "and its figures");
        browser.screenshot("run-screen-dashboard-" + words.language());

        browser.driver().get(browser.address(label, "/run.xhtml?id=" + run));
        browser.waitFor(By.id("run-actions:reopen"));
        assertEquals(words.reopen(), browser.find(By.id("run-actions:reopen")).getText());
        browser.find(By.id("run-actions:reopen")).click();
        browser.waitFor(By.id("keys"));
        keys("i");
        awaitStatus(0, "IDLE");
        assertFalse(testerApi.get(host, "/api/runs/" + run).json().asJsonObject().getJsonObject("run")
                .containsKey("finishedAt"), "re-opened");
    }

    private void keys(String... keys) {
        for (String key : keys) {
            new Actions(browser.driver()).sendKeys(key).perform();
        }
    }

    private void awaitStatus(int row, String status) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("#executions tr.execution")).get(row).getAttribute("class")
                        .contains("status-" + status));
    }
}
