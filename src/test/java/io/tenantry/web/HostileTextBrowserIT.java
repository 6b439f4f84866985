package io.tenantry.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import io.tenantry.testing.BrowsedTenantry;
import io.tenantry.testing.SharedState;
import io.tenantry.testing.Tenantry;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * Text a stranger controls never runs as script: a value that breaks out of a script, an attribute
 * and markup (and carries U+2028/U+2029, which end a line in older JavaScript) is written through
 * the API into every user-editable field, then every page that shows it is opened in Chromium.
 * Each page must show the value as text, run none of it ({@code window.__xss} stays unset), report
 * no Content-Security-Policy violation (so the pages' own scripts run under the policy), and answer
 * with a nonce policy, a Referrer-Policy and no server banner. Screens go to target/screenshots.
 */
@ResourceLock(value = SharedState.PLATFORM_CATALOG, mode = ResourceAccessMode.READ)
class HostileTextBrowserIT extends BrowsedTenantry {

    /** Sets the flag wherever it is written unescaped into a script, an attribute or markup. */
    private static final String ATTACK = "\u2028</script><script>window.__xss=1</script>\"'>\u2029"
            + "<img src=x onerror=window.__xss=1>";

    /** The same for fields of at most 50 characters (tags, navigation text, group names). */
    private static final String SHORT_ATTACK = "\u2028</script>\u2029<img src=x onerror=window.__xss=1>";

    /** For names that travel in mail, which stay on one line (no U+2028, U+2029): the rest of the attack. */
    private static final String ONE_LINE_ATTACK = ATTACK.replace("\u2028", "").replace("\u2029", "");

    /** The same, short. */
    private static final String SHORT_ONE_LINE_ATTACK = SHORT_ATTACK.replace("\u2028", "").replace("\u2029", "");

    /** Records every CSP violation from the first moment of each page, before its own scripts. */
    private static final String WATCH_VIOLATIONS = "window.__violations = [];"
            + "document.addEventListener('securitypolicyviolation', function (e) {"
            + " window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':'"
            + " + e.lineNumber); });";

    /** The page as text: markup without scripts, and what form fields hold. */
    private static final String SHOWN_TEXT = "var copy = document.documentElement.cloneNode(true);"
            + "copy.querySelectorAll('script').forEach(function (s) { s.remove(); });"
            + "var text = copy.textContent;"
            + "document.querySelectorAll('input, textarea').forEach(function (e) { text += '\\n' + e.value; });"
            + "return text;";

    private static final String OTHER_PRODUCT = "Second product";

    private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=_-]+)'");

    /** A field's value and a page that shows it. */
    private record Shown(String field, String host, String path, String text) {
    }

    /** A request for something that is not a page. */
    private record Answer(Tenantry caller, String host, String path) {
    }

    private final List<Shown> table = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final Set<String> nonces = new HashSet<>();

    @Test
    void noUserTextRunsAsScriptOnAnyPage() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String ownerName = "owner-" + suffix;
        // First by label on the platform's tenant table (its first page of 20 is what the visit reads),
        // whatever tenants the run's other classes made in the shared database before this one.
        String label = "aa-hostile-" + suffix;
        String tenant = Tenantry.host(label);
        String pub = Tenantry.host("public");

        String displayName = "D1" + ONE_LINE_ATTACK;
        assertEquals(201, app.post(pub, "/api/accounts", json(Json.createObjectBuilder().add("username", ownerName)
                .add("email", ownerName + "@example.com").add("displayName", displayName)
                .add("password", Tenantry.PASSWORD_OF_NEW_ACCOUNTS))).status());
        Tenantry owner = app.bearer(app.tokenOf(ownerName, Tenantry.PASSWORD_OF_NEW_ACCOUNTS));
        String tokenName = "K1" + ATTACK;
        assertEquals(201, app.basic(ownerName, Tenantry.PASSWORD_OF_NEW_ACCOUNTS).post(pub, "/api/me/tokens",
                json(Json.createObjectBuilder().add("name", tokenName))).status(), "a new token takes the password");
        assertEquals(201, app.createTenant(label, "Plain", ownerName).status());

        String tenantName = "N1" + ONE_LINE_ATTACK;
        String organization = "O1" + ONE_LINE_ATTACK;
        String navText = "V1" + SHORT_ONE_LINE_ATTACK;
        assertEquals(200, owner.put(tenant, "/api/settings", json(Json.createObjectBuilder().add("name", tenantName)
                .add("organization", organization).add("publiclyReadable", false).add("navText", navText)))
                .status());

        String productName = "P1" + ATTACK;
        String productDescription = "P2" + ATTACK;
        long product = created(owner.post(tenant, "/api/products", json(Json.createObjectBuilder()
                .add("name", productName).add("description", productDescription))));
        String version = "P3" + ATTACK;
        owner.post(tenant, "/api/products/" + product + "/versions", json(Json.createObjectBuilder()
                .add("value", version)));
        // A second product, to switch to on the dashboard: its list sends the form from a script file.
        created(owner.post(tenant, "/api/products", "{\"name\":\"" + OTHER_PRODUCT + "\"}"));
        String buildName = "B1" + ATTACK;
        created(owner.post(tenant, "/api/products/" + product + "/builds", json(Json.createObjectBuilder()
                .add("name", buildName))));

        String summary = "C1" + ATTACK;
        String preconditions = "C2" + ATTACK;
        String steps = "C3" + ATTACK;
        String expected = "C4" + ATTACK;
        String category = "C5" + ATTACK;
        String tag = "C6" + SHORT_ATTACK;
        JsonObject caseJson = owner.post(tenant, "/api/cases", json(Json.createObjectBuilder().add("productId", product)
                .add("summary", summary).add("preconditions", preconditions).add("steps", steps)
                .add("expectedResults", expected).add("category", "C0").add("status", "CONFIRMED")
                .add("tags", Json.createArrayBuilder().add(tag)))).json().asJsonObject();
        long caseId = caseJson.getJsonNumber("id").longValue();
        // A change, so that the history shows a hostile value as the new one.
        assertEquals(200, owner.put(tenant, "/api/cases/" + caseId, json(Json.createObjectBuilder()
                .add("productId", product).add("summary", summary).add("preconditions", preconditions)
                .add("steps", steps).add("expectedResults", expected).add("category", category)
                .add("status", "CONFIRMED").add("tags", Json.createArrayBuilder().add(tag))
                .add("rowVersion", caseJson.getInt("rowVersion")))).status());
        String caseComment = "M1" + ATTACK;
        created(owner.post(tenant, "/api/cases/" + caseId + "/comments", json(Json.createObjectBuilder()
                .add("text", caseComment))));
        // The upload's name loses quotes and angle brackets; an entity must still show as typed.
        String fileName = "F1\u2028' onmouseover='window.__xss=1' &lt;\u2029.txt";
        created(owner.post(tenant, "/api/cases/" + caseId + "/attachments?name="
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8), "text/plain", new byte[] {'x'}));

        String planName = "L1" + ATTACK;
        String document = "L2" + ATTACK;
        long plan = created(owner.post(tenant, "/api/plans", json(Json.createObjectBuilder().add("productId", product)
                .add("name", planName).add("document", document))));
        owner.post(tenant, "/api/plans/" + plan + "/cases", "{\"caseIds\":[" + caseId + "]}");
        String runSummary = "R1" + ATTACK;
        long run = created(owner.post(tenant, "/api/runs", json(Json.createObjectBuilder().add("planId", plan)
                .add("summary", runSummary))));
        long execution = owner.get(tenant, "/api/runs/" + run).json().asJsonObject().getJsonArray("executions")
                .getJsonObject(0).getJsonNumber("id").longValue();
        String executionComment = "E1" + ATTACK;
        assertEquals(200, owner.put(tenant, "/api/runs/" + run + "/executions/" + execution, json(Json
                .createObjectBuilder().add("status", "FAILED").add("comment", executionComment))).status());
        String junitClass = "J1" + ATTACK;
        String junitName = "J2" + ATTACK;
        String junitMessage = "J3" + ATTACK;
        assertEquals(200, owner.post(tenant, "/api/runs/" + run + "/junit", "application/xml",
                "<testsuite name=\"s\" tests=\"1\"><testcase classname=\"" + xml(junitClass) + "\" name=\""
                        + xml(junitName) + "\"><failure message=\"" + xml(junitMessage) + "\"/></testcase></testsuite>")
                .status());
        String groupName = "G1" + SHORT_ATTACK;
        created(owner.post(tenant, "/api/groups", json(Json.createObjectBuilder().add("name", groupName))));

        String announcement = "A1" + ATTACK;
        long announcementId = created(app.post(pub, "/api/admin/announcements", json(Json.createObjectBuilder()
                .add("message", announcement).add("severity", "WARNING")
                .add("endsAt", OffsetDateTime.now().plusHours(1).toString()))));
        String subscription = "S1" + ATTACK;
        long subscriptionId = created(app.post(pub, "/api/admin/plans", json(Json.createObjectBuilder()
                .add("name", subscription).add("description", "S2" + ATTACK).add("priceCents", 100)
                .add("currency", "EUR"))));
        try {
            shows(tenant, "/", tenantName, navText, productName, productDescription, version, announcement);
            shows(pub, "/", tenantName, organization);
            shows(tenant, "/settings.xhtml", tenantName, organization, navText);
            shows(tenant, "/plans.xhtml", planName);
            shows(tenant, "/plan.xhtml?id=" + plan, planName, document, summary, buildName);
            shows(tenant, "/cases.xhtml", summary, category, tag, productName, junitClass + "." + junitName);
            shows(tenant, "/case.xhtml?id=" + caseId, summary, preconditions, steps, expected, category, tag,
                    caseComment, fileName);
            shows(tenant, "/runs.xhtml", runSummary);
            shows(tenant, "/run.xhtml?id=" + run, runSummary, summary, executionComment,
                    junitClass + "." + junitName, junitMessage);
            shows(tenant, "/dashboard.xhtml", runSummary, productName);
            shows(tenant, "/members.xhtml", displayName);
            shows(tenant, "/groups.xhtml", groupName);
            shows(tenant, "/no-such-page.xhtml", tenantName);
            shows(pub, "/profile.xhtml", displayName, tokenName);
            visitAll(ownerName, runSummary, table);

            List<Shown> administration = new ArrayList<>();
            for (String text : List.of(announcement, subscription, tenantName)) {
                administration.add(new Shown(field(text), pub, "/admin/", text));
            }
            visitAll(Tenantry.ADMIN, runSummary, administration);
            checkHeaders(owner, table);
            checkHeaders(app, administration);
        } finally {
            app.delete(pub, "/api/admin/announcements/" + announcementId);
            app.delete(pub, "/api/admin/plans/" + subscriptionId);
        }
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
    }

    private void shows(String host, String path, String... texts) {
        for (String text : texts) {
            table.add(new Shown(field(text), host, path, text));
        }
    }

    /** Opens each page of the table once, signed in as this user, and checks every row on it. */
    private void visitAll(String username, String runSummary, List<Shown> rows) {
        openBrowser();
        browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH_VIOLATIONS));
        browser.signIn(username, username.equals(Tenantry.ADMIN) ? Tenantry.ADMIN_PASSWORD
                : Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
        Set<String> entered = new HashSet<>();
        Map<String, List<Shown>> pages = new LinkedHashMap<>();
        rows.forEach(row -> pages.computeIfAbsent(row.host() + row.path(), page -> new ArrayList<>()).add(row));
        for (List<Shown> onPage : pages.values()) {
            Shown first = onPage.get(0);
            String label = first.host().substring(0, first.host().indexOf('.'));
            String address = browser.address(label, first.path());
            if (entered.add(label) && !label.equals("public")) {
                browser.driver().get(browser.address("public", "/go/" + label));
                browser.waitFor(By.id("profile-link"));
            }
            browser.driver().get(address);
            settle();
            browser.screenshot("hostile-" + (label.equals("public") ? "public" : "tenant")
                    + first.path().replaceAll("[^a-z]+", "-"));
            String shown = (String) browser.driver().executeScript(SHOWN_TEXT);
            for (Shown row : onPage) {
                if (!shown.contains(row.text())) {
                    failures.add(address + ": " + row.field() + " is not shown as text");
                }
            }
            Object flag = browser.driver().executeScript("return window.__xss;");
            if (flag != null) {
                failures.add(address + ": the page ran injected script (window.__xss = " + flag + ")");
            }
            Object violations = browser.driver().executeScript("return window.__violations;");
            if (!(violations instanceof List<?> list)) {
                failures.add(address + ": the watch for Content-Security-Policy violations did not run");
            } else if (!list.isEmpty()) {
                failures.add(address + ": Content-Security-Policy violations " + list);
            }
            if (first.path().startsWith("/dashboard")) {
                Object label0 = browser.driver().executeScript("var c = document.querySelector('#pass-rate canvas');"
                        + "return c && window.Chart && Chart.getChart(c) ? Chart.getChart(c).data.labels[0] : null;");
                if (!runSummary.equals(label0)) {
                    failures.add(address + ": the pass-rate chart is not drawn with the run's summary as its label"
                            + " (found " + label0 + ")");
                }
                new Select(browser.find(By.id("product"))).selectByVisibleText(OTHER_PRODUCT);
                browser.waitFor(By.id("no-runs"));
            }
        }
        closeBrowser();
    }

    /** Every page of the table, asked for over HTTP: a nonce policy of its own, and the other headers. */
    private void checkHeaders(Tenantry caller, List<Shown> rows) {
        rows.stream().map(row -> row.host() + "\n" + row.path()).distinct().forEach(page -> {
            String host = page.substring(0, page.indexOf('\n'));
            String path = page.substring(page.indexOf('\n') + 1);
            Tenantry.Download answer = caller.download(host, path);
            String where = host + path + " (" + answer.status() + ")";
            String policy = answer.header("Content-Security-Policy");
            Matcher nonce = NONCE.matcher(policy);
            if (!nonce.find() || !policy.contains("script-src") || policy.matches(".*script-src[^;]*'unsafe-.*")) {
                failures.add(where + ": no script-src nonce policy, Content-Security-Policy: " + policy);
            } else {
                if (!nonces.add(nonce.group(1))) {
                    failures.add(where + ": a nonce used before, " + nonce.group(1));
                }
                if (!new String(answer.body(), StandardCharsets.UTF_8).contains("nonce=\"" + nonce.group(1) + "\"")) {
                    failures.add(where + ": the page's scripts do not carry the policy's nonce");
                }
                if (!policy.contains("frame-ancestors 'none'")) {
                    failures.add(where + ": may be framed, Content-Security-Policy: " + policy);
                }
            }
            checkEveryAnswersHeaders(where, answer);
        });
    }

    @Test
    void everyAnswerThatIsNotAPageLetsNothingLoadOrRun() {
        String label = "plain-" + UUID.randomUUID().toString().substring(0, 8);
        String host = Tenantry.host(label);
        assertEquals(201, app.createTenant(label, "Plain").status());
        long product = created(app.post(host, "/api/products", "{\"name\":\"P\"}"));
        long caseId = created(app.post(host, "/api/cases", "{\"productId\":" + product + ",\"summary\":\"S\"}"));
        long attachment = created(app.post(host, "/api/cases/" + caseId + "/attachments?name=page.html", "text/html",
                "<script>window.__xss=1</script>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(204, app.put(host, "/api/settings/logo", "image/png", Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")).status());
        // JSON, a problem document, an uploaded page, the logo, a script file, and a refusal of Jakarta
        // Security, written before any filter. (An unknown host's 404 is the branded refusal page, a
        // page of ours: RefusalPagesIT.)
        Tenantry stranger = app.bearer("no-such-token");
        List<Answer> answers = List.of(new Answer(app, host, "/api/products"),
                new Answer(app, host, "/api/products/999999999"), new Answer(app, host, "/api/attachments/" + attachment),
                new Answer(app, host, "/logo"), new Answer(app, host, "/jakarta.faces.resource/tenantry/run.js.xhtml"),
                new Answer(stranger, host, "/api/products"));
        for (Answer asked : answers) {
            Tenantry.Download answer = asked.caller().download(asked.host(), asked.path());
            String where = asked.host() + asked.path() + " (" + answer.status() + ")";
            String policy = answer.header("Content-Security-Policy");
            if (!policy.contains("default-src 'none'") || !policy.contains("frame-ancestors 'none'")
                    || policy.contains("script-src") || policy.contains("nonce")) {
                failures.add(where + ": not the policy that lets nothing run, Content-Security-Policy: " + policy);
            }
            checkEveryAnswersHeaders(where, answer);
        }
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
    }

    private void checkEveryAnswersHeaders(String where, Tenantry.Download answer) {
        expectHeader(where, answer, "Referrer-Policy", "same-origin");
        expectHeader(where, answer, "X-Content-Type-Options", "nosniff");
        for (String banner : List.of("Server", "X-Powered-By")) {
            if (answer.headers().keySet().stream().anyMatch(banner::equalsIgnoreCase)) {
                failures.add(where + ": sends " + banner + ": " + answer.header(banner));
            }
        }
    }

    private void expectHeader(String where, Tenantry.Download answer, String name, String value) {
        if (!value.equals(answer.header(name))) {
            failures.add(where + ": " + name + " is '" + answer.header(name) + "', not '" + value + "'");
        }
    }

    /** Lets an image's error handler or a late script run before the flag is read. */
    private void settle() {
        browser.driver().executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "if (document.readyState === 'complete') { setTimeout(done, 300); }"
                + "else { window.addEventListener('load', function () { setTimeout(done, 300); }); }");
    }

    private static String field(String text) {
        return "the field marked " + text.substring(0, 2);
    }

    /** The id of what was made: the end of its Location, else the id in the answer. */
    private static long created(Tenantry.Reply reply) {
        assertEquals(201, reply.status(), reply.toString());
        return reply.location().isEmpty() ? reply.json().asJsonObject().getJsonNumber("id").longValue()
                : Long.parseLong(reply.location().substring(reply.location().lastIndexOf('/') + 1));
    }

    private static String json(JsonObjectBuilder object) {
        return object.build().toString();
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
