package io.tenantry.platform;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import io.tenantry.testing.TestDatabase;

/**
 * The deployment's first connection against the run's real PostgreSQL: a database that comes up
 * later is waited for; one that refuses the account fails at once, naming the variables; one never
 * reached fails once the wait is over, naming DB_URL and DB_WAIT_SECONDS.
 */
class DatabaseAtStartIT {

    @Test
    void aDatabaseThatComesUpLaterIsWaitedFor() throws Exception {
        PGSimpleDataSource pool = TestDatabase.dataSource();
        int realPort = pool.getPortNumbers()[0];
        pool.setPortNumbers(new int[] {closedPort()});
        // The database "comes up" once the first attempts have failed: the pool then names its real port.
        CompletableFuture<Void> comesUp = CompletableFuture.runAsync(() -> pool.setPortNumbers(new int[] {realPort}),
                CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS));

        assertDoesNotThrow(() -> DatabaseAtStart.await(pool, Duration.ofSeconds(60)));
        assertTrue(comesUp.isDone(), "it returned before the database could be reached");
    }

    @Test
    void anAccountTheDatabaseRefusesFailsAtOnceNamingTheVariables() throws Exception {
        PGSimpleDataSource pool = TestDatabase.dataSource();
        pool.setDatabaseName("no_such_database_" + System.nanoTime());

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> DatabaseAtStart.await(pool, Duration.ofSeconds(600)));

        assertTrue(refused.getMessage().contains("DB_URL, DB_USER and DB_PASSWORD"), refused.getMessage());
        assertTrue(refused.getMessage().contains("does not exist"), "PostgreSQL's own words: " + refused.getMessage());
    }

    @Test
    void aDatabaseNeverReachedFailsAfterTheWaitNamingTheVariables() throws Exception {
        PGSimpleDataSource pool = TestDatabase.dataSource();
        pool.setPortNumbers(new int[] {closedPort()});

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> DatabaseAtStart.await(pool, Duration.ofSeconds(2)));

        assertTrue(refused.getMessage().contains("DB_URL could not be reached within 2 s"), refused.getMessage());
        assertTrue(refused.getMessage().contains("DB_WAIT_SECONDS"), refused.getMessage());
    }


    /** A port nothing listens on (it was free a moment ago). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
