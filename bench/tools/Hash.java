import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The time of one password hash as Gatehouse and P1 make it (PBKDF2WithHmacSHA512, 32-byte salt, 64-byte hash),
 * on one thread of this JDK: the median of SAMPLES after three unrecorded ones. bench/run turns it into the hash
 * bound, cores ÷ one hash's time: no sign-in loop can beat it, since each sign-in checks one hash.
 * Then, with THREADS and SECONDS, the hashes per second that THREADS threads of this JVM finish together, doing
 * nothing else: what the cores give a hashing loop with no server around it, to read the bound against.
 *
 * <pre>java Hash.java ITERATIONS SAMPLES [THREADS SECONDS]</pre>
 */
public final class Hash {

    private static final char[] PASSWORD = "bench-password-0-long-enough".toCharArray();

    public static void main(String[] args) throws Exception {
        int iterations = Integer.parseInt(args[0]);
        System.out.printf("hash_ms=%.1f%n", medianMillis(iterations, Integer.parseInt(args[1])));
        if (args.length == 4) {
            int threads = Integer.parseInt(args[2]);
            int seconds = Integer.parseInt(args[3]);
            System.out.printf("parallel_hashes_per_second=%.2f%n",
                    (double) hashesTogether(threads, seconds, iterations) / seconds);
        }
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

    /** The hashes that THREADS threads finish within SECONDS, all of them hashing from the start. */
    private static int hashesTogether(int threads, int seconds, int iterations) throws InterruptedException {
        AtomicInteger finished = new AtomicInteger();
        long start = System.nanoTime() + 100_000_000L;
        long end = start + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int n = 0; n < threads; n++) {
            pool.submit(() -> {
                SecretKeyFactory pbkdf2 = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512");
                byte[] salt = salt();
                while (System.nanoTime() < start) {
                    Thread.onSpinWait();
                }
                while (true) {
                    hash(pbkdf2, salt, iterations);
                    if (System.nanoTime() > end) {
                        return null;
                    }
                    finished.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 600, TimeUnit.SECONDS);
        return finished.get();
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
