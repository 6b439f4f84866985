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
 * request, 90% reads with a join fetch (one to many, and a plan with its one-to-one document) and
 * 10% writes of foreign keys (a version of a product; a plan of a product with its document, whose
 * key is the plan's). Every answer must come from the right tenant, nothing may hang, and every
 * written foreign key must be in the database. The soak ends when each client has made its share of
 * requests, or after at most {@code LOAD} on a slow machine: its point is the mix at once, not its length.
 */
class ConcurrentTenantsIT extends DeployedTenantry {

    private static final int TENANTS = 20;
    private static final int CLIENTS = 16;
    private static final Duration LOAD = Duration.ofSeconds(20);
    private static final int REQUESTS_PER_CLIENT = 150;

    record Written(String label, long productId, String value) {
    }

    record WrittenPlan(String label, long productId, String name) {
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
            assertEquals(201, app.post(host(label), "/api/plans", planJson(1, label + "/plan")).status());
            labels.add(label);
        }

        Queue<String> wrong = new ConcurrentLinkedQueue<>();
        Queue<Written> written = new ConcurrentLinkedQueue<>();
        Queue<WrittenPlan> plans = new ConcurrentLinkedQueue<>();
        AtomicInteger reads = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long end = System.nanoTime() + LOAD.toNanos();
        AtomicInteger sequence = new AtomicInteger();
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int made = 0; made < REQUESTS_PER_CLIENT && System.nanoTime() < end; made++) {
                    String label = labels.get(random.nextInt(labels.size()));
                    int dice = random.nextInt(20);
                    if (dice == 0) {
                        long productId = 1 + random.nextInt(2);
                        String name = label + "/plan-" + sequence.incrementAndGet();
                        Tenantry.Reply reply = app.post(host(label), "/api/plans", planJson(productId, name));
                        if (reply.status() == 201 && reply.json().asJsonObject().getInt("productId") == productId) {
                            plans.add(new WrittenPlan(label, productId, name));
                        } else {
                            wrong.add(label + " plan write: " + reply);
                        }
                    } else if (dice == 1) {
                        long productId = 1 + random.nextInt(2);
                        String value = "v" + sequence.incrementAndGet();
                        Tenantry.Reply reply = app.post(host(label), "/api/products/" + productId + "/versions",
                                "{\"value\":\"" + value + "\"}");
                        if (reply.status() == 201 && reply.json().asJsonObject().getInt("productId") == productId) {
                            written.add(new Written(label, productId, value));
                        } else {
                            wrong.add(label + " write: " + reply);
                        }
                    } else if (dice < 6) {
                        Tenantry.Reply reply = app.get(host(label), "/api/plans/1");
                        reads.incrementAndGet();
                        if (reply.status() != 200 || !planFrom(label, reply.json().asJsonObject())) {
                            wrong.add(label + " plan read: " + reply);
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
        assertTrue(plans.size() > 10, "too few plans written: " + plans.size());
        assertEveryForeignKeyStored(labels, written);
        assertEveryPlanStoredWithItsDocument(labels, plans);
    }

    private static String planJson(long productId, String name) {
        return "{\"productId\":" + productId + ",\"name\":\"" + name + "\",\"document\":\"" + name + " document\"}";
    }

    private static boolean planFrom(String label, JsonObject plan) {
        return plan.getString("name").equals(label + "/plan") && plan.getString("document").equals(label + "/plan document")
                && plan.getInt("productId") == 1;
    }

    private static void assertEveryPlanStoredWithItsDocument(List<String> labels, Queue<WrittenPlan> plans)
            throws Exception {
        Map<String, String> stored = new HashMap<>();
        try (Connection db = TestDatabase.connect()) {
            for (String label : labels) {
                try (ResultSet rows = db.createStatement().executeQuery("SELECT p.name, p.product_id, d.text FROM \""
                        + label.replace('-', '_') + "\".test_plan p LEFT JOIN \"" + label.replace('-', '_')
                        + "\".plan_document d ON d.plan_id = p.id")) {
                    while (rows.next()) {
                        stored.put(rows.getString(1), rows.getLong(2) + "|" + rows.getString(3));
                    }
                }
            }
        }
        assertEquals(plans.size() + labels.size(), stored.size(), "plans in the tenants' schemas vs. set-up and writes");
        for (WrittenPlan plan : plans) {
            assertEquals(plan.productId() + "|" + plan.name() + " document", stored.get(plan.name()),
                    "product and one-to-one document of " + plan);
        }
    }

    private static boolean onlyFrom(String label, Tenantry.Reply reply) {
        for (JsonValue product : reply.json().asJsonObject().getJsonArray("items")) {
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
