package io.tenantry.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class LeaseRenewalsTest {

    @Test
    void noRenewalRunsAfterTheEnd() {
        LeaseRenewals turns = new LeaseRenewals();
        List<String> ran = new CopyOnWriteArrayList<>();
        turns.renew(() -> ran.add("renewal"));
        turns.end(() -> ran.add("end"));
        turns.renew(() -> ran.add("late renewal"));
        assertEquals(List.of("renewal", "end"), ran);
    }

    @Test
    void theEndWaitsForARenewalUnderWay() throws Exception {
        LeaseRenewals turns = new LeaseRenewals();
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch renewing = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        Thread scheduler = new Thread(() -> turns.renew(() -> {
            renewing.countDown();
            await(letGo);
            ran.add("renewal");
        }));
        scheduler.start();
        assertTrue(renewing.await(10, TimeUnit.SECONDS));
        Thread restorer = new Thread(() -> turns.end(() -> ran.add("end")));
        restorer.start();
        restorer.join(200);
        assertFalse(ran.contains("end"), "the end waited for the renewal");
        letGo.countDown();
        scheduler.join(10_000);
        restorer.join(10_000);
        assertEquals(List.of("renewal", "end"), ran);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
