package io.gatehouse.account;

import jakarta.security.enterprise.identitystore.PasswordHash;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id behind Jakarta Security's {@link PasswordHash}, computed by Bouncy Castle's {@link Argon2BytesGenerator}:
 * a random 16-byte salt, a 32-byte hash, stored as a PHC string ({@link Argon2idPhc}). A stored string verifies at
 * the cost it carries, within the caps. Bouncy Castle allocates the memory afresh in every {@code init}, so there
 * is no generator to keep between hashes (docs/decisions/014-argon2id-by-default.md).
 */
final class Argon2idPasswordHash implements PasswordHash {

    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = Argon2idPhc.HASH_BYTES;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Set by the constructor rather than {@code initialize}: the settings are read and checked once, in {@link Argon2Cost}. */
    private final Argon2Cost cost;

    Argon2idPasswordHash(Argon2Cost cost) {
        this.cost = cost;
    }

    @Override
    public String generate(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new Argon2idPhc(cost, salt, compute(password, cost, salt, HASH_BYTES)).format();
    }

    /** A string that is no well-formed Argon2id hash within the caps never verifies. */
    @Override
    public boolean verify(char[] password, String stored) {
        Optional<Argon2idPhc> hash = Argon2idPhc.parse(stored);
        return hash.isPresent() && MessageDigest.isEqual(hash.get().hash(),
                compute(password, hash.get().cost(), hash.get().salt(), HASH_BYTES));
    }

    /** The password as UTF-8, Bouncy Castle's default, as the reference implementation and every other library take it. */
    private static byte[] compute(char[] password, Argon2Cost cost, byte[] salt, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKib())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build());
        byte[] hash = new byte[length];
        generator.generateBytes(password, hash);
        return hash;
    }
}
