package eu.impactlab.skills;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.imageio.ImageIO;

/**
 * Badge images with the credential baked in, as the Open Badges 3.0 baking rules say: a PNG with one {@code iTXt}
 * chunk {@code openbadgecredential} holding the JSON byte for byte, and an SVG with an {@code openbadges:credential}
 * element; and the way back from an uploaded file to the JSON inside it.
 */
final class BakedBadges {

    static final String KEYWORD = "openbadgecredential";
    static final String NAMESPACE = "https://purl.imsglobal.org/ob/v3p0";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Pattern SVG_CREDENTIAL = Pattern.compile(
            "<openbadges:credential(?:\\s[^>]*)?(?:/>|>(.*?)</openbadges:credential>)", Pattern.DOTALL);
    private static final Pattern SVG_VERIFY = Pattern.compile("verify\\s*=\\s*\"([^\"]*)\"");
    private static final byte[] IMAGE = drawImage();

    /** What an uploaded file holds: the credential's JSON, or why none could be taken from it. */
    record Extracted(String json, String problem) {
    }

    private BakedBadges() {
    }

    /** The badge image with the credential as the one {@code openbadgecredential} iTXt chunk, just before IEND. */
    static byte[] png(String json) {
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(KEYWORD.getBytes(StandardCharsets.ISO_8859_1));
        // null separator, not compressed, compression method 0, empty language tag, empty translated keyword
        data.writeBytes(new byte[] {0, 0, 0, 0, 0});
        data.writeBytes(text);
        byte[] chunk = chunk("iTXt", data.toByteArray());
        int iend = IMAGE.length - 12;
        ByteArrayOutputStream out = new ByteArrayOutputStream(IMAGE.length + chunk.length);
        out.write(IMAGE, 0, iend);
        out.writeBytes(chunk);
        out.write(IMAGE, iend, 12);
        return out.toByteArray();
    }

    /** The badge image as SVG with the credential in an {@code openbadges:credential} element. */
    static String svg(String json, String title) {
        // "]]>" cannot stand inside CDATA, so it is split across two sections.
        String cdata = json.replace("]]>", "]]]]><![CDATA[>");
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="%s" width="256" height="256" viewBox="0 0 256 256" role="img">
                <title>%s</title>
                <openbadges:credential><![CDATA[%s]]></openbadges:credential>
                <circle cx="128" cy="128" r="120" fill="#0b5cad"/>
                <circle cx="128" cy="128" r="100" fill="none" stroke="#ffffff" stroke-width="8"/>
                <path d="M80 132 L114 166 L178 96" fill="none" stroke="#ffffff" stroke-width="18" stroke-linecap="round" stroke-linejoin="round"/>
                </svg>
                """.formatted(NAMESPACE, escape(title), cdata);
    }

    /** The credential inside an uploaded JSON, PNG or SVG file. */
    static Extracted extract(byte[] file) {
        if (file.length >= 8 && Arrays.equals(Arrays.copyOf(file, 8), PNG_SIGNATURE)) {
            return fromPng(file);
        }
        String text = new String(file, StandardCharsets.UTF_8).strip();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.startsWith("<")) {
            return fromSvg(text);
        }
        return new Extracted(text, null);
    }

    private static Extracted fromPng(byte[] file) {
        List<String> found = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(file, 8, file.length - 8);
        try {
            while (in.remaining() >= 12) {
                int length = in.getInt();
                byte[] type = new byte[4];
                in.get(type);
                if (length < 0 || length > in.remaining() - 4) {
                    return new Extracted(null, "NO_BADGE_IN_IMAGE");
                }
                byte[] data = new byte[length];
                in.get(data);
                in.getInt(); // the CRC: a changed chunk is caught by the signature check of its content
                if ("iTXt".equals(new String(type, StandardCharsets.ISO_8859_1))) {
                    String text = iTxt(data);
                    if (text != null) {
                        found.add(text);
                    }
                }
            }
        } catch (RuntimeException | DataFormatException e) {
            return new Extracted(null, "NO_BADGE_IN_IMAGE");
        }
        return one(found);
    }

    /** The text of an iTXt chunk with our keyword, or null for any other. */
    private static String iTxt(byte[] data) throws DataFormatException {
        int keywordEnd = indexOf(data, 0);
        if (keywordEnd < 0 || !KEYWORD.equals(new String(data, 0, keywordEnd, StandardCharsets.ISO_8859_1))) {
            return null;
        }
        boolean compressed = data[keywordEnd + 1] == 1;
        int languageEnd = indexOf(data, keywordEnd + 3);
        int translatedEnd = indexOf(data, languageEnd + 1);
        byte[] text = Arrays.copyOfRange(data, translatedEnd + 1, data.length);
        if (compressed) {
            Inflater inflater = new Inflater();
            inflater.setInput(text);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("truncated");
                }
                out.write(buffer, 0, n);
            }
            inflater.end();
            text = out.toByteArray();
        }
        return new String(text, StandardCharsets.UTF_8);
    }

    private static Extracted fromSvg(String svg) {
        List<String> found = new ArrayList<>();
        Matcher m = SVG_CREDENTIAL.matcher(svg);
        while (m.find()) {
            if (m.group(1) != null && !m.group(1).isBlank()) {
                found.add(m.group(1).replace("<![CDATA[", "").replace("]]>", "").strip());
            } else {
                Matcher verify = SVG_VERIFY.matcher(m.group());
                // a compact JWS in the verify attribute is not what we issue; it fails verification as not JSON
                found.add(verify.find() ? verify.group(1) : "");
            }
        }
        return one(found);
    }

    private static Extracted one(List<String> found) {
        if (found.isEmpty()) {
            return new Extracted(null, "NO_BADGE_IN_IMAGE");
        }
        return found.size() == 1 ? new Extracted(found.get(0), null) : new Extracted(null, "SEVERAL_IN_IMAGE");
    }

    private static int indexOf(byte[] data, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        ByteBuffer out = ByteBuffer.allocate(12 + data.length);
        out.putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue());
        return out.array();
    }

    /** A round seal with a tick, drawn without fonts so it looks the same on every server. */
    private static byte[] drawImage() {
        BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x0b5cad));
        g.fillOval(8, 8, 240, 240);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(8));
        g.drawOval(28, 28, 200, 200);
        g.setStroke(new BasicStroke(18, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D tick = new Path2D.Double();
        tick.moveTo(80, 132);
        tick.lineTo(114, 166);
        tick.lineTo(178, 96);
        g.draw(tick);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
