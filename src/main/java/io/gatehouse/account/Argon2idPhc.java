package io.gatehouse.account;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2id hash as the PHC string format stores it: {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, salt
 * and hash in base64 without padding, m in KiB. Read strictly: one version, the three parameters in that order,
 * no leading zeros, canonical base64, a 32-byte hash, and the cost within {@link Argon2Cost}'s caps. Anything else is no hash.
 */
record Argon2idPhc(Argon2Cost cost, byte[] salt, byte[] hash) {

    static final String PREFIX = "$argon2id$v=19$";

    private static final String NUMBER = "([1-9][0-9]{0,8})";
    private static final String BASE64 = "([A-Za-z0-9+/]+)";
    private static final Pattern FORMAT = Pattern.compile(Pattern.quote(PREFIX)
            + "m=" + NUMBER + ",t=" + NUMBER + ",p=" + NUMBER + "\\$" + BASE64 + "\\$" + BASE64);
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

    /**
     * A salt of 8 bytes (the PHC format's least, the reference vectors') to 64; a hash of exactly 32, ours and the
     * reference vectors': a hash cut short by whole base64 groups would otherwise still read as a shorter one.
     */
    static final int MIN_SALT_BYTES = 8;
    static final int MAX_SALT_BYTES = 64;
    static final int HASH_BYTES = 32;

    static Optional<Argon2idPhc> parse(String stored) {
        Matcher parts = FORMAT.matcher(stored);
        if (!parts.matches()) {
            return Optional.empty();
        }
        Argon2Cost cost = new Argon2Cost(Integer.parseInt(parts.group(1)), Integer.parseInt(parts.group(2)),
                Integer.parseInt(parts.group(3)));
        Optional<byte[]> salt = decode(parts.group(4), MIN_SALT_BYTES, MAX_SALT_BYTES);
        Optional<byte[]> hash = decode(parts.group(5), HASH_BYTES, HASH_BYTES);
        if (!cost.isWithinCaps() || salt.isEmpty() || hash.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Argon2idPhc(cost, salt.get(), hash.get()));
    }

    String format() {
        return PREFIX + cost + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    /** Only the one encoding of each byte string: a base64 text with stray low bits is refused, not rounded. */
    private static Optional<byte[]> decode(String text, int minBytes, int maxBytes) {
        if (text.length() > (maxBytes * 4 + 2) / 3) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        boolean fits = bytes.length >= minBytes && bytes.length <= maxBytes && ENCODER.encodeToString(bytes).equals(text);
        return fits ? Optional.of(bytes) : Optional.empty();
    }
}
