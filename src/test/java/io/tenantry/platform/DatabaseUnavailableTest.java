package io.tenantry.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;

import javax.transaction.xa.XAException;

import org.junit.jupiter.api.Test;

import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionalException;

/** Which failures mean "the database was out of reach, nothing was written" (503) and which do not (500, 409…). */
class DatabaseUnavailableTest {

    @Test
    void aCommitOnAConnectionThatPostgreSqlTerminatedIsAnOutage() {
        // What Payara throws from @Transactional when the commit meets a connection the server closed:
        // the resource adapter's words survive only in the XAException's message.
        assertTrue(DatabaseUnavailable.causedIt(commitFailed(
                "jakarta.resource.spi.LocalTransactionException: FATAL: terminating connection due to administrator command")));
        assertTrue(DatabaseUnavailable.causedIt(commitFailed(
                "jakarta.resource.spi.LocalTransactionException: This connection has been closed.")));
        assertTrue(DatabaseUnavailable.causedIt(commitFailed(
                "jakarta.resource.spi.LocalTransactionException: An I/O error occurred while sending to the backend.")));
    }

    @Test
    void aCommitRefusedByTheDatabaseIsNoOutage() {
        assertFalse(DatabaseUnavailable.causedIt(commitFailed(
                "jakarta.resource.spi.LocalTransactionException: ERROR: duplicate key value violates unique constraint")));
        assertFalse(DatabaseUnavailable.causedIt(new TransactionalException("commit", new SystemException("no words"))));
    }

    @Test
    void refusedConnectionsAndConnectionStatesAreOutages() {
        assertTrue(DatabaseUnavailable.causedIt(new IllegalStateException(new ConnectException("Connection refused"))));
        assertTrue(DatabaseUnavailable.causedIt(new RuntimeException(new SQLException("gone", "08006"))));
        assertTrue(DatabaseUnavailable.causedIt(new RuntimeException(new SQLException("shutting down", "57P01"))));
        assertFalse(DatabaseUnavailable.causedIt(new RuntimeException(new SQLException("duplicate", "23505"))));
        assertFalse(DatabaseUnavailable.causedIt(new IllegalArgumentException("bad")));
    }

    private static TransactionalException commitFailed(String words) {
        XAException resource = new XAException(words);
        resource.errorCode = XAException.XAER_RMERR;
        SystemException system = new SystemException();
        system.initCause(resource);
        return new TransactionalException("Managed bean with Transactional annotation and TxType of REQUIRED "
                + "encountered exception during commit jakarta.transaction.SystemException", system);
    }
}
