package io.gatehouse.config;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SettingTest {

    private final Setting setting = new Setting("test.value");

    @AfterEach
    void forget() {
        System.clearProperty(setting.property());
    }

    @Test
    void aPortIsANumberFromOneTo65535() {
        assertEquals(Optional.of(9464), given("9464").port());
        assertEquals("GATEHOUSE_TEST_VALUE (gatehouse.test.value) is \"0\", but must be a port number from 1 to 65535",
                assertThrows(InvalidSetting.class, () -> given("0").port()).getMessage());
        assertThrows(InvalidSetting.class, () -> given("abc").port());
    }

    @Test
    void aDurationIsPositiveIso8601() {
        assertEquals(Optional.of(Duration.ofSeconds(30)), given("PT30S").duration());
        assertThrows(InvalidSetting.class, () -> given("30s").duration());
        assertThrows(InvalidSetting.class, () -> given("-PT1S").duration());
    }

    @Test
    void anUnsetSettingIsEmptyAndNeverInvalid() {
        assertEquals(Optional.empty(), setting.port());
        assertEquals(Optional.empty(), given("  ").duration());
    }

    @Test
    void aValueIsShownOnOneLine() {
        assertEquals("GATEHOUSE_TEST_VALUE (gatehouse.test.value) is \"PT1S?{forged}\", but must be a positive ISO-8601 "
                + "duration such as PT30S, PT15M or PT8H",
                assertThrows(InvalidSetting.class, () -> given("PT1S\n{forged}").duration()).getMessage());
    }

    @Test
    void aValueIsShownWithoutAPassword() {
        InvalidSetting invalid = assertThrows(InvalidSetting.class,
                () -> given("jdbc:x://h/db?password=hunter2&user=a;PASSWORD=x").parsed("a JDBC URL", raw -> {
                    throw new IllegalArgumentException();
                }));

        assertEquals("GATEHOUSE_TEST_VALUE (gatehouse.test.value) is \"jdbc:x://h/db?password=***&user=a;PASSWORD=***\", "
                + "but must be a JDBC URL", invalid.getMessage());
    }

    private Setting given(String value) {
        System.setProperty(setting.property(), value);
        return setting;
    }
}
