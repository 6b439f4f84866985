package io.tenantry.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.tenantry.testing.BrowsedTenantry;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestDatabase;
import io.tenantry.testing.TestMail;

/**
 * The small things that made pages look unfinished, each checked where it occurs, in English and
 * German, with screenshots under target/screenshots/looks-*: dates and times in the reader's
 * language and time zone; PrimeFaces' own texts in German; a refused address named; a used mailed
 * link said at once; the navigation on one row at 1366 px; every column labelled; pending
 * invitations counted apart from members.
 */
@Order(1) // among the longest: started first, so that it does not end the run alone (junit-platform.properties)
class UnfinishedLooksBrowserIT extends BrowsedTenantry {

    private static final String TOKYO = "Asia/Tokyo";

    @Test
    void datesAndTimesAreInTheReadersLanguageAndTimeZone() {
        Tenant tenant = tenant("when");
        String invited = "invited-" + tenant.suffix + "@example.com";
        assertEquals(201, tenant.owner.post(Tenantry.host(tenant.label), "/api/invitations",
                "{\"emails\":[\"" + invited + "\"]}").status());
        Instant sent = instant("SELECT last_sent_at FROM public.invitation WHERE email = ?", invited);

        openBrowser();
        browser.driver().executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", TOKYO));
        browser.signIn(tenant.ownerName, Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
        enter(tenant, "/invitations.xhtml");
        browser.waitFor(By.id("pending"));
        browser.driver().navigate().refresh(); // the first page of a host tells it the browser's time zone
        browser.waitFor(By.id("pending"));
        Locale reader = Locale.forLanguageTag((String) browser.driver().executeScript("return navigator.language"));
        WebElement shown = browser.find(By.cssSelector("#pending .when"));
        assertEquals(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(reader)
                .format(sent.atZone(ZoneId.of(TOKYO))), shown.getText(), "in " + reader + ", Tokyo time");
        assertEquals("nowrap", shown.getCssValue("white-space"));
        browser.screenshot("looks-times-en");

        browser.driver().get(browser.address(tenant.label, "/language?to=de&back=/invitations.xhtml"));
        browser.waitFor(By.id("pending"));
        assertEquals(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Locale.GERMAN).format(sent.atZone(ZoneId.of(TOKYO))),
                browser.find(By.cssSelector("#pending .when")).getText());
        browser.screenshot("looks-times-de");
    }

    @Test
    void primeFacesOwnTextsAreGermanOnGermanPages() {
        Tenant tenant = tenant("deutsch");
        openBrowser();
        browser.signIn(tenant.ownerName, Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
        enter(tenant, "/");
        browser.driver().get(browser.address(tenant.label, "/language?to=de&back=/settings.xhtml"));
        browser.waitFor(By.id("settings:name"));
        String settings = browser.find(By.tagName("body")).getText();
        assertTrue(settings.contains("Bild auswählen") && settings.contains("Archiv wählen"), settings);
        browser.screenshot("looks-uploads-de");
        List<String> english = new ArrayList<>();
        for (String page : List.of("/settings.xhtml", "/", "/plans.xhtml", "/cases.xhtml", "/runs.xhtml",
                "/dashboard.xhtml", "/members.xhtml", "/invitations.xhtml", "/groups.xhtml")) {
            browser.driver().get(browser.address(tenant.label, page));
            browser.waitFor(By.id("messages"));
            english.addAll(primeFacesEnglish(page));
        }
        assertTrue(english.isEmpty(), "PrimeFaces' English defaults on German pages: " + english);
    }

    @Test
    void aRefusedAddressIsNamedAndTheListStaysToBeCorrected() {
        Tenant tenant = tenant("address");
        String good = "good-" + tenant.suffix + "@example.com";
        String bad = "not-an-address-" + tenant.suffix;
        openBrowser();
        browser.signIn(tenant.ownerName, Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
        enter(tenant, "/invitations.xhtml");
        browser.waitFor(By.id("invite:emails"));
        browser.find(By.id("invite:emails")).sendKeys(good + ", " + bad);
        browser.find(By.id("invite:send")).click();
        browser.waitForText(By.id("messages"), bad);
        assertTrue(browser.find(By.id("messages")).getText().contains("\"" + bad + "\" is not an e-mail address"));
        assertEquals(good + ", " + bad, browser.find(By.id("invite:emails")).getAttribute("value"),
                "nothing is lost: the list stays to be corrected");
        assertFalse(browser.find(By.id("pending")).getText().contains(good), "all or nothing: none was sent");
        browser.screenshot("looks-address-invitation-en");

        browser.driver().get(browser.address(tenant.label, "/language?to=de&back=/settings.xhtml"));
        browser.waitFor(By.id("settings:extraEmails"));
        browser.find(By.id("settings:extraEmails")).sendKeys("alerts@example.com; " + bad);
        browser.find(By.id("settings:save")).click();
        browser.waitForText(By.id("messages"), "„" + bad + "“ ist keine E-Mail-Adresse");
        browser.screenshot("looks-address-settings-de");
    }

    @Test
    void aUsedLinkSaysSoAsItsPageOpens() {
        Tenant tenant = tenant("links");
        String email = Tenantry.emailOf(tenant.ownerName);
        openBrowser();
        String link = TestMail.nextMailTo(email, "/reset-password.xhtml?token=", () -> {
            browser.driver().get(browser.address("public", "/forgot-password.xhtml"));
            browser.waitFor(By.id("forgot:email"));
            browser.find(By.id("forgot:email")).sendKeys(email);
            browser.find(By.id("forgot:submit")).click();
            browser.waitFor(By.id("messages"));
        }).link("http://public." + Tenantry.DOMAIN + ":" + port() + "/reset-password");
        browser.driver().get(link);
        browser.waitFor(By.id("reset:password"));
        browser.find(By.id("reset:password")).sendKeys(Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
        browser.find(By.id("reset:confirmation")).sendKeys(Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
        browser.find(By.id("reset:submit")).click();
        browser.waitFor(By.id("messages"));

        browser.driver().get(link);
        browser.waitForText(By.id("refused"), "This link has already been used");
        assertTrue(browser.driver().findElements(By.id("reset:password")).isEmpty(), "no form for a used link");
        browser.screenshot("looks-used-reset-link-en");
        browser.driver().get(browser.address("public", "/language?to=de&back=/"));
        browser.driver().get(link);
        browser.waitForText(By.id("refused"), "bereits verwendet");
        browser.screenshot("looks-used-reset-link-de");

        String invited = "joiner-" + tenant.suffix;
        app.newAccount(invited);
        // The reset revoked the owner's API tokens (the box is ticked by default): Basic, then.
        app.basic(tenant.ownerName, Tenantry.PASSWORD_OF_NEW_ACCOUNTS).bringIn(Tenantry.host(tenant.label), invited);
        String invitation = TestMail.awaitMailTo(Tenantry.emailOf(invited), "/accept-invitation.xhtml?token=")
                .link("http://public." + Tenantry.DOMAIN + ":" + port() + "/accept-invitation");
        closeBrowser();
        openBrowser();
        browser.driver().get(invitation);
        browser.waitForText(By.id("refused"), "This link has already been used");
        assertTrue(browser.driver().findElements(By.id("accept:password")).isEmpty(), "no form for a used invitation");
        browser.screenshot("looks-used-invitation-en");
    }

    @Test
    void theNavigationFitsOneRowAt1366PixelsInBothLanguages() {
        Tenant tenant = tenant("navigation");
        assertEquals(200, tenant.owner.put(Tenantry.host(tenant.label), "/api/settings",
                "{\"name\":\"Quality Assurance Department of the Northern Region\",\"navText\":"
                        + "\"Release 2026.4 · staging environment · read the runbook\"}").status());
        openBrowser();
        browser.driver().manage().window().setSize(new Dimension(1366, 768));
        browser.signIn(tenant.ownerName, Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
        enter(tenant, "/");
        for (String language : List.of("en", "de")) {
            browser.driver().get(browser.address(tenant.label, "/language?to=" + language + "&back=/"));
            browser.waitFor(By.id("settings-link"));
            long width = (Long) browser.driver().executeScript("return window.innerWidth");
            assertTrue(width >= 1350 && width <= 1366, "the window is 1366 px wide: " + width);
            List<WebElement> items = new ArrayList<>(browser.driver().findElements(By.cssSelector(
                    ".topbar .brand-name, .topbar .sections a, .topbar .who a, .topbar .who button")));
            assertTrue(items.size() >= 13, "every section is shown: " + items.size());
            items.sort(java.util.Comparator.comparingInt(item -> item.getRect().getX()));
            int row = items.get(0).getRect().getY() + items.get(0).getRect().getHeight() / 2;
            for (int i = 0; i < items.size(); i++) {
                org.openqa.selenium.Rectangle box = items.get(i).getRect();
                assertTrue(Math.abs(box.getY() + box.getHeight() / 2 - row) < 12,
                        "'" + items.get(i).getText() + "' is on another row (" + language + ")");
                if (i + 1 < items.size()) {
                    assertTrue(box.getX() + box.getWidth() <= items.get(i + 1).getRect().getX() + 1, "'"
                            + items.get(i).getText() + "' overlaps '" + items.get(i + 1).getText() + "' (" + language + ")");
                }
            }
            assertTrue(browser.find(By.cssSelector(".topbar .brand-name")).getRect().getWidth() >= 80,
                    "the tenant's name keeps room to be read (cut with an ellipsis)");
            long overflow = (Long) browser.driver().executeScript(
                    "var bar = document.querySelector('.topbar'); return bar.scrollWidth - bar.clientWidth");
            assertTrue(overflow <= 0, "nothing sticks out of the bar: " + overflow + " px");
            browser.screenshot("looks-navigation-1366-" + language);
        }
    }

    @Test
    void everyColumnIsLabelledAndInvitationsAreNotCountedAsMembers() {
        Tenant tenant = tenant("columns");
        assertEquals(201, tenant.owner.post(Tenantry.host(tenant.label), "/api/invitations",
                "{\"emails\":[\"pending-" + tenant.suffix + "@example.com\"]}").status());
        openBrowser();
        browser.signIn(tenant.ownerName, Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
        browser.driver().get(browser.address("public", "/"));
        browser.waitFor(By.id("my-tenants"));
        for (WebElement header : browser.driver().findElements(By.cssSelector("#my-tenants thead th"))) {
            assertFalse(header.getText().isBlank(), "a column of 'Your tenants' without a label");
        }
        browser.screenshot("looks-your-tenants-en");
        closeBrowser();

        openBrowser();
        browser.signIn(Tenantry.ADMIN, Tenantry.ADMIN_PASSWORD);
        browser.driver().get(browser.address("public", "/admin/"));
        browser.waitFor(By.id("tabs:tenants:table"));
        browser.find(By.id("tabs:tenants:table:globalFilter")).sendKeys(tenant.label);
        // The table is drawn again by each filtering request: read it once it has settled.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .withMessage("the owner alone is a member, the pending invitation is counted apart")
                .until(driver -> driver.findElements(By.cssSelector("[id^='tabs:tenants:table:'][id$=':members']")).size() == 1
                        && driver.findElement(By.id("tabs:tenants:table")).getText().contains(tenant.label)
                        && "1".equals(driver.findElement(By.cssSelector("[id^='tabs:tenants:table:'][id$=':members']")).getText())
                        && "1".equals(driver.findElement(By.cssSelector("[id^='tabs:tenants:table:'][id$=':invitations']")).getText()));
        List<String> headers = new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class).until(driver -> driver.findElements(
                        By.cssSelector("[id='tabs:tenants:table'] thead th")).stream().map(WebElement::getText).toList());
        assertFalse(headers.isEmpty() || headers.stream().anyMatch(String::isBlank),
                "every column of the platform's table has a label: " + headers);
        browser.screenshot("looks-platform-counts-en");
    }

    /** PrimeFaces' English default texts (buttons, empty tables, paginators, pickers) showing on this page. */
    private List<String> primeFacesEnglish(String page) {
        Pattern defaults = Pattern.compile("\\b(Choose|Upload|Cancel|No records found|No results found|Yes|No|Today|"
                + "Clear|Close|Loading|Previous Page|Next Page|First Page|Last Page|Rows Per Page|Select All)\\b");
        List<String> found = new ArrayList<>();
        for (Object text : widgetTexts()) {
            Matcher english = defaults.matcher((String) text);
            if (english.find()) {
                found.add(page + ": " + english.group() + " in '" + ((String) text).lines().findFirst().orElse("") + "'");
            }
        }
        return found;
    }

    /**
     * What every PrimeFaces widget of the page shows or says to assistive technology: its visible text and
     * its aria-label, title and placeholder. Read in one script: asked element by element, a page's hundreds
     * of widgets cost the browser thousands of round trips (this test took three minutes so).
     */
    @SuppressWarnings("unchecked")
    private List<Object> widgetTexts() {
        return (List<Object>) browser.driver().executeScript("return Array.from(document.querySelectorAll(\"[class*='ui-']\"))"
                + ".flatMap(e => [e.innerText, e.getAttribute('aria-label'), e.getAttribute('title'),"
                + " e.getAttribute('placeholder')]).filter(t => t);");
    }

    /** Goes to a page of the tenant through {@code /go/<label>}, which hands the public host's session over. */
    private void enter(Tenant tenant, String page) {
        browser.driver().get(browser.address("public", "/go/" + tenant.label + "?next=" + page));
        browser.waitFor(By.id("messages"));
    }

    /** A tenant of its own with a new owner, who calls the API with a token. */
    private Tenant tenant(String kind) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String owner = kind + "-owner-" + suffix;
        Tenantry ownersClient = app.newAccount(owner);
        String label = kind + "-" + suffix;
        assertEquals(201, app.createTenant(label, "Probe " + kind, owner).status());
        return new Tenant(label, owner, ownersClient, suffix);
    }

    private record Tenant(String label, String ownerName, Tenantry owner, String suffix) {
    }

    private static Instant instant(String query, String parameter) {
        try (Connection db = TestDatabase.connect(); PreparedStatement read = db.prepareStatement(query)) {
            read.setString(1, parameter);
            try (ResultSet row = read.executeQuery()) {
                assertTrue(row.next(), query);
                return row.getTimestamp(1).toInstant();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
