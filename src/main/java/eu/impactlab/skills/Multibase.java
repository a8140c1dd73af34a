package eu.impactlab.skills;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;

/** base58btc multibase ("z…") and the Ed25519 multicodec headers of Multikey, as did:key and Data Integrity use them. */
final class Multibase {

    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);
    static final byte[] ED25519_PUBLIC = {(byte) 0xed, 0x01};
    static final byte[] ED25519_SECRET = {(byte) 0x80, 0x26};

    private Multibase() {
    }

    static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        BigInteger n = new BigInteger(1, bytes);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(BASE);
            out.append(ALPHABET.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
            out.append('1');
        }
        return "z" + out.reverse();
    }

    /** @throws IllegalArgumentException when it is not base58btc multibase */
    static byte[] decode(String multibase) {
        if (multibase == null || multibase.length() < 2 || multibase.charAt(0) != 'z') {
            throw new IllegalArgumentException("not base58btc multibase");
        }
        String text = multibase.substring(1);
        BigInteger n = BigInteger.ZERO;
        for (char c : text.toCharArray()) {
            int digit = ALPHABET.indexOf(c);
            if (digit < 0) {
                throw new IllegalArgumentException("not base58btc");
            }
            n = n.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        byte[] value = n.signum() == 0 ? new byte[0] : n.toByteArray();
        if (value.length > 0 && value[0] == 0) {
            value = Arrays.copyOfRange(value, 1, value.length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length() && text.charAt(i) == '1'; i++) {
            out.write(0);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    static String publicKey(byte[] raw) {
        return encode(concat(ED25519_PUBLIC, raw));
    }

    static byte[] rawPublicKey(String multibase) {
        byte[] bytes = decode(multibase);
        if (bytes.length != 34 || bytes[0] != ED25519_PUBLIC[0] || bytes[1] != ED25519_PUBLIC[1]) {
            throw new IllegalArgumentException("not an Ed25519 Multikey");
        }
        return Arrays.copyOfRange(bytes, 2, 34);
    }

    /** The 32-byte seed of an Ed25519 secret key in multibase (seed, optionally followed by the public key). */
    static byte[] secretSeed(String multibase) {
        byte[] bytes = decode(multibase);
        if (bytes.length < 34 || bytes[0] != ED25519_SECRET[0] || bytes[1] != ED25519_SECRET[1]) {
            throw new IllegalArgumentException("not an Ed25519 secret key");
        }
        return Arrays.copyOfRange(bytes, 2, 34);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
