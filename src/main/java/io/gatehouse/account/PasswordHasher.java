package io.gatehouse.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Map;

/**
 * Jakarta Security's PBKDF2 with the OWASP 2026 parameters; its own default is only SHA-256 x 2048.
 * Passwords are NFKC-normalized first, so the same password typed on another keyboard still matches.
 */
@ApplicationScoped
public class PasswordHasher {

    static final Map<String, String> PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "220000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64");

    private final Pbkdf2PasswordHash pbkdf2;
    private final String dummyHash;

    @Inject
    public PasswordHasher(Pbkdf2PasswordHash pbkdf2) {
        this.pbkdf2 = pbkdf2;
        pbkdf2.initialize(PARAMETERS);
        this.dummyHash = hash(randomPassword());
    }

    /** For the CDI proxy only. */
    protected PasswordHasher() {
        this.pbkdf2 = null;
        this.dummyHash = null;
    }

    public String hash(String password) {
        return pbkdf2.generate(normalize(password));
    }

    public boolean verify(String password, String storedHash) {
        return pbkdf2.verify(normalize(password), storedHash);
    }

    /** Costs what {@link #verify} costs, so that an unknown name cannot be told from a wrong password by time. */
    public void verifyAgainstNothing(String password) {
        pbkdf2.verify(normalize(password), dummyHash);
    }

    private static char[] normalize(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC).toCharArray();
    }

    private static String randomPassword() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
