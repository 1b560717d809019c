package io.gatehouse.account;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Argon2idPhcTest {

    /** The Argon2 reference implementation's own test vector (phc-winner-argon2, src/test.c): "password", "somesalt". */
    static final String REFERENCE = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

    @Test
    void readsTheReferenceVectorWithItsEightByteSaltAnd64MiB() {
        Argon2idPhc hash = Argon2idPhc.parse(REFERENCE).orElseThrow();

        assertEquals(new Argon2Cost(65_536, 2, 1), hash.cost());
        assertArrayEquals("somesalt".getBytes(StandardCharsets.US_ASCII), hash.salt());
        assertArrayEquals(HexFormat.of().parseHex("09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7"),
                hash.hash());
        assertEquals(REFERENCE, hash.format());
    }

    @Test
    void writesTheStandardForm() {
        Argon2idPhc hash = new Argon2idPhc(Argon2Cost.DEFAULT, new byte[16], new byte[32]);

        assertEquals("$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$"
                + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", hash.format());
        assertTrue(Argon2idPhc.parse(hash.format()).isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPP",   // cut short
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$",
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ",
            "$argon2id$v=19$m=65536,t=2,p=1",
            "$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",  // not Argon2id
            "$argon2id$v=16$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",  // old version
            "$argon2id$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",       // no version
            "$argon2id$v=19$t=2,m=65536,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",  // out of order
            "$argon2id$v=19$m=065536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc", // leading zero
            "$argon2id$v=19$m=65536,t=2,p=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ=$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc", // padding
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHR$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",  // stray bits
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",   // 7-byte salt
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c",                       // 15-byte hash
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2G",       // cut by 4
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPcAAAA", // 35 bytes
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc$x",
            " $argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "PBKDF2WithHmacSHA512:220000:c2FsdA==:a2V5",
    })
    void readsNothingElse(String stored) {
        assertEquals(Optional.empty(), Argon2idPhc.parse(stored));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "m=4194304,t=2,p=1",  // 4 GiB
            "m=262144,t=2,p=1",   // the reference's 256 MiB vector
            "m=65537,t=2,p=1",
            "m=19456,t=17,p=1",
            "m=19456,t=2,p=5",
            "m=19456,t=2000000000,p=1",
            "m=19456,t=0,p=1",
            "m=0,t=2,p=1",
            "m=19456,t=2,p=0",
            "m=9999999999,t=2,p=1",
    })
    void aStoredCostBeyondTheCapsIsNoHash(String cost) {
        assertEquals(Optional.empty(), Argon2idPhc.parse("$argon2id$v=19$" + cost
                + "$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"));
    }
}
