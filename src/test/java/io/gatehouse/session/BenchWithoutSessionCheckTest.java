package io.gatehouse.session;

import io.gatehouse.testing.RecordedLog;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The bench switch that skips the session check: only "true", only beside the cheap hash, and never quietly. */
class BenchWithoutSessionCheckTest {

    private static final String PROPERTY = "gatehouse.bench.without.session.check";

    private RecordedLog log;

    @BeforeEach
    void record() {
        log = RecordedLog.of(BenchWithoutSessionCheck.class);
    }

    @AfterEach
    void clear() {
        log.close();
        System.clearProperty(PROPERTY);
    }

    @Test
    void isOffUnlessSetAndThenChecksEveryRequest() {
        assumeTrue(System.getenv("GATEHOUSE_BENCH_WITHOUT_SESSION_CHECK") == null, "the variable is set around this test run");

        assertFalse(BenchWithoutSessionCheck.isOn());
        assertFalse(new BenchWithoutSessionCheck(true).skipsTheCheck());
        assertDoesNotThrow(() -> BenchWithoutSessionCheck.check(false));
        assertEquals(0, log.records().size(), "nothing logged");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRUE", "True", "yes", "1", "on", "true ", "false"})
    void nothingButTrueTurnsItOn(String value) {
        System.setProperty(PROPERTY, value);

        assertFalse(BenchWithoutSessionCheck.isOn());
        assertFalse(new BenchWithoutSessionCheck(true).skipsTheCheck());
    }

    @Test
    void withoutTheCheapHashTheStartIsRefusedNamingBothSwitches() {
        System.setProperty(PROPERTY, "true");

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> BenchWithoutSessionCheck.check(false));

        assertTrue(refused.getMessage().contains("GATEHOUSE_BENCH_WITHOUT_SESSION_CHECK=true"), refused.getMessage());
        assertTrue(refused.getMessage().contains("GATEHOUSE_BENCH_CHEAP_HASH=true"), refused.getMessage());
        assertFalse(new BenchWithoutSessionCheck(false).skipsTheCheck(), "never honoured without the cheap hash");
    }

    @Test
    void besideTheCheapHashItSkipsTheCheckAndSaysSoAsSevere() {
        System.setProperty(PROPERTY, "true");

        BenchWithoutSessionCheck.check(true);

        assertTrue(new BenchWithoutSessionCheck(true).skipsTheCheck());
        assertEquals(1, log.records().size(), "log lines");
        LogRecord line = log.records().get(0);
        assertEquals(Level.SEVERE, line.getLevel());
        assertTrue(line.getMessage().contains("GATEHOUSE_BENCH_WITHOUT_SESSION_CHECK"), line.getMessage());
        assertTrue(line.getMessage().contains("benchmarks only"), line.getMessage());
    }

    @Test
    void theVariableThatTheLogNamesIsTheOneBenchRunSets() {
        assertEquals("GATEHOUSE_BENCH_WITHOUT_SESSION_CHECK", BenchWithoutSessionCheck.SWITCH.variable());
    }
}
