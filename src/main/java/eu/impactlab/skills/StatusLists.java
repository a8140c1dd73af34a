package eu.impactlab.skills;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Collection;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The bitstring of a Bitstring Status List: {@link #SIZE} bits (the minimum the W3C recommendation sets, so a list
 * tells little about how many badges exist), the first position the left-most bit, GZIP-compressed and written as
 * multibase base64url.
 */
final class StatusLists {

    static final int SIZE = 131_072;

    private StatusLists() {
    }

    static String encode(Collection<Integer> setPositions) {
        byte[] bits = new byte[SIZE / 8];
        for (int position : setPositions) {
            bits[position / 8] |= (byte) (0x80 >>> (position % 8));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /** Whether the bit at this position is set in an encoded list. */
    static boolean isSet(String encodedList, int position) {
        String text = encodedList.startsWith("u") ? encodedList.substring(1) : encodedList;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(text)))) {
            byte[] bits = in.readAllBytes();
            return position / 8 < bits.length && (bits[position / 8] & (0x80 >>> (position % 8))) != 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
