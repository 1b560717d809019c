import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The time of one password hash as Gatehouse and P1 make it (PBKDF2WithHmacSHA512, 32-byte salt, 64-byte hash),
 * on one thread of this JDK: the median of SAMPLES after three unrecorded ones. bench/run turns it into the hash
 * bound, cores ÷ one hash's time: no sign-in loop can beat it, since each sign-in checks one hash.
 *
 * <pre>java Hash.java ITERATIONS SAMPLES</pre>
 */
public final class Hash {

    public static void main(String[] args) throws Exception {
        int iterations = Integer.parseInt(args[0]);
        int samples = Integer.parseInt(args[1]);
        SecretKeyFactory pbkdf2 = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512");
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        char[] password = "bench-password-0-long-enough".toCharArray();
        double[] millis = new double[samples];
        for (int n = -3; n < samples; n++) {
            long started = System.nanoTime();
            pbkdf2.generateSecret(new PBEKeySpec(password, salt, iterations, 64 * 8)).getEncoded();
            if (n >= 0) {
                millis[n] = (System.nanoTime() - started) / 1e6;
            }
        }
        Arrays.sort(millis);
        System.out.printf("hash_ms=%.1f%n", millis[samples / 2]);
    }

    private Hash() {
    }
}
