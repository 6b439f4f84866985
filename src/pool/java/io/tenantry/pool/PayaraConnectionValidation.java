package io.tenantry.pool;

import java.sql.Connection;
import java.util.logging.Logger;

import org.glassfish.api.jdbc.ConnectionValidation;

/**
 * {@link BackendMemoryLimit} for Payara's pools ({@code --validationmethod custom-validation
 * --validationclassname io.tenantry.pool.PayaraConnectionValidation}, payara-config/). Payara makes
 * one of these for each handout it validates, through the thread's context class loader; a
 * connection refused is destroyed and another one handed out, and Payara logs the refusal with this
 * class's name, this class with the reason.
 */
public final class PayaraConnectionValidation implements ConnectionValidation {

    private static final Logger LOG = Logger.getLogger(PayaraConnectionValidation.class.getName());

    /**
     * @param connection the physical connection the pool is about to hand out
     * @param statementTimeout the pool's statement timeout in seconds; negative when it has none
     * @return whether it may be handed out
     */
    @Override
    public boolean isConnectionValid(Connection connection, int statementTimeout) {
        String refusal = BackendMemoryLimit.configured().refusal(connection, Math.max(0, statementTimeout));
        if (refusal != null) {
            LOG.fine(refusal);
        }
        return refusal == null;
    }
}
