package io.tenantry.testing;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A Chromium driven against the deployed Tenantry: addresses on the tests' domain, sign-in, waiting. */
public final class Browser implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final int port;

    private Browser(ChromeDriver driver, int port) {
        this.driver = driver;
        this.port = port;
    }

    public static Browser open(int port) {
        return new Browser(Chromium.start(), port);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public String address(String label, String path) {
        return "http://" + Tenantry.host(label) + ":" + port + path;
    }

    public void signIn(String username, String password) {
        driver.get(address("public", "/signin.xhtml"));
        waitFor(By.id("signin:username"));
        find(By.id("signin:username")).sendKeys(username);
        find(By.id("signin:password")).sendKeys(password + Keys.ENTER);
        waitFor(By.id("profile-link"));
    }

    public WebElement find(By element) {
        return driver.findElement(element);
    }

    public void waitFor(By element) {
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(element));
    }

    public void waitForText(By element, String text) {
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(element, text));
    }

    public void screenshot(String name) {
        Chromium.screenshot(driver, name);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
