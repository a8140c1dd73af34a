package eu.impactlab.consultations;

import java.security.SecureRandom;

/**
 * Short booking codes that are easy to read aloud and type on a phone: {@code K7-4QX}. The alphabet leaves out
 * characters people confuse (0/O, 1/I/L, U/V): 29 characters, 20 million codes.
 */
final class BookingCodes {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private BookingCodes() {
    }

    static String next() {
        StringBuilder code = new StringBuilder(6);
        for (int i = 0; i < 5; i++) {
            if (i == 2) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /** What people type: lower case, spaces, a missing dash are all fine. */
    static String normalise(String input) {
        String plain = input == null ? "" : input.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        return plain.length() == 5 ? plain.substring(0, 2) + "-" + plain.substring(2) : plain;
    }
}
