package io.tenantry.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** What a change's values look like in the trail: small JSON, NUL-free, cut when long. */
class AuditValuesTest {

    @Test
    void valuesKeepTheirKindAndAnEmptyOptionalIsNull() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", "Acme");
        values.put("publiclyReadable", true);
        values.put("files", 3);
        values.put("paidUntil", Optional.empty());
        values.put("owner", Optional.of("jane"));
        values.put("at", Instant.parse("2026-12-01T10:00:00Z"));
        values.put("permissions", List.of("case.view"));
        values.put("rows", Map.of("product", 2));
        assertEquals("{\"name\":\"Acme\",\"publiclyReadable\":true,\"files\":3,\"paidUntil\":null,\"owner\":\"jane\","
                + "\"at\":\"2026-12-01T10:00:00Z\",\"permissions\":[\"case.view\"],\"rows\":{\"product\":2}}",
                AuditValues.json(values).toString());
    }

    @Test
    void textHoldsNoNulAndIsCutWhenLong() {
        assertEquals("{\"typed\":\"ab\"}", AuditValues.json(Map.of("typed", "a\u0000b")).toString());
        String cut = AuditValues.json(Map.of("text", "x".repeat(2000))).getString("text");
        assertEquals(AuditValues.MAX_TEXT + 1, cut.length());
    }

    @Test
    void theMostTellingChangeNamesTheEntry() {
        assertEquals("tenant.owner", TenantLife.action(Set.of("owner", "paidUntil")));
        assertEquals("tenant.visibility", TenantLife.action(Set.of("publiclyReadable", "name")));
        assertEquals("tenant.paid-until", TenantLife.action(Set.of("paidUntil")));
        assertEquals("tenant.settings", TenantLife.action(Set.of("name", "navText")));
    }
}
