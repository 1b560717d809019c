package io.gatehouse.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BenchCheapHashTest {

    private static final String PROPERTY = "gatehouse.bench.cheap.hash";

    @AfterEach
    void clear() {
        System.clearProperty(PROPERTY);
    }

    @Test
    void isOffUnlessSet() {
        assumeTrue(System.getenv("GATEHOUSE_BENCH_CHEAP_HASH") == null, "the variable is set around this test run");
        assertFalse(BenchCheapHash.isOn());
    }

    @Test
    void trueTurnsItOn() {
        System.setProperty(PROPERTY, "true");
        assertTrue(BenchCheapHash.isOn());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRUE", "True", "yes", "1", "on", "true ", "false"})
    void nothingElseDoes(String value) {
        System.setProperty(PROPERTY, value);
        assertFalse(BenchCheapHash.isOn());
    }

    @Test
    void theVariableThatTheLogNamesIsTheOneBenchRunSets() {
        assertEquals("GATEHOUSE_BENCH_CHEAP_HASH", BenchCheapHash.SWITCH.variable());
    }
}
