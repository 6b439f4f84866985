package io.tenantry.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import io.tenantry.accounts.Secrets;
import jakarta.json.Json;
import jakarta.json.JsonValue;

/**
 * The application under test, reached over HTTP the way browsers reach it: by host name. The
 * connection always goes to the test server; the Host header chooses the tenant. Each instance
 * calls as one caller: {@link #awaitReady()} answers one calling as the super-user (with an API
 * token, so that tests do not pay for a PBKDF2 check per request); {@link #anonymous()},
 * {@link #basic} and {@link #bearer} answer others.
 */
public final class Tenantry {

    public static final String DOMAIN = "tenantry.test";
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-secret";
    /** The scrapers' METRICS_TOKEN of every server the tests start . */
    public static final String METRICS_TOKEN = "test-metrics-token-0123456789";

    /**
     * How long a request may take: a server just started answered its first requests in more than
     * 30 s on a machine loaded forty times over (then checking the super-user's password at the
     * production cost, before {@link #PASSWORD_ITERATIONS}).
     */
    private static final Duration REQUEST_PATIENCE = Duration.ofSeconds(120);

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private static final Map<URI, String> ADMIN_TOKENS = new ConcurrentHashMap<>();
    /**
     * The stored hash of {@link #PASSWORD_OF_NEW_ACCOUNTS} that {@link #newAccount} writes: the run's
     * first account's, made by the server, done again with {@link #FIXTURE_HASH_ROUNDS} rounds.
     */
    private static final AtomicReference<String> FIXTURE_PASSWORD_HASH = new AtomicReference<>();
    /**
     * The PBKDF2 rounds of the tests' accounts' stored hashes: a hash names its own rounds, so each
     * sign-in of these accounts checks the password with the server's own code, in milliseconds
     * instead of 0.5–1.5 s of the server's CPU at the production cost. Accounts the server makes
     * (the API, registration, a new password) have the cost PASSWORD_ITERATIONS sets, which
     * {@code SignInIT} checks: {@link #PASSWORD_ITERATIONS} on the tests' servers.
     */
    static final int FIXTURE_HASH_ROUNDS = 1024;
    /**
     * PASSWORD_ITERATIONS of every server the tests start (arquillian.xml, {@link PayaraProcess}): the
     * least Tenantry takes, so that the super-user's password, made by the server, and those of
     * accounts made through the API cost milliseconds to check, not a large part of the run's CPU.
     */
    public static final int PASSWORD_ITERATIONS = 1024;

    /**
     * TENANTS_READY_SCHEMAS of every server the tests start (arquillian.xml, {@link PayaraProcess}):
     * a few, so that each start builds little and the suite's bursts of creations take both ways, a
     * ready schema renamed and a schema built at once.
     */
    public static final int READY_SCHEMAS = 3;
    /** The API token of each account {@link #newAccount} made, by user name: it accepts invitations without a PBKDF2 check. */
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    /**
     * One lock per address that {@link #bringIn} invites: classes running at once invite the same
     * address (the super-user's), and each must accept the link of its own invitation.
     */
    private static final Map<String, Object> INVITING = new ConcurrentHashMap<>();

    private final URI server;
    private final String domain;
    private final String authorization;
    private final String language;

    public Tenantry(URL deploymentUrl) {
        this(deploymentUrl, DOMAIN);
    }

    /** A server whose TENANTS_DOMAIN is not the tests' usual one. */
    public Tenantry(URL deploymentUrl, String domain) {
        this(URI.create("http://localhost:" + URI.create(deploymentUrl.toString()).getPort()), domain, null, null);
    }

    private Tenantry(URI server, String domain, String authorization, String language) {
        this.server = server;
        this.domain = domain;
        this.authorization = authorization;
        this.language = language;
    }

    public Tenantry anonymous() {
        return new Tenantry(server, domain, null, language);
    }

    public Tenantry basic(String username, String password) {
        return new Tenantry(server, domain, "Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(StandardCharsets.UTF_8)), language);
    }

    public Tenantry bearer(String token) {
        return new Tenantry(server, domain, "Bearer " + token, language);
    }

    /** The same caller, on another server (another instance sharing the database). */
    public Tenantry on(Tenantry other) {
        return new Tenantry(other.server, other.domain, authorization, language);
    }

    /** The same caller, asking for answers in a language (Accept-Language). */
    public Tenantry inLanguage(String languageTag) {
        return new Tenantry(server, domain, authorization, languageTag);
    }

    /** A new API token of the account, made through the API with its password. */
    public String tokenOf(String username, String password) {
        Reply reply = basic(username, password).post(hostOf("public"), "/api/me/tokens", "{\"name\":\"tests\"}");
        if (reply.status() != 201) {
            throw new AssertionError("Could not create a token for " + username + ": " + reply);
        }
        return reply.json().asJsonObject().getString("token");
    }

    /**
     * A new account with {@link #PASSWORD_OF_NEW_ACCOUNTS}, and a client calling as it with an API
     * token. The run's first is made as the super-user makes one ({@code POST /api/accounts}, then a
     * token with the password); later ones are written to the database as that made them, with its
     * stored password hash at {@link #FIXTURE_HASH_ROUNDS} rounds and a token of their own: each PBKDF2
     * hash or check at the production cost takes the server 0.5–1.5 s of CPU, and the tests' hundreds
     * of accounts and sign-ins made that a large part of a run's work.
     * Making accounts through the API is tested where it is the point ({@code AccessMatrixIT}'s public
     * host, {@code ApiShapesIT}, {@code OpenApiIT}).
     */
    public Tenantry newAccount(String username) {
        String hash = FIXTURE_PASSWORD_HASH.get();
        if (hash == null) {
            return newAccountThroughTheApi(username);
        }
        String secret = "tnt_" + Secrets.random();
        try (Connection db = TestDatabase.connect();
             PreparedStatement account = db.prepareStatement("INSERT INTO public.account (username, email, "
                     + "password_hash) VALUES (?, ?, ?) RETURNING id");
             // The account's first token, number 1 of its own count, as ApiTokens makes it.
             PreparedStatement token = db.prepareStatement("WITH counted AS (INSERT INTO public.api_token_counter "
                     + "(account_id, last) VALUES (?, 1) RETURNING account_id, last) INSERT INTO public.api_token "
                     + "(account_id, number, name, token_hash) SELECT account_id, last, 'tests', ? FROM counted")) {
            account.setString(1, username);
            account.setString(2, emailOf(username));
            account.setString(3, hash);
            try (ResultSet made = account.executeQuery()) {
                made.next();
                token.setLong(1, made.getLong(1));
            }
            token.setBytes(2, Secrets.digest(secret));
            token.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError("Could not create account " + username, e);
        }
        TOKENS.put(username, secret);
        return bearer(secret);
    }

    /**
     * A new account made as the super-user makes one ({@code POST /api/accounts}), then a token with
     * the password: for tests of what that does (such as its entry in the audit trail); costs PBKDF2 twice.
     */
    public Tenantry newAccountThroughTheApi(String username) {
        Reply reply = post(hostOf("public"), "/api/accounts", "{\"username\":\"" + username + "\",\"email\":\""
                + username + "@example.com\",\"password\":\"" + PASSWORD_OF_NEW_ACCOUNTS + "\"}");
        if (reply.status() != 201) {
            throw new AssertionError("Could not create account " + username + ": " + reply);
        }
        String secret = tokenOf(username, PASSWORD_OF_NEW_ACCOUNTS);
        try (Connection db = TestDatabase.connect();
             PreparedStatement select = db.prepareStatement("SELECT password_hash FROM public.account WHERE username = ?")) {
            select.setString(1, username);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                FIXTURE_PASSWORD_HASH.compareAndSet(null, withFixtureRounds(row.getString(1), PASSWORD_OF_NEW_ACCOUNTS));
            }
        } catch (SQLException e) {
            throw new AssertionError("Could not read the password hash of " + username, e);
        }
        TOKENS.put(username, secret);
        return bearer(secret);
    }

    public static final String PASSWORD_OF_NEW_ACCOUNTS = "correct horse battery";

    /**
     * The server's stored hash of {@code password} ({@code algorithm:rounds:salt:key}, Base64, as
     * Jakarta Security's Pbkdf2PasswordHash writes it) done again with {@link #FIXTURE_HASH_ROUNDS}
     * rounds: the same algorithm, salt and key length.
     */
    static String withFixtureRounds(String stored, String password) {
        return withRounds(stored, password, FIXTURE_HASH_ROUNDS);
    }

    /** The server's stored hash of {@code password}, as above, done again with {@code rounds} rounds. */
    public static String withRounds(String stored, String password, int rounds) {
        String[] parts = stored.split(":");
        if (parts.length != 4) {
            throw new AssertionError("Not algorithm:rounds:salt:key: " + stored);
        }
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        int keyBits = Base64.getDecoder().decode(parts[3]).length * 8;
        try {
            byte[] key = SecretKeyFactory.getInstance(parts[0]).generateSecret(new PBEKeySpec(password.toCharArray(),
                    salt, rounds, keyBits)).getEncoded();
            return String.join(":", parts[0], Integer.toString(rounds), parts[2],
                    Base64.getEncoder().encodeToString(key));
        } catch (GeneralSecurityException e) {
            throw new AssertionError("Could not hash with " + parts[0], e);
        }
    }

    /** The address of an account the tests made ({@link #newAccount}), or of the super-user (ADMIN_EMAIL as the tests set it). */
    public static String emailOf(String username) {
        return ADMIN.equals(username) ? "admin@" + DOMAIN : username + "@example.com";
    }

    /**
     * Brings an account into a tenant the only way there is: this caller invites the account's
     * address, and the account accepts the mailed link with its password. Tests invite the same
     * addresses (the super-user's) again and again, so the address's count of invitation mails is
     * cleared first: the per-recipient limit has tests of its own.
     */
    public void bringIn(String host, String username) {
        synchronized (INVITING.computeIfAbsent(emailOf(username), address -> new Object())) {
            String email = emailOf(username);
            try (Connection db = TestDatabase.connect(); PreparedStatement clear = db.prepareStatement(
                    "DELETE FROM public.invitation_mail WHERE email = ?")) {
                clear.setString(1, email);
                clear.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            TestMail.Received invitation = TestMail.nextMailTo(email, "/accept-invitation.xhtml?token=", () -> {
                Reply invited = post(host, "/api/invitations", "{\"emails\":[\"" + email + "\"]}");
                if (invited.status() != 201) {
                    throw new AssertionError("Could not invite " + email + " to " + host + ": " + invited);
                }
            });
            Tenantry invited = TOKENS.containsKey(username) ? bearer(TOKENS.get(username))
                    : basic(username, ADMIN.equals(username) ? ADMIN_PASSWORD : PASSWORD_OF_NEW_ACCOUNTS);
            Reply joined = invited.post(hostOf("public"), "/api/me/invitations", "{\"token\":\"" + invitation.token() + "\"}");
            if (joined.status() != 200) {
                throw new AssertionError(username + " could not accept the invitation to " + host + ": " + joined);
            }
        }
    }

    /** What this client sends as its Authorization header, for requests made without it. */
    public String authorizationHeader() {
        return authorization;
    }

    /** The host name of a tenant on this server's domain. */
    public String hostOf(String label) {
        return label + "." + domain;
    }

    public URI server() {
        return server;
    }

    public static String host(String label) {
        return label + "." + DOMAIN;
    }

    /** Waits until the database is prepared, and answers a client calling as the super-user. */
    public Tenantry awaitReady() {
        awaitHealth();
        return bearer(ADMIN_TOKENS.computeIfAbsent(server, s -> tokenOf(ADMIN, ADMIN_PASSWORD)));
    }

    /**
     * Where the server answers MicroProfile Health's readiness: on its own port (Payara Micro), or where
     * {@code tenantry.test.health} says (WildFly answers it on the management interface, mvn -Pwildfly).
     */
    private URI health() {
        String elsewhere = System.getProperty("tenantry.test.health");
        return elsewhere == null ? server.resolve("/health/ready") : URI.create(elsewhere);
    }

    private void awaitHealth() {
        // A start on a machine whose cores are shared (CI, parallel builds), while the run's other servers
        // start too, took up to 220 s.
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (send(HttpRequest.newBuilder(health()).GET()).status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notListeningYet) {
                // Payara Micro is still starting
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("Tenantry did not become ready in 300 s");
    }

    /**
     * The platform's audit entry of {@code action} on {@code subject} by {@code actor}, newest first, as
     * this client (a super-user) reads it; fails the test when there is none.
     */
    public jakarta.json.JsonObject platformEntry(String actor, String action, String subject) {
        Reply trail = get(host("public"), "/api/audit/platform?limit=500&actor=" + actor + "&action=" + action);
        if (trail.status() != 200) {
            throw new AssertionError("the platform's trail: " + trail);
        }
        return trail.json().asJsonObject().getJsonArray("items").getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(entry -> entry.getString("action").equals(action) && entry.getString("subject").equals(subject))
                .findFirst().orElseThrow(() -> new AssertionError("no " + action + " of " + subject + " by " + actor
                        + " in " + trail.body()));
    }

    public Reply get(String host, String path) {
        return send(request(host, path).GET());
    }

    /** The id of the group named {@code name} in the tenant of {@code host}, as this caller (who manages its groups) lists them. */
    public long groupId(String host, String name) {
        return get(host, "/api/groups").json().asJsonObject().getJsonArray("items").stream().map(group -> group.asJsonObject())
                .filter(group -> group.getString("name").equals(name)).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
    }

    /** A page, as a browser asks for it; redirects are not followed. */
    public Reply page(String host, String path) {
        return send(authorized(HttpRequest.newBuilder(server.resolve(path)).header("Host", host)
                .header("Accept", "text/html").timeout(REQUEST_PATIENCE).GET()));
    }

    public Reply delete(String host, String path) {
        return send(request(host, path).DELETE());
    }

    /** The first value of the header {@code name} on the answer to a GET of {@code path} (JSON accepted); empty without one. */
    public Optional<String> header(String host, String path, String name) {
        try {
            return HTTP.send(request(host, path).GET().build(), HttpResponse.BodyHandlers.discarding()).headers()
                    .firstValue(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply post(String host, String path, String json) {
        return send(request(host, path).POST(body(json)).header("Content-Type", "application/json"));
    }

    /** A body of another type than JSON, such as a JUnit XML report. */
    public Reply post(String host, String path, String contentType, String body) {
        return send(request(host, path).POST(body(body)).header("Content-Type", contentType));
    }

    /** Bytes of any type, such as a file to attach or an archive to import. */
    public Reply post(String host, String path, String contentType, byte[] body) {
        return send(request(host, path).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType));
    }

    public Reply put(String host, String path, String contentType, byte[] body) {
        return send(request(host, path).PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType));
    }

    /** A body sent in chunks, with no declared length, as a client streaming it does. */
    public Reply putStreamed(String host, String path, String contentType, Supplier<InputStream> body) {
        return send(request(host, path).PUT(HttpRequest.BodyPublishers.ofInputStream(body))
                .header("Content-Type", contentType));
    }

    /** A binary answer (a download, an archive) with its headers. */
    public Download download(String host, String path) {
        try {
            HttpResponse<byte[]> response = HTTP.send(authorized(HttpRequest.newBuilder(server.resolve(path))
                    .header("Host", host).timeout(Duration.ofSeconds(60)).GET()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * As {@link #download}, but given up after {@code wait}: empty when no answer came by then (the
     * request may still be waiting on the server, as one held behind a lock does).
     */
    public java.util.Optional<Download> downloadWithin(String host, String path, Duration wait) {
        try {
            HttpResponse<byte[]> response = HTTP.send(authorized(HttpRequest.newBuilder(server.resolve(path))
                    .header("Host", host).timeout(wait).GET()).build(), HttpResponse.BodyHandlers.ofByteArray());
            return java.util.Optional.of(new Download(response.statusCode(), response.body(), response.headers().map()));
        } catch (java.net.http.HttpTimeoutException e) {
            return java.util.Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A binary answer; {@link #header} gives the first value of a header. */
    public record Download(int status, byte[] body, Map<String, List<String>> headers) {
        public String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .map(h -> h.getValue().get(0)).findFirst().orElse("");
        }
    }

    public Reply put(String host, String path, String json) {
        return send(request(host, path).PUT(body(json)).header("Content-Type", "application/json"));
    }

    /** Any method, on the public host. */
    public Reply onPublic(String method, String path, String json) {
        HttpRequest.Builder request = request(hostOf("public"), path);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : body(json)));
    }

    public Reply createTenant(String label, String name) {
        return onPublic("POST", "/api/tenants", "{\"label\":\"" + label + "\",\"name\":\"" + name + "\"}");
    }

    /** A tenant owned by the account with this user name (the caller must be a super-user). */
    public Reply createTenant(String label, String name, String owner) {
        return onPublic("POST", "/api/tenants", "{\"label\":\"" + label + "\",\"name\":\"" + name
                + "\",\"owner\":\"" + owner + "\"}");
    }

    /**
     * A page asked for by a path sent exactly as given (dot segments, path parameters and escapes
     * kept), as a hand-written request would, not the normalised one a browser sends.
     */
    public Reply pageAtRawPath(String host, String rawPath) {
        return send(authorized(HttpRequest.newBuilder(URI.create(server + rawPath)).header("Host", host)
                .header("Accept", "text/html").timeout(REQUEST_PATIENCE).GET()));
    }

    public Reply sendRaw(String hostHeader, String path) {
        return send(authorized(HttpRequest.newBuilder(server.resolve(path)).header("Host", hostHeader).GET()));
    }

    private HttpRequest.Builder request(String host, String path) {
        return authorized(HttpRequest.newBuilder(server.resolve(path)).header("Host", host)
                .header("Accept", "application/json").timeout(REQUEST_PATIENCE));
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer; {@link #json()} parses the body. */
    public record Reply(int status, String body, String contentType, String location) {

        public JsonValue json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readValue();
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
