package io.tenantry.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TenantsPerConnectionTest {

    private final List<Connection> retired = new ArrayList<>();
    /** The physical connection under each handle, held here as the pool holds its connections. */
    private final Map<Connection, Object> physical = new HashMap<>();
    private final TenantsPerConnection perConnection = TenantsPerConnection.of(Optional.of("3"), new PoolRetirement() {
        @Override
        public Object connectionUnder(Connection handle) {
            return physical.computeIfAbsent(handle, under -> new Object());
        }

        @Override
        public void retire(Connection handle) {
            retired.add(handle);
        }
    });

    @Test
    void aConnectionIsRetiredWhenItHasServedItsCountOfTenantsNotItsCountOfUses() {
        Connection connection = connection();
        for (int use = 0; use < 10; use++) {
            perConnection.serves(connection, new SchemaName("acme"));
            perConnection.serves(connection, new SchemaName("globex"));
        }
        assertTrue(retired.isEmpty(), "20 uses by 2 tenants keep it");
        perConnection.serves(connection, new SchemaName("initech"));
        assertEquals(List.of(connection), retired, "the third tenant is its last");
    }

    @Test
    void eachConnectionCountsItsOwnTenants() {
        Connection first = connection();
        Connection second = connection();
        for (String tenant : List.of("acme", "globex")) {
            perConnection.serves(first, new SchemaName(tenant));
            perConnection.serves(second, new SchemaName(tenant));
        }
        perConnection.serves(second, new SchemaName("initech"));
        assertEquals(List.of(second), retired);
    }

    @Test
    void aLibraryTakingConnectionsItselfHasEachCountedForTheSchemaItWasGiven() throws Exception {
        Connection connection = connection();
        javax.sql.DataSource pool = (javax.sql.DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {javax.sql.DataSource.class}, (proxy, method, arguments) -> connection);
        TenantsPerConnection.apply(perConnection);
        for (String tenant : List.of("acme", "globex", "globex")) {
            assertEquals(connection, TenantsPerConnection.countedFor(pool, new SchemaName(tenant)).getConnection());
        }
        assertTrue(retired.isEmpty(), "two tenants of three");
        TenantsPerConnection.servesSchema(connection, new SchemaName("initech"));
        assertEquals(List.of(connection), retired, "a migration and a creation count on the same connection");
    }

    @Test
    void aHandleWithNoConnectionShownUnderItIsNotCounted() {
        TenantsPerConnection blind = TenantsPerConnection.of(Optional.of("1"), new PoolRetirement() {
            @Override
            public Object connectionUnder(Connection handle) {
                return handle;
            }

            @Override
            public void retire(Connection handle) {
                retired.add(handle);
            }
        });
        blind.serves(connection(), new SchemaName("acme"));
        assertTrue(retired.isEmpty(), "each handout would count as a new connection");
    }

    @Test
    void aPoolThatShowsNoConnectionUnderItsHandleHasNothingCountedAndTheRequestGoesOn() {
        TenantsPerConnection blind = TenantsPerConnection.of(Optional.of("1"), new PoolRetirement() {
            @Override
            public Object connectionUnder(Connection handle) {
                throw new IllegalStateException("not this pool's handle");
            }

            @Override
            public void retire(Connection handle) {
                retired.add(handle);
            }
        });
        blind.serves(connection(), new SchemaName("acme"));
        assertTrue(retired.isEmpty());
    }

    @Test
    void theSettingIsAWholeNumberFromOneToAMillionAndAThousandUnlessSet() {
        assertEquals(1_000, TenantsPerConnection.limit(Optional.empty()));
        assertEquals(1, TenantsPerConnection.limit(Optional.of(" 1 ")));
        assertEquals(1_000_000, TenantsPerConnection.limit(Optional.of("1000000")));
        for (String wrong : List.of("0", "1000001", "-5", "ten", "1e3", "99999999999")) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> TenantsPerConnection.limit(Optional.of(wrong)), wrong);
            assertTrue(refused.getMessage().startsWith("DB_TENANTS_PER_CONNECTION is '" + wrong + "'"), refused.getMessage());
        }
    }

    /** A pool's handle: the same one stands for the same physical connection here. */
    private static Connection connection() {
        return (Connection) Proxy.newProxyInstance(TenantsPerConnectionTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == arguments[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
