import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * What the hash alone allows: password hashes as Gatehouse and P1 make them, with nothing else running in this
 * JVM. No sign-in loop can beat it, since each sign-in checks one hash. The hash is named by a spec:
 * <ul>
 * <li>{@code argon2id:M:T:P}: Bouncy Castle's Argon2id, M KiB, T passes, P lanes, 16-byte salt, 32-byte hash
 * (Gatehouse today, P1's Argon2PasswordEncoder);</li>
 * <li>{@code pbkdf2:ITERATIONS}: PBKDF2WithHmacSHA512, 32-byte salt, 64-byte hash (Gatehouse before decision 014,
 * P1's PBKDF2 variant);</li>
 * <li>{@code bcrypt:COST}: Spring Security's BCrypt (P1's default).</li>
 * </ul>
 * Two figures (docs/decisions/bench-hash-bound.md):
 * <ul>
 * <li>the time of one hash on one thread, the median of SAMPLES after three unrecorded ones: the issue's bound is
 * cores ÷ this time;</li>
 * <li>the hashes per second that one thread per core finish together, SAMPLES hashes in all: what the cores give
 * when all of them hash, as they do under sign-in load.</li>
 * </ul>
 *
 * <pre>java -cp tools:lib/* Hash SPEC SAMPLES</pre>
 */
public final class Hash {

    private static final char[] PASSWORD = "bench-password-0-long-enough".toCharArray();

    public static void main(String[] args) throws Exception {
        String spec = args[0];
        int samples = Integer.parseInt(args[1]);
        System.out.printf("hash_ms=%.1f%n", medianMillis(spec, samples));
        System.out.printf("hashes_per_second_every_core=%.2f%n", everyCorePerSecond(spec, samples));
    }

    /** The median time of one hash on this thread, over SAMPLES after three unrecorded ones. */
    static double medianMillis(String spec, int samples) throws Exception {
        Hasher hasher = hasher(spec);
        double[] millis = new double[samples];
        for (int n = -3; n < samples; n++) {
            long started = System.nanoTime();
            hasher.hash();
            if (n >= 0) {
                millis[n] = (System.nanoTime() - started) / 1e6;
            }
        }
        Arrays.sort(millis);
        return millis[samples / 2];
    }

    /**
     * Hashes per second with one thread per core hashing, each its share of SAMPLES (at least one), all started
     * together after one unrecorded hash each, until the last of them finishes.
     */
    static double everyCorePerSecond(String spec, int samples) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        int each = Math.max(1, Math.round((float) samples / threads));
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> finished = new ArrayList<>();
            for (int n = 0; n < threads; n++) {
                finished.add(pool.submit(() -> {
                    Hasher hasher = hasher(spec);
                    hasher.hash();
                    start.await();
                    for (int hashed = 0; hashed < each; hashed++) {
                        hasher.hash();
                    }
                    return System.nanoTime();
                }));
            }
            start.await();
            long started = System.nanoTime();
            long last = started;
            for (Future<Long> thread : finished) {
                last = Math.max(last, thread.get());
            }
            return threads * each / ((last - started) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface Hasher {
        void hash() throws Exception;
    }

    private static Hasher hasher(String spec) throws Exception {
        String[] parts = spec.split(":");
        switch (parts[0]) {
            case "pbkdf2": {
                SecretKeyFactory pbkdf2 = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512");
                byte[] salt = salt(32);
                int iterations = Integer.parseInt(parts[1]);
                return () -> pbkdf2.generateSecret(new PBEKeySpec(PASSWORD, salt, iterations, 64 * 8)).getEncoded();
            }
            case "argon2id": {
                Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                        .withMemoryAsKB(Integer.parseInt(parts[1]))
                        .withIterations(Integer.parseInt(parts[2]))
                        .withParallelism(Integer.parseInt(parts[3]))
                        .withSalt(salt(16))
                        .build();
                return () -> {
                    Argon2BytesGenerator generator = new Argon2BytesGenerator();
                    generator.init(parameters);
                    generator.generateBytes(PASSWORD, new byte[32]);
                };
            }
            case "bcrypt": {
                String salt = BCrypt.gensalt(Integer.parseInt(parts[1]));
                String password = new String(PASSWORD);
                return () -> BCrypt.hashpw(password, salt);
            }
            default:
                throw new IllegalArgumentException("a hash spec is argon2id:M:T:P, pbkdf2:ITERATIONS or bcrypt:COST, not " + spec);
        }
    }

    private static byte[] salt(int length) {
        byte[] salt = new byte[length];
        new SecureRandom().nextBytes(salt);
        return salt;
    }

    private Hash() {
    }
}
