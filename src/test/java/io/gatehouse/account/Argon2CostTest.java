package io.gatehouse.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Argon2CostTest {

    @AfterEach
    void clear() {
        System.clearProperty("gatehouse.argon2.memory.kib");
        System.clearProperty("gatehouse.argon2.iterations");
        System.clearProperty("gatehouse.argon2.parallelism");
    }

    @Test
    void withoutSettingsItIsOwaspsFirstChoice() {
        assumeTrue(System.getenv("GATEHOUSE_ARGON2_MEMORY_KIB") == null, "the variable is set around this test run");
        assertEquals(new Argon2Cost(19_456, 2, 1), Argon2Cost.fromSettings());
    }

    @Test
    void settingsRaiseIt() {
        System.setProperty("gatehouse.argon2.memory.kib", "47104");
        System.setProperty("gatehouse.argon2.iterations", "3");
        System.setProperty("gatehouse.argon2.parallelism", "2");

        assertEquals(new Argon2Cost(47_104, 3, 2), Argon2Cost.fromSettings());
    }

    @ParameterizedTest(name = "m={0} t={1}: {2}")
    @CsvSource({
            "47104, 1, true", "47103, 1, false",
            "19456, 2, true", "19455, 2, false", "40000, 2, true",
            "12288, 3, true", "12287, 3, false",
            "9216, 4, true", "9215, 4, false",
            "7168, 5, true", "7167, 5, false", "7168, 9, true",
            "8, 1, false", "65536, 1, true",
    })
    void theFloorIsAnyOfOwaspsEquallyStrongPairs(int memoryKib, int iterations, boolean atTheFloor) {
        assertEquals(atTheFloor, new Argon2Cost(memoryKib, iterations, 1).isAtLeastTheFloor());
    }

    @Test
    void settingsBelowTheFloorRefuseToStartSayingWhatToRaise() {
        System.setProperty("gatehouse.argon2.memory.kib", "19455");

        IllegalStateException refused = assertThrows(IllegalStateException.class, Argon2Cost::fromSettings);
        assertTrue(refused.getMessage().contains("m=19455,t=2,p=1 is below OWASP's minimum"), refused.getMessage());
        assertTrue(refused.getMessage().contains("refusing to start"), refused.getMessage());
        assertTrue(refused.getMessage().contains("GATEHOUSE_ARGON2_MEMORY_KIB"), refused.getMessage());
    }

    @Test
    void fewerIterationsAtTheSameMemoryAreBelowTheFloorToo() {
        System.setProperty("gatehouse.argon2.iterations", "1");

        assertThrows(IllegalStateException.class, Argon2Cost::fromSettings);
    }

    @Test
    void settingsAboveTheCapsRefuseToStartToo() {
        System.setProperty("gatehouse.argon2.memory.kib", "65537");

        IllegalStateException refused = assertThrows(IllegalStateException.class, Argon2Cost::fromSettings);
        assertTrue(refused.getMessage().contains("refusing to start"), refused.getMessage());
    }

    @Test
    void aSettingThatIsNoNumberRefusesToStart() {
        System.setProperty("gatehouse.argon2.parallelism", "two");

        IllegalStateException refused = assertThrows(IllegalStateException.class, Argon2Cost::fromSettings);
        assertEquals("GATEHOUSE_ARGON2_PARALLELISM=two is not a whole number: refusing to start.", refused.getMessage());
    }

    @Test
    void aHashFallsShortWhenAnyOfTheThreeIsLess() {
        Argon2Cost wanted = new Argon2Cost(47_104, 2, 2);

        assertTrue(Argon2Cost.DEFAULT.fallsShortOf(wanted));
        assertTrue(new Argon2Cost(65_536, 1, 2).fallsShortOf(wanted));
        assertTrue(new Argon2Cost(65_536, 2, 1).fallsShortOf(wanted));
        assertFalse(wanted.fallsShortOf(wanted));
        assertFalse(new Argon2Cost(65_536, 3, 2).fallsShortOf(wanted));
    }

    @Test
    void theBenchCostIsBelowTheFloorAndWithinTheCaps() {
        assertFalse(Argon2Cost.CHEAPEST.isAtLeastTheFloor());
        assertTrue(Argon2Cost.CHEAPEST.isWithinCaps());
    }
}
