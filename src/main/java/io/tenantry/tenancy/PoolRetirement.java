package io.tenantry.tenancy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * What {@link TenantsPerConnection} needs of the server's pool: the physical connection under a
 * handle it handed out (a handle is new at each handout, and so may be what it unwraps to), and a
 * request to close a connection once its transaction has ended. Payara's (and GlassFish's) data
 * sources offer both in {@code com.sun.appserv.jdbc.DataSource}, documented in GlassFish's Application
 * Development Guide ("Obtaining a Physical Connection From a Wrapped Connection", "Marking Bad
 * Connections"): a connection marked bad is destroyed when its handle is closed or, inside a
 * transaction, when the transaction completes, so no transaction loses its connection. Called by name
 * because that interface is the server's, not the WAR's. WildFly's pool has no such request (its
 * handle's {@code invalidate} reports a connection error at once, which its flush strategy answers by
 * closing every connection): there, none is offered.
 */
interface PoolRetirement {

    /** The physical connection under {@code handle}: the same object at each handout of that connection. */
    Object connectionUnder(Connection handle);

    /** Has the pool close the connection under {@code handle} once its transaction has ended. */
    void retire(Connection handle);

    /** The pool's retirement, if the server's pool {@code pool} offers it. */
    static Optional<PoolRetirement> of(DataSource pool) {
        for (Class<?> at = pool.getClass(); at != null; at = at.getSuperclass()) {
            for (Class<?> contract : at.getInterfaces()) {
                if (contract.getName().equals("com.sun.appserv.jdbc.DataSource")) {
                    return PayaraPool.of(pool, contract);
                }
            }
        }
        return Optional.empty();
    }

    /** Payara's {@code getConnection(Connection)} and {@code markConnectionAsBad(Connection)}. */
    record PayaraPool(DataSource pool, Method physical, Method markAsBad) implements PoolRetirement {

        static Optional<PoolRetirement> of(DataSource pool, Class<?> contract) {
            try {
                return Optional.of(new PayaraPool(pool, contract.getMethod("getConnection", Connection.class),
                        contract.getMethod("markConnectionAsBad", Connection.class)));
            } catch (NoSuchMethodException e) {
                return Optional.empty();
            }
        }

        @Override
        public Object connectionUnder(Connection handle) {
            return call(physical, handle);
        }

        @Override
        public void retire(Connection handle) {
            call(markAsBad, handle);
        }

        private Object call(Method method, Connection handle) {
            try {
                return method.invoke(pool, handle);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("The pool's " + method.getName() + " could not be called", e);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("The pool's " + method.getName() + " failed", e.getCause());
            }
        }
    }
}
