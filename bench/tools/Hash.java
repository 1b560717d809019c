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

/**
 * What the hash alone allows: password hashes as Gatehouse and P1 make them (PBKDF2WithHmacSHA512, 32-byte salt,
 * 64-byte hash), with nothing else running in this JVM. No sign-in loop can beat it, since each sign-in checks one
 * hash. Two figures (docs/decisions/bench-hash-bound.md):
 * <ul>
 * <li>the time of one hash on one thread, the median of SAMPLES after three unrecorded ones: the bound is
 * cores ÷ this time;</li>
 * <li>the hashes per second that one thread per core finish together, SAMPLES hashes in all: what the cores give
 * when all of them hash, as they do under sign-in load.</li>
 * </ul>
 *
 * <pre>java Hash.java ITERATIONS SAMPLES</pre>
 */
public final class Hash {

    private static final char[] PASSWORD = "bench-password-0-long-enough".toCharArray();

    public static void main(String[] args) throws Exception {
        int iterations = Integer.parseInt(args[0]);
        int samples = Integer.parseInt(args[1]);
        System.out.printf("hash_ms=%.1f%n", medianMillis(iterations, samples));
        System.out.printf("hashes_per_second_every_core=%.2f%n", everyCorePerSecond(iterations, samples));
    }

    /** The median time of one hash on this thread, over SAMPLES after three unrecorded ones. */
    static double medianMillis(int iterations, int samples) throws Exception {
        SecretKeyFactory pbkdf2 = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512");
        byte[] salt = salt();
        double[] millis = new double[samples];
        for (int n = -3; n < samples; n++) {
            long started = System.nanoTime();
            hash(pbkdf2, salt, iterations);
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
    static double everyCorePerSecond(int iterations, int samples) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        int each = Math.max(1, Math.round((float) samples / threads));
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> finished = new ArrayList<>();
            for (int n = 0; n < threads; n++) {
                finished.add(pool.submit(() -> {
                    SecretKeyFactory pbkdf2 = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512");
                    byte[] salt = salt();
                    hash(pbkdf2, salt, iterations);
                    start.await();
                    for (int hashed = 0; hashed < each; hashed++) {
                        hash(pbkdf2, salt, iterations);
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

    private static byte[] salt() {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        return salt;
    }

    private static void hash(SecretKeyFactory pbkdf2, byte[] salt, int iterations) throws Exception {
        pbkdf2.generateSecret(new PBEKeySpec(PASSWORD, salt, iterations, 64 * 8)).getEncoded();
    }

    private Hash() {
    }
}
