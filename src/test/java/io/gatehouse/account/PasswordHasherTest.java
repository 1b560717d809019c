package io.gatehouse.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.testing.RecordedLog;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A PBKDF2 hash costs about 0.2 s, an Argon2id one 30 ms: the tests share one hasher and stored hashes where they can. */
class PasswordHasherTest {

    private static final String PASSWORD = "correct horse battery staple";

    private static PasswordHasher hasher;
    private static String stored;
    private static PasswordHasher cheap;
    private static String pbkdf2;

    @BeforeAll
    static void hashOnce() {
        hasher = new PasswordHasher(new Pbkdf2PasswordHashImpl(), Argon2Cost.DEFAULT);
        stored = hasher.hash(PASSWORD);
        cheap = new PasswordHasher(new Pbkdf2PasswordHashImpl(), Argon2Cost.CHEAPEST);
        pbkdf2 = pbkdf2(PasswordHasher.PBKDF2_ITERATIONS);
    }

    /** A hash as Gatehouse stored every password before Argon2id. */
    private static String pbkdf2(int iterations) {
        Pbkdf2PasswordHashImpl old = new Pbkdf2PasswordHashImpl();
        old.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        return old.generate(PASSWORD.toCharArray());
    }

    @Test
    void storesArgon2idAtOwaspsFirstChoiceWithA16ByteSaltAndA32ByteHash() {
        assertTrue(stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), stored);
        String[] parts = stored.split("\\$");
        assertEquals(6, parts.length, stored);
        assertEquals(16, Base64.getDecoder().decode(parts[4]).length, "salt bytes");
        assertEquals(32, Base64.getDecoder().decode(parts[5]).length, "hash bytes");
        assertFalse(parts[4].contains("=") || parts[5].contains("="), "base64 without padding");
        assertEquals(hasher.storedPrefix(), "$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void acceptsTheRightPassword() {
        assertTrue(hasher.verify(PASSWORD, stored));
    }

    @Test
    void refusesAWrongPassword() {
        assertFalse(hasher.verify("correct horse battery stapler", stored));
    }

    /** phc-winner-argon2's src/test.c: each vector is "password" or "differentpassword", "somesalt" or "diffsalt". */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "password | $argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "password | $argon2id$v=19$m=65536,t=4,p=1$c29tZXNhbHQ$kCXUjmjvc5XMqQedpMTsOv+zyJEf5PhtGiUghW9jFyw",
            "differentpassword | $argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$C4TWUs9rDEvq7w3+J4umqA32aWKB1+DSiRuBfYxFj94",
            "password | $argon2id$v=19$m=65536,t=2,p=1$ZGlmZnNhbHQ$vfMrBczELrFdWP0ZsfhWsRPaHppYdP3MVEMIVlqoFBw",
    })
    void verifiesTheReferenceImplementationsTestVectors(String password, String reference) {
        assertTrue(hasher.verify(password, reference));
        assertFalse(hasher.verify(password + "!", reference));
    }

    @Test
    void aPbkdf2HashAtTodaysStrengthStillVerifiesAndIsDueForRenewal() {
        assertTrue(pbkdf2.startsWith("PBKDF2WithHmacSHA512:220000:"), pbkdf2);
        assertTrue(hasher.verify(PASSWORD, pbkdf2));
        assertFalse(hasher.verify("correct horse battery stapler", pbkdf2));
        assertTrue(hasher.needsRenewal(pbkdf2));
    }

    @Test
    void aHashAtTodaysCostIsNotRenewedButAWeakerOneAtTheFloorIs() {
        PasswordHasher raised = new PasswordHasher(new Pbkdf2PasswordHashImpl(), new Argon2Cost(19_456, 3, 1));

        assertFalse(hasher.needsRenewal(stored));
        assertTrue(raised.verify(PASSWORD, stored), "a hash at the floor still verifies after the settings rise");
        assertTrue(raised.needsRenewal(stored));
        assertFalse(raised.needsRenewal(raised.hash(PASSWORD)));
        assertFalse(raised.needsRenewal("$argon2id$v=19$m=65536,t=4,p=1$c29tZXNhbHQ$kCXUjmjvc5XMqQedpMTsOv+zyJEf5PhtGiUghW9jFyw"),
                "a stronger one stays");
    }

    @Test
    void withoutTheSwitchAHashBelowTheFloorNeverVerifiesEvenWithTheRightPassword() {
        assertFalse(hasher.verify(PASSWORD, cheap.hash(PASSWORD)));
        assertFalse(hasher.verify("password",
                "$argon2id$v=19$m=256,t=2,p=2$c29tZXNhbHQ$bQk8UB/VmZZF4Oo79iDXuL5/0ttZwg2f/5U52iv1cDc"));
        assertFalse(hasher.verify(PASSWORD, pbkdf2(1_024)), "the bench switch's PBKDF2 of old");
        assertFalse(hasher.verify(PASSWORD, pbkdf2.replace(":220000:", ":219999:")));
    }

    @Test
    void aTamperedOrTruncatedHashNeverVerifiesAndIsLoggedWithoutTheHash() {
        try (RecordedLog log = RecordedLog.of(PasswordHasher.class)) {
            List<String> broken = List.of(
                    stored.substring(0, stored.length() - 4),
                    stored.substring(0, stored.length() - 1),
                    stored.replace("m=19456", "m=4194304"),
                    stored.replace("$argon2id$", "$argon2i$"),
                    pbkdf2.substring(0, pbkdf2.lastIndexOf(':')),
                    "not a hash",
                    "");
            for (String hash : broken) {
                assertFalse(hasher.verify(PASSWORD, hash), hash);
            }
            assertEquals(broken.size(), log.records().size());
            for (LogRecord line : log.records()) {
                assertEquals(Level.SEVERE, line.getLevel());
                assertTrue(line.getMessage().contains("never matches"), line.getMessage());
                assertFalse(line.getMessage().contains(stored.substring(30, 50)), line.getMessage());
                assertFalse(line.getMessage().contains("$argon2"), line.getMessage());
            }
        }
    }

    @Test
    void anUnknownNameIsCheckedAgainstAHashOfTheSameShapeThatNothingMatches() {
        for (PasswordHasher each : new PasswordHasher[] {hasher, cheap}) {
            Argon2idPhc dummy = Argon2idPhc.parse(each.dummyHash()).orElseThrow();
            assertTrue(each.dummyHash().startsWith(each.storedPrefix()), each.dummyHash());
            assertEquals(16, dummy.salt().length, "salt bytes");
            assertEquals(32, dummy.hash().length, "hash bytes");
            assertFalse(each.verify(PASSWORD, each.dummyHash()));
        }
        assertNotEquals(hasher.dummyHash(), new PasswordHasher(new Pbkdf2PasswordHashImpl(), Argon2Cost.DEFAULT).dummyHash());
    }

    @Test
    void theBenchSwitchHashesWithTheCheapestArgon2id() {
        String cheapHash = cheap.hash(PASSWORD);

        assertTrue(cheapHash.startsWith("$argon2id$v=19$m=8,t=1,p=1$"), cheapHash);
        assertTrue(cheap.isCheap());
        assertFalse(hasher.isCheap());
    }

    @Test
    void underTheBenchSwitchItsOwnHashesVerifyAndNothingIsRenewed() {
        String cheapHash = cheap.hash(PASSWORD);
        assertTrue(cheap.verify(PASSWORD, cheapHash));
        assertFalse(cheap.verify("correct horse battery stapler", cheapHash));
        assertFalse(cheap.needsRenewal(pbkdf2));
    }

    @Test
    void aStrongerHashThanTheHashersOwnStillVerifies() {
        assertTrue(cheap.verify(PASSWORD, stored));
    }

    @Test
    void everyCharacterCountsSoALongPasswordIsNotTruncated() {
        String longest = "0123456789".repeat(12) + "abcdefgh";
        String hash = hasher.hash(longest);
        assertTrue(hasher.verify(longest, hash));
        assertFalse(hasher.verify(longest.substring(0, 127) + "i", hash));
        assertFalse(hasher.verify(longest.substring(0, 72), hash));
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

    @ParameterizedTest
    @ValueSource(strings = {"\uFB01ne tuned passphrase"})
    void aPbkdf2HashOfAnNfkcPasswordStillMatches(String signedUpWith) {
        Pbkdf2PasswordHashImpl old = new Pbkdf2PasswordHashImpl();
        old.initialize(Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "220000"));
        String hash = old.generate(java.text.Normalizer.normalize(signedUpWith, java.text.Normalizer.Form.NFKC).toCharArray());
        assertTrue(hasher.verify("fine tuned passphrase", hash));
    }

    @Test
    void everyHashTheDecoyIncludedWaitsForASlotAndIsRefusedWhenNoneComes() throws Exception {
        HashingSlots oneSlot = new HashingSlots(1, Duration.ofMillis(100));
        PasswordHasher queued = new PasswordHasher(new Pbkdf2PasswordHashImpl(), Argon2Cost.CHEAPEST, oneSlot);
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
