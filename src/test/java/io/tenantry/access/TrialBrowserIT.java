package io.tenantry.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.tenantry.testing.PayaraOnly;
import io.tenantry.testing.Browser;
import io.tenantry.testing.SharedServer;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestServers;

/**
 * A trial tenant in Chromium under TENANTS_BLOCK_UNPAID (the options server), in English and German:
 * created from the web, its owner lands in it (no longer blocked at once); in the trial's last days
 * the owner is told how long is left and whom to write to; once over, opening it from "Your
 * tenants" says what to do; the super-user sees and filters tenants by trial, paid, expired.
 * Screenshots under target/screenshots/trial-*.
 */
@PayaraOnly("TENANTS_BLOCK_UNPAID=true, a setting of the run's Payara Micro options server (TestServers.options)")
@ResourceLock(value = TestServers.OPTIONS_LOCK, mode = ResourceAccessMode.READ)
class TrialBrowserIT {

    @RegisterExtension
    static final SharedServer OPTIONS = TestServers.options();

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
    private static Tenantry operator;

    @BeforeAll
    static void operator() {
        operator = new Tenantry(OPTIONS.process().url()).awaitReady();
    }

    @Test
    void theOwnerOfATrialTenantIsToldHowLongIsLeftAndWhatToDo() {
        String owner = "founder-" + SUFFIX;
        String label = "try-" + SUFFIX;
        operator.newAccount(owner);
        try (Browser browser = Browser.open(OPTIONS.process().url().getPort())) {
            browser.signIn(owner, Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
            browser.find(By.id("new-tenant-link")).click();
            browser.waitFor(By.id("tenant:label"));
            browser.find(By.id("tenant:label")).sendKeys(label);
            browser.waitForText(By.id("tenant:verdict"), label + "." + Tenantry.DOMAIN);
            browser.find(By.id("tenant:name")).sendKeys("Try Out");
            browser.find(By.id("tenant:create")).click();
            browser.waitFor(By.id("products"));
            assertEquals(browser.address(label, "/"), browser.driver().getCurrentUrl(),
                    "a tenant created from the web is open for its trial");
            assertTrue(browser.driver().findElements(By.id("subscription-banner")).isEmpty(),
                    "two weeks before the end, nothing to say yet");
            browser.screenshot("trial-created");

            TrialTenantsIT.moveTrialEnd(operator, label, "now() + interval '2 days 20 hours'");
            browser.driver().navigate().refresh();
            browser.waitForText(By.id("subscription-banner"), "The trial of Try Out ends in 3 days");
            assertTrue(browser.find(By.id("subscription-banner")).getText()
                    .contains("write to " + Tenantry.emailOf(Tenantry.ADMIN)));
            browser.screenshot("trial-ending-owner-en");
            browser.driver().get(browser.address(label, "/language?to=de&back=/"));
            browser.waitForText(By.id("subscription-banner"), "Die Testphase von Try Out endet in 3 Tagen");
            browser.screenshot("trial-ending-owner-de");

            TrialTenantsIT.moveTrialEnd(operator, label, "now() - interval '1 hour'");
            browser.driver().get(browser.address("public", "/"));
            browser.waitFor(By.cssSelector("a.open-tenant"));
            browser.find(By.cssSelector("a.open-tenant")).click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(
                    driver -> driver.getPageSource().contains("The trial of Try Out ended on"));
            String said = browser.find(By.tagName("body")).getText();
            assertTrue(said.contains("write to " + Tenantry.emailOf(Tenantry.ADMIN)), said);
            assertFalse(said.contains("Ask its owner"), said);
            browser.screenshot("trial-ended-owner-en");
            browser.driver().get(browser.address("public", "/language?to=de&back=/go/" + label));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(
                    driver -> driver.getPageSource().contains("Die Testphase von Try Out ist am"));
            assertTrue(browser.find(By.tagName("body")).getText().contains("Schreiben Sie an"));
            browser.screenshot("trial-ended-owner-de");
        }
    }

    @Test
    void theSuperUserSeesWhichTenantsAreInTrialPaidOrExpired() {
        String trial = "st-trial-" + SUFFIX;
        String paid = "st-paid-" + SUFFIX;
        String expired = "st-expired-" + SUFFIX;
        assertEquals(201, operator.onPublic("POST", "/api/tenants", "{\"label\":\"" + trial + "\",\"name\":\"T\"}").status());
        assertEquals(201, operator.onPublic("POST", "/api/tenants", "{\"label\":\"" + paid + "\",\"name\":\"P\","
                + "\"paidUntil\":\"" + Instant.now().plus(90, ChronoUnit.DAYS) + "\"}").status());
        assertEquals(201, operator.onPublic("POST", "/api/tenants", "{\"label\":\"" + expired + "\",\"name\":\"E\","
                + "\"paidUntil\":\"" + Instant.now().minus(1, ChronoUnit.DAYS) + "\"}").status());
        try (Browser browser = Browser.open(OPTIONS.process().url().getPort())) {
            browser.signIn(Tenantry.ADMIN, Tenantry.ADMIN_PASSWORD);
            browser.driver().get(browser.address("public", "/admin/"));
            browser.waitFor(By.id("tabs:tenants:table"));
            // This class's suffix, not "st-": other classes' tenants (dst-…) matched it too and, sorted first,
            // pushed these past the table's first page in a full run.
            browser.find(By.id("tabs:tenants:table:globalFilter")).sendKeys(SUFFIX);
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                    .until(driver -> driver.findElement(By.id("tabs:tenants:table")).getText().contains(expired)
                            && !driver.findElement(By.id("tabs:tenants:table")).getText().contains("public"));
            assertEquals("Trial", stateShown(browser, trial));
            assertEquals("Paid", stateShown(browser, paid));
            assertEquals("Expired", stateShown(browser, expired));
            browser.screenshot("trial-admin-states-en");
            // Every title and cell shows what it holds: under PrimeFaces' fixed table layout the ten columns
            // were as wide as each other, and cut off dates, titles and the subscription filter's arrow.
            assertEquals("", browser.driver().executeScript("return Array.from(document.getElementById("
                    + "'tabs:tenants:table').querySelectorAll('th, td')).filter(c => c.scrollWidth > c.clientWidth + 1)"
                    + ".map(c => c.innerText.trim()).join(' | ')"), "titles and cells cut off");

            chooseInFilter(browser, "Trial", shown -> !shown.contains(expired));
            String table = browser.find(By.id("tabs:tenants:table")).getText();
            assertTrue(table.contains(trial) && !table.contains(paid), table);
            browser.screenshot("trial-admin-filtered-en");

            browser.driver().get(browser.address("public", "/language?to=de&back=/admin/"));
            browser.waitFor(By.id("tabs:tenants:table"));
            browser.find(By.id("tabs:tenants:table:globalFilter")).sendKeys("st-expired-" + SUFFIX);
            // Read the table in one look once the filtering requests have settled: each draws it again, and
            // reading it twice once met it between two drawings (NoSuchElementException in .ci/run).
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                    .withMessage("the expired tenant's row, in German, under the German column title")
                    .until(driver -> {
                        String shown = driver.findElement(By.id("tabs:tenants:table")).getText();
                        return shown.contains("Abgelaufen") && shown.contains("Abonnement");
                    });
            browser.screenshot("trial-admin-states-de");
        }
    }

    /** The subscription cell of the row that shows this label. */
    private static String stateShown(Browser browser, String label) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElement(By.xpath("//tr[.//a[normalize-space()='" + label + "']]"
                        + "//span[contains(@class,'subscription ')]")).getText());
    }

    /**
     * Chooses the choice in the table's subscription filter, as a reader does, until the table shows what it
     * should: until the menu shows the choice, it is opened (its panel is drawn the first time) and the choice
     * made again, a look a second, so that a click that met the table while it was drawn again is not lost.
     */
    private static void chooseInFilter(Browser browser, String choice, Predicate<String> filtered) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).pollingEvery(Duration.ofSeconds(1))
                .ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
                .withMessage("the table filtered to " + choice)
                .until(driver -> {
                    if (filtered.test(driver.findElement(By.id("tabs:tenants:table")).getText())) {
                        return true;
                    }
                    if (driver.findElement(By.cssSelector("[id$='subscriptionFilter_label']")).getText().equals(choice)) {
                        return false; // chosen: the table's answer is on its way
                    }
                    // The menu's panel is drawn when it is first opened.
                    List<WebElement> item = driver.findElements(By.cssSelector(
                            "[id$='subscriptionFilter_items'] li[data-label='" + choice + "']"));
                    if (!item.isEmpty() && item.get(0).isDisplayed()) {
                        item.get(0).click();
                    } else {
                        driver.findElement(By.cssSelector("[id$='subscriptionFilter']")).click();
                    }
                    return false;
                });
    }
}
