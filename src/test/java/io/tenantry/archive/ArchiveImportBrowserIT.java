package io.tenantry.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.tenantry.testing.BrowsedTenantry;
import io.tenantry.testing.Tenantry;

/**
 * The settings page's import form in Chromium: an archive that breaks a rule is refused with the
 * reason on the page and nothing imported; a sound one is imported, and the page names the people
 * it invited.
 */
class ArchiveImportBrowserIT extends BrowsedTenantry {

    @Test
    void theSettingsPageSaysWhyAnArchiveIsRefusedAndWhoASoundOneInvited() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Tenantry owner = app.newAccount("owner-" + suffix);
        Tenantry tester = app.newAccount("tester-" + suffix);
        String source = Workspaces.tenant(app, owner, tester, "src-" + suffix, suffix);
        Workspaces.fill(source, owner, tester, suffix);
        Map<String, byte[]> archive = Archives.entries(owner.download(source, "/api/archive").body());
        Map<String, byte[]> hostile = new LinkedHashMap<>(archive);
        Archives.put(hostile, "tables/product.jsonl",
                Archives.text(archive, "tables/product.jsonl").replaceFirst("\\{", "{\"owner_id\":1,"));
        Path sound = Files.write(Files.createTempFile("sound-", ".zip"), Archives.zip(archive));
        Path refused = Files.write(Files.createTempFile("hostile-", ".zip"), Archives.zip(hostile));
        String label = "bare-" + suffix;
        assertEquals(201, app.createTenant(label, "Bare", "owner-" + suffix).status());

        openBrowser();
        browser.signIn("owner-" + suffix, Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
        browser.driver().get(browser.address("public", "/go/" + label));
        browser.waitFor(By.id("products"));
        browser.driver().get(browser.address(label, "/settings.xhtml"));
        browser.waitFor(By.id("archive:import"));
        browser.find(By.cssSelector("#archive input[type=file]")).sendKeys(refused.toString());
        browser.find(By.id("archive:import")).click();
        browser.waitForText(By.id("messages"), "the table has no column owner_id");
        browser.screenshot("archive-refused");
        assertEquals(0, owner.get(Tenantry.host(label), "/api/products").json().asJsonObject().getInt("total"));

        browser.find(By.cssSelector("#archive input[type=file]")).sendKeys(sound.toString());
        browser.find(By.id("archive:import")).click();
        browser.waitForText(By.id("messages"), "Invited the people who were not members yet: tester-" + suffix);
        browser.screenshot("archive-imported");
        assertEquals(1, owner.get(Tenantry.host(label), "/api/products").json().asJsonObject().getInt("total"));
        closeBrowser();
        Files.delete(sound);
        Files.delete(refused);
    }
}
