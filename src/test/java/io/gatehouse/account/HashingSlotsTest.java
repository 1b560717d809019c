package io.gatehouse.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HashingSlotsTest {

    @Test
    void eachTurnIsReportedWithItsWaitAndItsHashAndARefusalWithoutAHash() throws Exception {
        List<HashingSlotUse> reported = new java.util.concurrent.CopyOnWriteArrayList<>();
        HashingSlots slots = new HashingSlots(1, Duration.ofMillis(200), reported::add);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<String> longHash = other.submit(() -> slots.run(() -> {
                holding.countDown();
                await(done);
                return "long";
            }));
            holding.await();
            assertThrows(TooBusyException.class, () -> slots.run(() -> "refused"));
            done.countDown();
            assertEquals("long", longHash.get());
        } finally {
            other.shutdownNow();
        }

        assertEquals(2, reported.size());
        HashingSlotUse refusal = reported.get(0);
        assertEquals(true, refusal.refused());
        assertEquals(true, refusal.waited().compareTo(Duration.ofMillis(200)) >= 0, refusal.toString());
        HashingSlotUse turn = reported.get(1);
        assertEquals(false, turn.refused());
        assertEquals(true, turn.waited().compareTo(Duration.ofMillis(50)) < 0, turn.toString());
        assertEquals(true, turn.hashing().orElseThrow().compareTo(Duration.ofMillis(200)) >= 0, turn.toString());
    }

    @Test
    void noMoreHashesRunAtOnceThanThereAreSlotsAndTheOthersWaitTheirTurn() throws Exception {
        HashingSlots slots = new HashingSlots(2, Duration.ofSeconds(30));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> hashes = new ArrayList<>();
            for (int caller = 0; caller < 8; caller++) {
                int id = caller;
                hashes.add(callers.submit(() -> slots.run(() -> {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    sleep(50);
                    running.decrementAndGet();
                    return id;
                })));
            }
            for (int caller = 0; caller < 8; caller++) {
                assertEquals(caller, hashes.get(caller).get());
            }
        } finally {
            callers.shutdownNow();
        }
        assertEquals(2, mostAtOnce.get());
    }

    @Test
    void aCallerThatWaitsLongerThanTheLimitIsRefusedAndTheNextOneRuns() throws Exception {
        HashingSlots slots = new HashingSlots(1, Duration.ofMillis(200));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<String> longHash = other.submit(() -> slots.run(() -> {
                holding.countDown();
                await(done);
                return "long";
            }));
            holding.await();

            assertThrows(TooBusyException.class, () -> slots.run(() -> "refused"));

            done.countDown();
            assertEquals("long", longHash.get());
            assertEquals("next", slots.run(() -> "next"));
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void aHashThatFailsGivesItsSlotBack() {
        HashingSlots slots = new HashingSlots(1, Duration.ofMillis(200));

        assertThrows(IllegalStateException.class, () -> slots.run(() -> {
            throw new IllegalStateException("the hash failed");
        }));

        assertEquals("next", slots.run(() -> "next"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
