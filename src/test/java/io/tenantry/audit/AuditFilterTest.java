package io.tenantry.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tenantry.platform.BrokenRuleException;

/** The trail's filters: a day outside the years PostgreSQL keeps is bad input (400), never a 500 from the query. */
class AuditFilterTest {

    @Test
    void aDayOutsideTheYearsKeptIsRefusedNamingItsFilter() {
        for (String day : new String[] {"+10000-01-01", "+999999999-12-31", "-5000-01-01", "0000-12-31"}) {
            for (String name : new String[] {"from", "to"}) {
                BrokenRuleException refused = assertThrows(BrokenRuleException.class,
                        () -> AuditFilter.of(Map.of(name, day), false), name + "=" + day);
                assertEquals(Optional.of(name), refused.field());
            }
        }
    }

    @Test
    void theFirstAndLastDaysKeptAreTaken() {
        AuditFilter filter = AuditFilter.of(Map.of("from", "0001-01-01", "to", "9999-12-31"), true);
        assertEquals(Optional.of(LocalDate.of(1, 1, 1)), filter.from());
        assertEquals(LocalDate.of(10000, 1, 1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), filter.toInstant());
    }
}
