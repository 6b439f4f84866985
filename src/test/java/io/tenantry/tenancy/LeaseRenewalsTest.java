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
    void noRenewalPutsAfterTheEnd() {
        LeaseRenewals renewals = new LeaseRenewals();
        List<String> ran = new CopyOnWriteArrayList<>();
        renewals.unlessEnded(() -> ran.add("renewal"));
        assertFalse(renewals.ended());
        renewals.end();
        ran.add("end");
        assertTrue(renewals.ended());
        renewals.unlessEnded(() -> ran.add("late renewal"));
        assertEquals(List.of("renewal", "end"), ran);
    }

    @Test
    void theEndIsMarkedOnlyAfterAPutUnderWay() throws Exception {
        LeaseRenewals renewals = new LeaseRenewals();
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch putting = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        Thread scheduler = new Thread(() -> renewals.unlessEnded(() -> {
            putting.countDown();
            await(letGo);
            ran.add("renewal");
        }));
        scheduler.start();
        assertTrue(putting.await(10, TimeUnit.SECONDS));
        Thread restorer = new Thread(() -> {
            renewals.end();
            ran.add("end");
        });
        restorer.start();
        restorer.join(200);
        assertFalse(ran.contains("end"), "the end waited for the put");
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
