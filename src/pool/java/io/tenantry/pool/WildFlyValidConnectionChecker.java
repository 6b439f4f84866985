package io.tenantry.pool;

import java.io.Serial;
import java.sql.Connection;
import java.sql.SQLException;

import org.jboss.jca.adapters.jdbc.spi.ValidConnectionChecker;

/**
 * {@link BackendMemoryLimit} for WildFly's pools ({@code valid-connection-checker-class-name}, with
 * {@code validate-on-match}, wildfly-config/). A connection refused is destroyed and another one
 * handed out; WildFly logs the reason this class gives (as a warning). Unlike WildFly's own PostgreSQL
 * checker, it waits for the connection's answer at most {@link BackendMemoryLimit#ANSWER_WITHIN_SECONDS} s,
 * so a connection whose database went silent is refused rather than holding its request.
 */
public final class WildFlyValidConnectionChecker implements ValidConnectionChecker {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * @param connection the physical connection the pool is about to hand out
     * @return null when it may be handed out; otherwise an exception naming why not
     */
    @Override
    public SQLException isValidConnection(Connection connection) {
        String refusal = BackendMemoryLimit.configured().refusal(connection, 0);
        return refusal == null ? null : new Refusal(refusal);
    }

    /** Without a stack trace: WildFly logs each refusal with the exception, where a trace of the pool's own frames says nothing. */
    private static final class Refusal extends SQLException {

        @Serial
        private static final long serialVersionUID = 1L;

        Refusal(String reason) {
            super(reason);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
