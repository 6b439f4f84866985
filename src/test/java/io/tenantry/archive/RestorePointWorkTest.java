package io.tenantry.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.tenantry.accounts.TooManyAttemptsException;
import io.tenantry.platform.ConflictException;
import io.tenantry.tenancy.SchemaName;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantLabel;

/**
 * The instance's restore-point slots: one piece of work per tenant, {@link RestorePointWork#AT_ONCE} in
 * all, handed out in the order they were asked for, so that owners who keep both slots busy (restoring
 * large tenants back and forth) cannot keep a third tenant out: it is served when a slot frees, before
 * their next turn.
 */
class RestorePointWorkTest {

    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void aTenantWaitingForASlotIsServedBeforeTheHoldersNextTurn() throws Exception {
        RestorePointWork work = new RestorePointWork(Duration.ofSeconds(20));
        RestorePointWork.Slot first = work.begin(tenant(1));
        RestorePointWork.Slot second = work.begin(tenant(2));
        Future<RestorePointWork.Slot> third = callers.submit(() -> work.begin(tenant(3)));
        awaitQueued(work, 1);

        first.close();
        Future<RestorePointWork.Slot> firstAgain = callers.submit(() -> work.begin(tenant(1)));
        RestorePointWork.Slot thirds = third.get(10, TimeUnit.SECONDS);
        assertFalse(firstAgain.isDone(), "the holder's next turn comes after the tenant that was waiting");

        thirds.close();
        firstAgain.get(10, TimeUnit.SECONDS).close();
        second.close();
    }

    @Test
    void aTenantThatWaitedTooLongIsToldToComeBack() throws Exception {
        RestorePointWork work = new RestorePointWork(Duration.ofMillis(200));
        try (RestorePointWork.Slot first = work.begin(tenant(1)); RestorePointWork.Slot second = work.begin(tenant(2))) {
            TooManyAttemptsException refused = assertThrows(TooManyAttemptsException.class, () -> work.begin(tenant(3)));
            assertTrue(refused.retryAfter().isPresent(), "429 with Retry-After");
        }
        work.begin(tenant(3)).close(); // its refusal held nothing
    }

    @Test
    void aTenantGetsOneSlotAtATime() {
        RestorePointWork work = new RestorePointWork(Duration.ofSeconds(20));
        try (RestorePointWork.Slot first = work.begin(tenant(1))) {
            assertThrows(ConflictException.class, () -> work.begin(tenant(1)));
            CompletableFuture<Void> other = CompletableFuture.runAsync(() -> work.begin(tenant(2)).close(), callers);
            assertEquals(null, other.join(), "another tenant still gets the second slot");
        }
        work.begin(tenant(1)).close();
    }

    private static void awaitQueued(RestorePointWork work, int callers) throws InterruptedException {
        for (int look = 0; look < 500 && work.waiting() < callers; look++) {
            Thread.sleep(10);
        }
        assertEquals(callers, work.waiting(), "callers waiting for a slot");
    }

    private static Tenant tenant(long id) {
        TenantLabel label = new TenantLabel("tenant-" + id);
        return new Tenant(id, label, SchemaName.of(label), "Tenant " + id, Instant.EPOCH, "6.3", "files-" + id, false,
                null);
    }
}
