package io.tenantry.testing;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/** A Chromium driven against the deployed Tenantry: addresses on the tests' domain, sign-in, waiting. */
public final class Browser implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final int port;
    private final boolean kept;

    private Browser(ChromeDriver driver, int port, boolean kept) {
        this.driver = driver;
        this.port = port;
        this.kept = kept;
    }

    /** A browser with no cookies, perhaps one an earlier test used ({@link Chromium#take()}). */
    public static Browser open(int port) {
        return new Browser(Chromium.take(), port, true);
    }

    /**
     * A new browser that records the requests its pages make, for {@link #requestsMade()}: never one
     * an earlier test used, whose cache would keep requests from being made.
     */
    public static Browser openRecordingRequests(int port) {
        return new Browser(Chromium.start(true), port, false);
    }

    /** A request a page made: the address of the page, the address asked for, and its kind (Document, Script, Fetch…). */
    public record Request(String page, String url, String type) {
    }

    /** The requests made since the last call, from Chromium's performance log (DevTools' Network.requestWillBeSent). */
    public List<Request> requestsMade() {
        List<Request> requests = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try (JsonReader reader = Json.createReader(new StringReader(entry.getMessage()))) {
                JsonObject message = reader.readObject().getJsonObject("message");
                if ("Network.requestWillBeSent".equals(message.getString("method", ""))) {
                    JsonObject params = message.getJsonObject("params");
                    requests.add(new Request(params.getString("documentURL", ""),
                            params.getJsonObject("request").getString("url"), params.getString("type", "")));
                }
            }
        }
        return requests;
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
        new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class).until(ExpectedConditions.presenceOfElementLocated(element));
    }

    public void waitForText(By element, String text) {
        new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class).until(ExpectedConditions.textToBePresentInElementLocated(element, text));
    }

    public void screenshot(String name) {
        Chromium.screenshot(driver, name);
    }

    /** Gives a browser from {@link #open} back for the next test; quits one that records requests. */
    @Override
    public void close() {
        if (kept) {
            Chromium.giveBack(driver);
        } else {
            driver.quit();
        }
    }
}
