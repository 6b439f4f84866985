package io.tenantry.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.tenantry.testing.BrowsedTenantry;
import io.tenantry.testing.SharedState;
import io.tenantry.testing.Tenantry;
import jakarta.json.JsonObject;

/**
 * Issue 20 on the pages, in Chromium: the owner sees the plan, what it allows and the paid periods
 * on the settings page; invitations past the plan's limit and a creation past the per-owner quota
 * are refused with words naming them, in English and German; the super-user moves a tenant to
 * another plan and records a payment in platform administration, whose plans tab explains plans.
 * Screenshots under target/screenshots/plans-*.
 */
@Order(1) // among the longest: started first, so that it does not end the run alone (junit-platform.properties)
@ResourceLock(value = SharedState.PLATFORM_CATALOG, mode = ResourceAccessMode.READ)
class PlansBrowserIT extends BrowsedTenantry {

    private final String suffix = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void theOwnerSeesThePlanAndIsRefusedPastItsLimitInBothLanguages() {
        String owner = "pbo-" + suffix;
        String label = "pbo-" + suffix;
        String plan = "Duo " + suffix;
        app.newAccount(owner);
        assertEquals(201, app.post(Tenantry.host("public"), "/api/admin/plans", "{\"name\":\"" + plan
                + "\",\"description\":\"For two.\",\"priceCents\":500,\"maxMembers\":2}").status());
        assertEquals(201, app.createTenant(label, "Duo Works", owner).status());
        assertEquals(200, app.onPublic("PUT", "/api/tenants/" + label, "{\"plan\":\"" + plan + "\"}").status());
        assertEquals(201, app.post(Tenantry.host("public"), "/api/tenants/" + label + "/renewals", "{\"months\":12}")
                .status());

        openBrowser();
        browser.signIn(owner, Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
        browser.driver().get(browser.address(label, "/settings.xhtml"));
        browser.waitFor(By.id("plan-panel"));
        assertTrue(browser.find(By.id("plan-name")).getText().contains(plan));
        assertEquals("At most 2 members and pending invitations together.", browser.find(By.id("plan-limit")).getText());
        assertEquals("Now: 1 members, 0 pending invitations.", browser.find(By.id("plan-use")).getText());
        assertEquals(1, browser.driver().findElements(By.cssSelector("[id$='renewals_data'] tr")).size(),
                "the paid period recorded");
        browser.screenshot("plans-settings-en");

        browser.driver().get(browser.address(label, "/invitations.xhtml"));
        browser.waitFor(By.id("invite:emails"));
        browser.find(By.id("invite:emails")).sendKeys("pbx-" + suffix + "@example.com");
        browser.find(By.id("invite:send")).click();
        browser.waitForText(By.id("pending"), "pbx-" + suffix + "@example.com");
        browser.find(By.id("invite:emails")).sendKeys("pby-" + suffix + "@example.com");
        browser.find(By.id("invite:send")).click();
        browser.waitForText(By.id("messages"), "which allows 2 members and pending invitations together");
        assertTrue(browser.find(By.id("messages")).getText().contains(plan));
        browser.screenshot("plans-invitation-refused-en");

        browser.driver().get(browser.address(label, "/language?to=de&back=/invitations.xhtml"));
        browser.waitFor(By.id("invite:emails"));
        browser.find(By.id("invite:emails")).sendKeys("pby-" + suffix + "@example.com");
        browser.find(By.id("invite:send")).click();
        browser.waitForText(By.id("messages"), "der 2 Mitglieder und offene Einladungen zusammen erlaubt");
        browser.screenshot("plans-invitation-refused-de");
        browser.driver().get(browser.address(label, "/settings.xhtml"));
        browser.waitForText(By.id("plan-limit"), "Höchstens 2 Mitglieder");
        browser.screenshot("plans-settings-de");
    }

    @Test
    void theNewTenantPageRefusesASecondTenantPastTheOwnersQuota() {
        String owner = "pbq-" + suffix;
        Tenantry someone = app.newAccount(owner);
        assertEquals(201, someone.post(Tenantry.host("public"), "/api/tenants", "{\"label\":\"pbq1-" + suffix
                + "\",\"name\":\"First\"}").status());
        openBrowser();
        browser.signIn(owner, Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
        browser.find(By.id("new-tenant-link")).click();
        browser.waitFor(By.id("tenant:label"));
        browser.find(By.id("tenant:label")).sendKeys("pbq2-" + suffix);
        browser.waitForText(By.id("tenant:verdict"), "pbq2-" + suffix + "." + Tenantry.DOMAIN);
        browser.find(By.id("tenant:name")).sendKeys("Second");
        browser.find(By.id("tenant:create")).click();
        browser.waitForText(By.id("messages"), "TENANTS_PER_OWNER");
        assertTrue(browser.find(By.id("messages")).getText().contains(owner + " owns 1 tenants already"));
        browser.screenshot("plans-quota-refused-en");
        assertEquals(404, app.get(Tenantry.host("public"), "/api/tenants/pbq2-" + suffix).status());
    }

    @Test
    void theSuperUserMovesATenantToAnotherPlanAndRecordsAPayment() {
        String label = "pba-" + suffix;
        String plan = "Crew " + suffix;
        assertEquals(201, app.post(Tenantry.host("public"), "/api/admin/plans", "{\"name\":\"" + plan
                + "\",\"priceCents\":2900,\"maxMembers\":10}").status());
        assertEquals(201, app.createTenant(label, "Admin Plans").status());
        Instant paidBefore = Instant.parse(tenant(label).getString("paidUntil"));

        openBrowser();
        browser.signIn(Tenantry.ADMIN, Tenantry.ADMIN_PASSWORD);
        browser.driver().get(browser.address("public", "/admin/"));
        browser.waitFor(By.id("tabs:tenants:table"));
        browser.find(By.id("tabs:tenants:table:globalFilter")).sendKeys(label);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[id$=':editPaidUntil']"), 1));
        openEditor();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(driver -> {
                    driver.findElement(By.id("paidForm:plan")).click();
                    return true;
                });
        By item = By.cssSelector("[id='paidForm:plan_items'] li[data-label='" + plan + "']");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.elementToBeClickable(item)).click();
        browser.screenshot("plans-admin-tenant");
        // The menu's panel opens and closes with an animation: a click before it ends lands on the panel, not
        // the button, and a click on an item while the panel still opens may choose nothing (a full run once
        // waited 20 s for a panel that stayed open), so the item is clicked again until the panel has closed.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class).ignoring(WebDriverException.class)
                .until(driver -> {
                    if (ExpectedConditions.invisibilityOfElementLocated(By.id("paidForm:plan_panel")).apply(driver)) {
                        return true;
                    }
                    driver.findElement(item).click();
                    return false;
                });
        browser.find(By.id("paidForm:savePlan")).click();
        browser.waitForText(By.id("messages"), label);
        assertEquals(plan, tenant(label).getString("plan"));

        openEditor();
        assertEquals("12", browser.find(By.id("paidForm:months_input")).getAttribute("value"), "a year unless changed");
        browser.find(By.id("paidForm:renew")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(driver -> !Instant.parse(tenant(label).getString("paidUntil")).equals(paidBefore));
        assertEquals(paidBefore.atOffset(java.time.ZoneOffset.UTC).plusMonths(12).toInstant(),
                Instant.parse(tenant(label).getString("paidUntil")));
        assertEquals(1, app.get(Tenantry.host("public"), "/api/tenants/" + label + "/renewals").json().asJsonObject()
                .getInt("total"));

        browser.driver().get(browser.address("public", "/admin/"));
        browser.waitFor(By.id("tabs:tenants:table"));
        browser.find(By.id("tabs:tenants:table:globalFilter")).sendKeys(label);
        browser.waitForText(By.id("tabs:tenants:table"), plan);
        browser.find(By.xpath("//a[normalize-space()='Subscription plans']")).click();
        browser.waitForText(By.id("tabs:plans"), plan);
        assertTrue(browser.find(By.id("plans-intro")).getText().contains("TENANTS_DEFAULT_PLAN"));
        browser.screenshot("plans-admin-plans");
    }

    @Test
    void theSettingsPageRefusesToOfferATenantToSomeoneWhoOwnsTheirQuotaAlready() {
        String alice = "pbta-" + suffix;
        String bob = "pbtb-" + suffix;
        Tenantry owner = app.newAccount(alice);
        app.newAccount(bob);
        assertEquals(201, app.createTenant("pbta-" + suffix, "Alice Works", alice).status());
        assertEquals(201, app.createTenant("pbtb-" + suffix, "Bob Works", bob).status());
        owner.bringIn(Tenantry.host("pbta-" + suffix), bob);

        openBrowser();
        browser.signIn(alice, Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
        browser.driver().get(browser.address("pbta-" + suffix, "/settings.xhtml"));
        browser.waitFor(By.id("ownership:transfer"));
        browser.find(By.id("ownership:transfer")).click();
        browser.waitForText(By.id("messages"), bob + " owns 1 tenants already");
        browser.screenshot("plans-transfer-refused-en");
        assertEquals(alice, app.get(Tenantry.host("public"), "/api/tenants/pbta-" + suffix).json().asJsonObject()
                .getString("owner"));
    }

    @Test
    void theInvitationPageRefusesToJoinATenantWhosePlanWasLoweredBelowItsMembers() {
        String owner = "pbj-" + suffix;
        String joiner = "pbjx-" + suffix;
        String plan = "Shrunk " + suffix;
        Tenantry.Reply added = app.post(Tenantry.host("public"), "/api/admin/plans", "{\"name\":\"" + plan
                + "\",\"priceCents\":0,\"maxMembers\":3}");
        long planId = added.json().asJsonObject().getJsonNumber("id").longValue();
        Tenantry founder = app.newAccount(owner);
        app.newAccount(joiner);
        assertEquals(201, app.createTenant("pbj-" + suffix, "Shrunk Works", owner).status());
        assertEquals(200, app.onPublic("PUT", "/api/tenants/pbj-" + suffix, "{\"plan\":\"" + plan + "\"}").status());
        assertEquals(201, founder.post(Tenantry.host("pbj-" + suffix), "/api/invitations",
                "{\"emails\":[\"" + joiner + "@example.com\"]}").status());
        String token = io.tenantry.testing.TestMail.awaitMailTo(joiner + "@example.com").token();
        assertEquals(200, app.put(Tenantry.host("public"), "/api/admin/plans/" + planId, "{\"name\":\"" + plan
                + "\",\"priceCents\":0,\"maxMembers\":1,\"active\":true}").status());

        openBrowser();
        browser.signIn(joiner, Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
        browser.driver().get(browser.address("public", "/accept-invitation.xhtml?token=" + token));
        browser.waitFor(By.id("join:submit"));
        browser.find(By.id("join:submit")).click();
        browser.waitForText(By.id("messages"), "which allows 1 members and pending invitations together");
        browser.screenshot("plans-join-refused-en");
        assertEquals(1, founder.get(Tenantry.host("pbj-" + suffix), "/api/settings/plan").json().asJsonObject()
                .getInt("members"), "nothing joined");
    }

    private void openEditor() {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(driver -> {
                    driver.findElement(By.cssSelector("[id$=':editPaidUntil']")).click();
                    return true;
                });
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("paidForm:paidUntil_input")));
    }

    private JsonObject tenant(String label) {
        return app.get(Tenantry.host("public"), "/api/tenants/" + label).json().asJsonObject();
    }
}
