package io.gatehouse.account;

import io.gatehouse.testing.GatehouseIT;
import io.gatehouse.testing.StoredHashes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Accounts made before today's hash: each one is moved to Argon2id at today's cost by its next sign-in, and keeps
 * signing in. Hashes are put in place in the database, as an upgrade from an older Gatehouse finds them.
 */
class PasswordUpgradeIT extends GatehouseIT {

    private static final String TODAYS = "$argon2id$v=19$m=19456,t=2,p=1$";
    /** The Argon2 reference implementation's test vector for "password": 64 MiB but one pass, at OWASP's floor. */
    private static final String ONE_PASS = "$argon2id$v=19$m=65536,t=1,p=1$c29tZXNhbHQ$9qWtwbpyPd3vm1rB1GThgPzZ3/ydHL92zKL+15XZypg";
    /** The same vector's 256 KiB: far below the floor. */
    private static final String BELOW_THE_FLOOR = "$argon2id$v=19$m=256,t=2,p=2$c29tZXNhbHQ$bQk8UB/VmZZF4Oo79iDXuL5/0ttZwg2f/5U52iv1cDc";

    private String accountWith(String hash) {
        String username = newUsername();
        assertEquals(303, visitor().signUp(username, PASSWORD).status());
        StoredHashes.replace(username, hash);
        return username;
    }

    @Test
    void aPbkdf2AccountSignsInAndIsThenArgon2idAndSignsInAgain() {
        String username = accountWith(StoredHashes.pbkdf2(PASSWORD));

        assertEquals("/profile", visitor().signIn(username, PASSWORD).location());
        assertTrue(StoredHashes.of(username).startsWith(TODAYS), "the hash was not renewed");

        assertEquals("/profile", visitor().signIn(username, PASSWORD).location());
        assertEquals("/login?error", visitor().signIn(username, "not the password at all").location());
    }

    @Test
    void aWrongPasswordLeavesAPbkdf2HashAsItIs() {
        String pbkdf2 = StoredHashes.pbkdf2(PASSWORD);
        String username = accountWith(pbkdf2);

        assertEquals("/login?error", visitor().signIn(username, "not the password at all").location());

        assertEquals(pbkdf2, StoredHashes.of(username));
    }

    @Test
    void anArgon2idHashOfWeakerSettingsAtTheFloorIsRaisedAtSignIn() {
        String username = accountWith(ONE_PASS);

        assertEquals("/profile", visitor().signIn(username, "password").location());
        assertTrue(StoredHashes.of(username).startsWith(TODAYS), StoredHashes.of(username));

        assertEquals("/profile", visitor().signIn(username, "password").location());
    }

    @Test
    void aHashBelowTheFloorNeverSignsInAndStaysAsItIs() {
        String username = accountWith(BELOW_THE_FLOOR);

        assertEquals("/login?error", visitor().signIn(username, "password").location());

        assertEquals(BELOW_THE_FLOOR, StoredHashes.of(username));
    }

    @Test
    void aTamperedOrTruncatedHashNeverSignsAnyoneIn() {
        String username = newUsername();
        assertEquals(303, visitor().signUp(username, PASSWORD).status());
        String hash = StoredHashes.of(username);

        StoredHashes.replace(username, hash.substring(0, hash.length() - 5));
        assertEquals("/login?error", visitor().signIn(username, PASSWORD).location());
        StoredHashes.replace(username, hash.replace("m=19456", "m=4194304"));
        assertEquals("/login?error", visitor().signIn(username, PASSWORD).location());
        StoredHashes.replace(username, "");
        assertEquals("/login?error", visitor().signIn(username, PASSWORD).location());

        StoredHashes.replace(username, hash);
        assertEquals("/profile", visitor().signIn(username, PASSWORD).location(), "the untouched hash still signs in");
    }
}
