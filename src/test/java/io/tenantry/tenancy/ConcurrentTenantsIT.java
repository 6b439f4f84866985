package io.tenantry.tenancy;

import static io.tenantry.testing.Tenantry.host;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestDatabase;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A short soak (the long one is bench/): many clients on pooled threads, a random tenant per
 * request, 90% reads with a join fetch and 10% writes of a foreign key. Every answer must come from
 * the right tenant, nothing may hang, and every written foreign key must be in the database.
 */
class ConcurrentTenantsIT extends DeployedTenantry {

    private static final int TENANTS = 20;
    private static final int CLIENTS = 16;
    private static final Duration LOAD = Duration.ofSeconds(20);

    record Written(String label, long productId, String value) {
    }

    @Test
    void everyAnswerComesFromTheRightTenantAndEveryForeignKeyIsStored() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < TENANTS; i++) {
            String label = "load-" + run + "-" + i;
            assertEquals(201, app.createTenant(label, "Load " + i).status());
            for (int p = 1; p <= 2; p++) {
                assertEquals(201, app.post(host(label), "/api/products", "{\"name\":\"" + label + "/" + p + "\"}").status());
            }
            labels.add(label);
        }

        Queue<String> wrong = new ConcurrentLinkedQueue<>();
        Queue<Written> written = new ConcurrentLinkedQueue<>();
        AtomicInteger reads = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long end = System.nanoTime() + LOAD.toNanos();
        AtomicInteger sequence = new AtomicInteger();
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    String label = labels.get(random.nextInt(labels.size()));
                    if (random.nextInt(10) == 0) {
                        long productId = 1 + random.nextInt(2);
                        String value = "v" + sequence.incrementAndGet();
                        Tenantry.Reply reply = app.post(host(label), "/api/products/" + productId + "/versions",
                                "{\"value\":\"" + value + "\"}");
                        if (reply.status() == 201 && reply.json().asJsonObject().getInt("productId") == productId) {
                            written.add(new Written(label, productId, value));
                        } else {
                            wrong.add(label + " write: " + reply);
                        }
                    } else {
                        Tenantry.Reply reply = app.get(host(label), "/api/products");
                        reads.incrementAndGet();
                        if (reply.status() != 200 || !onlyFrom(label, reply)) {
                            wrong.add(label + " read: " + reply);
                        }
                    }
                }
                return null;
            });
        }
        clients.shutdown();
        assertTrue(clients.awaitTermination(LOAD.toSeconds() + 60, TimeUnit.SECONDS), "clients hung");

        assertTrue(wrong.isEmpty(), wrong.size() + " wrong answers, e.g. " + wrong.peek());
        assertTrue(reads.get() > 100, "too little load to mean anything: " + reads.get() + " reads");
        assertTrue(written.size() > 10, "too few writes: " + written.size());
        assertEveryForeignKeyStored(labels, written);
    }

    private static boolean onlyFrom(String label, Tenantry.Reply reply) {
        for (JsonValue product : reply.json().asJsonArray()) {
            JsonObject p = product.asJsonObject();
            if (!p.getString("name").startsWith(label + "/")) {
                return false;
            }
            for (JsonValue version : p.getJsonArray("versions")) {
                if (version.asJsonObject().getInt("productId") != p.getInt("id")) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void assertEveryForeignKeyStored(List<String> labels, Queue<Written> written) throws Exception {
        Map<String, Long> stored = new HashMap<>();
        try (Connection db = TestDatabase.connect()) {
            for (String label : labels) {
                try (ResultSet rows = db.createStatement().executeQuery("SELECT value, product_id FROM \""
                        + label.replace('-', '_') + "\".product_version")) {
                    while (rows.next()) {
                        long productId = rows.getLong(2);
                        stored.put(label + "|" + rows.getString(1), rows.wasNull() ? null : productId);
                    }
                }
            }
        }
        assertEquals(written.size(), stored.size(), "rows in the tenants' schemas vs. writes answered 201");
        for (Written w : written) {
            assertEquals(w.productId(), stored.get(w.label() + "|" + w.value()), "foreign key of " + w);
        }
    }
}
