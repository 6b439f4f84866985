package io.tenantry.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;

import javax.transaction.xa.XAException;

import org.junit.jupiter.api.Test;

import jakarta.resource.ResourceException;
import jakarta.transaction.RollbackException;
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
    void aCommitOnAConnectionThePoolFoundDeadIsAnOutage() {
        // Payara's resource adapter refuses to commit on a managed connection it has marked unusable (its
        // physical connection failed, the database restarting) before sending anything: nothing was written.
        assertTrue(DatabaseUnavailable.causedIt(commitFailed(
                "jakarta.resource.ResourceException: This Managed Connection is not valid as the physical connection is not usable")));
    }

    @Test
    void aCommitRefusedByTheDatabaseIsNoOutage() {
        assertFalse(DatabaseUnavailable.causedIt(commitFailed(
                "jakarta.resource.spi.LocalTransactionException: ERROR: duplicate key value violates unique constraint")));
        assertFalse(DatabaseUnavailable.causedIt(new TransactionalException("commit", new SystemException("no words"))));
    }

    @Test
    void aCommitRefusedByTheDatabaseIsNoOutageOnWildFlyEither() {
        // What WildFly throws when PostgreSQL refuses a commit (a deferred constraint's raised error): the
        // transaction manager's rollback, the connector's exceptions, and PostgreSQL's own answer inside.
        XAException commit = new XAException("IJ001156: Could not commit local transaction");
        commit.errorCode = XAException.XA_RBROLLBACK;
        commit.initCause(new ResourceException("SQLException", new SQLException("ERROR: failure injected at commit", "P0001")));
        RollbackException rolledBack = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rolledBack.initCause(commit);
        assertFalse(DatabaseUnavailable.causedIt(new TransactionalException("commit", rolledBack)));
        RollbackException suppressed = new RollbackException("ARJUNA016053: Could not commit transaction.");
        suppressed.addSuppressed(commit);
        assertFalse(DatabaseUnavailable.causedIt(suppressed));
        // The same rollback after PostgreSQL ended the session is an outage.
        RollbackException terminated = new RollbackException("ARJUNA016053: Could not commit transaction.");
        terminated.initCause(new ResourceException("SQLException", new SQLException("terminating connection", "57P01")));
        assertTrue(DatabaseUnavailable.causedIt(terminated));
    }

    @Test
    void aStatementOnAConnectionWildFlysPoolTookBackIsAnOutage() {
        // As EclipseLink reports it when IronJacamar flushed the pool during a database restart (seen in
        // .ci/run's DatabaseRestartIT on WildFly: two answers of 6,588 were 500).
        SQLException takenBack = new SQLException("IJ031040: Connection is not associated with a managed connection: "
                + "org.jboss.jca.adapters.jdbc.jdk8.WrappedConnectionJDK8@4772a826");
        assertTrue(DatabaseUnavailable.causedIt(new RuntimeException("Exception [EclipseLink-4002]",
                new RuntimeException("Internal Exception", takenBack))));
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
