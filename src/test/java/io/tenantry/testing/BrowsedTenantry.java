package io.tenantry.testing;

import org.junit.jupiter.api.AfterEach;

/** Base of the tests that drive the deployed WAR in Chromium: {@link #openBrowser()}, closed after each test. */
public abstract class BrowsedTenantry extends DeployedTenantry {

    protected Browser browser;

    protected Browser openBrowser() {
        closeBrowser();
        browser = Browser.open(port());
        return browser;
    }

    /** A browser whose pages' requests are recorded ({@link Browser#requestsMade()}). */
    protected Browser openBrowserRecordingRequests() {
        closeBrowser();
        browser = Browser.openRecordingRequests(port());
        return browser;
    }

    @AfterEach
    protected void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
