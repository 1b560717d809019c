package io.gatehouse.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each hash or verify costs about 0.2 s, so the tests share one hasher and one stored hash where they can. */
class PasswordHasherTest {

    private static final String PASSWORD = "correct horse battery staple";

    private static PasswordHasher hasher;
    private static String stored;
    private static PasswordHasher cheap;

    @BeforeAll
    static void hashOnce() {
        hasher = new PasswordHasher(new Pbkdf2PasswordHashImpl());
        stored = hasher.hash(PASSWORD);
        cheap = new PasswordHasher(new Pbkdf2PasswordHashImpl(), PasswordHasher.CHEAP_ITERATIONS);
    }

    @Test
    void storesSha512With220000IterationsA32ByteSaltAndA64ByteKey() {
        assertTrue(stored.startsWith("PBKDF2WithHmacSHA512:220000:"), stored);
        String[] parts = stored.split(":");
        assertEquals(4, parts.length, stored);
        assertEquals(32, Base64.getDecoder().decode(parts[2]).length, "salt bytes");
        assertEquals(64, Base64.getDecoder().decode(parts[3]).length, "key bytes");
    }

    @Test
    void anUnknownNameIsCheckedAgainstAHashOfTheSameShapeThatNothingMatches() {
        for (PasswordHasher each : new PasswordHasher[] {hasher, cheap}) {
            String[] dummy = each.dummyHash().split(":");
            String[] real = (each == hasher ? stored : cheap.hash(PASSWORD)).split(":");
            assertEquals(real[0], dummy[0], "algorithm");
            assertEquals(real[1], dummy[1], "iterations");
            assertEquals(32, Base64.getDecoder().decode(dummy[2]).length, "salt bytes");
            assertEquals(64, Base64.getDecoder().decode(dummy[3]).length, "key bytes");
            assertFalse(each.verify(PASSWORD, each.dummyHash()));
        }
        assertNotEquals(hasher.dummyHash(), new PasswordHasher(new Pbkdf2PasswordHashImpl()).dummyHash());
    }

    @Test
    void theBenchSwitchChangesOnlyTheIterationsTo1024() {
        String[] parts = cheap.hash(PASSWORD).split(":");
        assertEquals("PBKDF2WithHmacSHA512", parts[0]);
        assertEquals("1024", parts[1]);
        assertEquals(32, Base64.getDecoder().decode(parts[2]).length, "salt bytes");
        assertEquals(64, Base64.getDecoder().decode(parts[3]).length, "key bytes");
        assertTrue(cheap.isCheap());
        assertFalse(hasher.isCheap());
    }

    @Test
    void underTheBenchSwitchItsOwnHashesVerify() {
        String cheapHash = cheap.hash(PASSWORD);
        assertTrue(cheap.verify(PASSWORD, cheapHash));
        assertFalse(cheap.verify("correct horse battery stapler", cheapHash));
    }

    @Test
    void aStrongerHashThanTheHashersOwnStillVerifies() {
        assertTrue(cheap.verify(PASSWORD, stored));
    }

    @Test
    void withoutTheSwitchACheapHashNeverVerifiesEvenWithTheRightPassword() {
        assertFalse(hasher.verify(PASSWORD, cheap.hash(PASSWORD)));
    }

    @Test
    void aHashOfAnyFewerIterationsOrOfNoKnownShapeNeverVerifies() {
        assertFalse(hasher.verify(PASSWORD, stored.replace(":220000:", ":219999:")));
        assertFalse(hasher.verify(PASSWORD, "not a hash"));
        assertFalse(hasher.verify(PASSWORD, "PBKDF2WithHmacSHA512:lots:c2FsdA==:a2V5"));
    }

    @Test
    void acceptsTheRightPassword() {
        assertTrue(hasher.verify(PASSWORD, stored));
    }

    @Test
    void refusesAWrongPassword() {
        assertFalse(hasher.verify("correct horse battery stapler", stored));
    }

    @Test
    void everyCharacterCountsSoALongPasswordIsNotTruncated() {
        String eighty = "0123456789".repeat(8);
        assertFalse(hasher.verify(eighty.substring(0, 72), hasher.hash(eighty)));
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertNotEquals(stored, hasher.hash(PASSWORD));
    }

    @ParameterizedTest(name = "{0} matches {1}")
    @CsvSource({
            "'\uFB01ne tuned passphrase', 'fine tuned passphrase'",   // the "fi" ligature
            "'pin code \uFF11\uFF12\uFF13\uFF14', 'pin code 1234'",  // full-width digits
    })
    void theSamePasswordTypedOnAnotherKeyboardMatches(String signedUpWith, String signedInWith) {
        assertTrue(hasher.verify(signedInWith, hasher.hash(signedUpWith)));
    }

    @Test
    void everyHashTheDecoyIncludedWaitsForASlotAndIsRefusedWhenNoneComes() throws Exception {
        HashingSlots oneSlot = new HashingSlots(1, Duration.ofMillis(100));
        PasswordHasher queued = new PasswordHasher(new Pbkdf2PasswordHashImpl(), PasswordHasher.CHEAP_ITERATIONS, oneSlot);
        String cheapHash = queued.hash(PASSWORD);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread slotHolder = new Thread(() -> oneSlot.run(() -> {
            holding.countDown();
            try {
                return done.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return false;
            }
        }));
        slotHolder.start();
        try {
            holding.await();
            assertThrows(TooBusyException.class, () -> queued.hash(PASSWORD));
            assertThrows(TooBusyException.class, () -> queued.verify(PASSWORD, cheapHash));
            assertThrows(TooBusyException.class, () -> queued.verifyAgainstNothing(PASSWORD));
        } finally {
            done.countDown();
            slotHolder.join();
        }
        assertTrue(queued.verify(PASSWORD, cheapHash));
    }
}
