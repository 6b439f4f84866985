package io.tenantry.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.tenantry.testing.PayaraOnly;
import io.tenantry.testing.Chromium;
import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.SharedServer;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestServers;

/** Sign-in and the hand-off to a tenant's host, in a real Chromium driving the real pages. */
@PayaraOnly("TENANTS_DOMAIN=localhost, which Chromium resolves by itself: the run's Payara Micro localhost server (TestServers.localhost)")
class BrowserSignInIT extends DeployedTenantry {

    /** The run's server on localhost: its other settings (such as no registration) play no part here. */
    @RegisterExtension
    static final SharedServer LOCALHOST = TestServers.localhost();

    private ChromeDriver browser;
    private String suffix;

    @BeforeEach
    void openBrowser() {
        browser = Chromium.take();
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            Chromium.giveBack(browser);
        }
    }

    @Test
    void aMemberSignsInOnceAndLandsInTheTenantWhileAStrangerIsTurnedAway() {
        signInOnceAndEnter(app, port(), Tenantry.DOMAIN, "");
    }

    /** The development default: *.localhost, which Chromium resolves to this machine by itself. */
    @Test
    void theSameWorksOnLocalhost() {
        Tenantry local = new Tenantry(LOCALHOST.process().url(), "localhost").awaitReady();
        signInOnceAndEnter(local, LOCALHOST.process().url().getPort(), "localhost", "localhost-");
    }

    private void signInOnceAndEnter(Tenantry tenantry, int port, String domain, String screenshotPrefix) {
        String acme = "acme-" + suffix;
        String member = "jane-" + suffix;
        String stranger = "bob-" + suffix;
        tenantry.newAccount(member);
        tenantry.newAccount(stranger);
        assertEquals(201, tenantry.createTenant(acme, "Acme Rockets").status());
        tenantry.bringIn(tenantry.hostOf(acme), member);
        assertEquals(201, tenantry.post(tenantry.hostOf(acme), "/api/products", "{\"name\":\"Rocket\"}").status());

        browser.get(address(port, domain, acme, "/"));
        waitFor(By.id("signin:username"));
        assertTrue(browser.getCurrentUrl().startsWith(address(port, domain, "public", "/signin.xhtml")), browser.getCurrentUrl());
        Chromium.screenshot(browser, screenshotPrefix + "sign-in");
        signIn(member);

        waitFor(By.id("products"));
        assertEquals(address(port, domain, acme, "/"), browser.getCurrentUrl());
        assertEquals(member, browser.findElement(By.id("profile-link")).getText());
        assertTrue(browser.findElement(By.id("products")).getText().contains("Rocket"));
        Chromium.screenshot(browser, screenshotPrefix + "tenant-home");

        browser.get(address(port, domain, "public", "/profile.xhtml"));
        waitFor(By.id("tokens"));
        browser.findElement(By.id("tokens:tokenName")).sendKeys("laptop");
        browser.findElement(By.id("tokens:password")).sendKeys(Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
        browser.findElement(By.id("tokens:create")).click();
        waitFor(By.id("issued-token"));
        Chromium.screenshot(browser, screenshotPrefix + "profile");

        browser.findElement(By.id("sign-out")).click();
        waitFor(By.id("signin:username"));
        browser.get(address(port, domain, acme, "/"));
        waitFor(By.id("signin:username"));

        signIn(stranger);
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(page -> page.getPageSource().contains("You are not a member of Acme Rockets"));
        assertTrue(browser.getCurrentUrl().startsWith(address(port, domain, "public", "/go/" + acme)),
                "refused on the way, with no session opened on acme's host: " + browser.getCurrentUrl());
        Chromium.screenshot(browser, screenshotPrefix + "forbidden");
    }

    private void signIn(String username) {
        browser.findElement(By.id("signin:username")).sendKeys(username);
        browser.findElement(By.id("signin:password")).sendKeys(Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
        browser.findElement(By.id("signin:submit")).click();
    }

    private void waitFor(By element) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(ExpectedConditions.presenceOfElementLocated(element));
    }

    private static String address(int port, String domain, String label, String path) {
        return "http://" + label + "." + domain + ":" + port + path;
    }
}
