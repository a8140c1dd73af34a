package eu.impactlab.equipment;

import eu.impactlab.labs.Language;
import eu.impactlab.platform.TextRules;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A machine's name, description and photo alt text in each UI language, and its photo. A missing language shows the
 * German text, and a machine without any text its German name from the machine row, so nothing is ever blank.
 */
@Repository
class MachineTexts {

    /** Photos larger than this are refused with a message (forms above 1 MiB never get here: web.RequestBodyLimitFilter). */
    static final int MAX_PHOTO_BYTES = 1_000_000;

    /** What a page shows of a machine in one language; {@code photo} is the cache key of its photo, or null. */
    record Text(String name, String description, String photoAlt, String photo) {
    }

    /** What a coordinator typed for one language. */
    record Entry(String language, String name, String description, String photoAlt) {
    }

    record Photo(String contentType, byte[] data, String sha256) {
    }

    private final JdbcClient jdbc;

    MachineTexts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The texts of these machines in one language, with the German and the machine row's name as fallbacks. */
    Map<Long, Text> in(List<Machine> machines, Language language) {
        Map<Long, Text> texts = new HashMap<>();
        if (machines.isEmpty()) {
            return texts;
        }
        List<Long> ids = machines.stream().map(Machine::id).toList();
        Map<Long, Map<String, Entry>> stored = new HashMap<>();
        jdbc.sql("select machine_id, language, name, description, photo_alt from machine_text where machine_id in (:ids)")
                .param("ids", ids)
                .query((rs, i) -> stored.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2),
                        new Entry(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))))
                .list();
        Map<Long, String> photos = new HashMap<>();
        jdbc.sql("select machine_id, sha256 from machine_photo where machine_id in (:ids)").param("ids", ids)
                .query((rs, i) -> photos.put(rs.getLong(1), rs.getString(2).substring(0, 12))).list();
        for (Machine m : machines) {
            Map<String, Entry> mine = stored.getOrDefault(m.id(), Map.of());
            Entry wanted = mine.get(language.tag());
            Entry german = mine.get(Language.DE.tag());
            texts.put(m.id(), new Text(
                    first(wanted == null ? null : wanted.name(), german == null ? null : german.name(), m.name()),
                    first(wanted == null ? null : wanted.description(), german == null ? null : german.description()),
                    first(wanted == null ? null : wanted.photoAlt(), german == null ? null : german.photoAlt()),
                    photos.get(m.id())));
        }
        return texts;
    }

    Text in(Machine machine, Language language) {
        return in(List.of(machine), language).get(machine.id());
    }

    /** What was typed per language, for the coordinator's form (every UI language, empty where nothing is stored). */
    List<Entry> entries(long machineId) {
        Map<String, Entry> stored = new HashMap<>();
        jdbc.sql("select language, name, description, photo_alt from machine_text where machine_id = :id").param("id", machineId)
                .query((rs, i) -> stored.put(rs.getString(1), new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))))
                .list();
        return Language.uiLanguages().stream()
                .map(l -> stored.getOrDefault(l.tag(), new Entry(l.tag(), "", "", ""))).toList();
    }

    /** The message key of the first thing wrong with these texts, or null. A language without a name is not stored. */
    static String problem(List<Entry> entries) {
        for (Entry e : entries) {
            if (Language.fromTag(e.language()).isEmpty()) {
                return "equipment.texts.error.language";
            }
            if (e.name().length() > 120 || !TextRules.singleLine(e.name()) || e.photoAlt().length() > 200
                    || !TextRules.singleLine(e.photoAlt())) {
                return "equipment.texts.error.name";
            }
            if (e.description().length() > 600) {
                return "equipment.texts.error.description";
            }
            if (e.name().isBlank() && !(e.description().isBlank() && e.photoAlt().isBlank())) {
                return "equipment.texts.error.nameFirst";
            }
        }
        return null;
    }

    /** Replaces the texts of a machine; the German name also becomes the machine row's name (lists, mails, staff). */
    void save(long machineId, List<Entry> entries) {
        jdbc.sql("delete from machine_text where machine_id = :id").param("id", machineId).update();
        for (Entry e : entries) {
            if (e.name().isBlank()) {
                continue;
            }
            jdbc.sql("""
                    insert into machine_text (machine_id, language, name, description, photo_alt)
                    values (:id, :lang, :name, :description, :alt)""")
                    .param("id", machineId).param("lang", e.language()).param("name", e.name().strip())
                    .param("description", e.description().isBlank() ? null : e.description().strip())
                    .param("alt", e.photoAlt().isBlank() ? null : e.photoAlt().strip()).update();
            if (Language.DE.tag().equals(e.language())) {
                jdbc.sql("update machine set name = :name where id = :id").param("name", e.name().strip()).param("id", machineId).update();
            }
        }
    }

    /** The picture's type from its first bytes (not from what the browser claims), or null when it is none we take. */
    static String imageType(byte[] data) {
        if (data.length > 3 && (data[0] & 0xff) == 0xFF && (data[1] & 0xff) == 0xD8 && (data[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (data.length > 8 && Arrays.equals(Arrays.copyOf(data, 8), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
            return "image/png";
        }
        if (data.length > 12 && new String(data, 0, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("RIFF")
                && new String(data, 8, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("WEBP")) {
            return "image/webp";
        }
        return null;
    }

    /** Stores a machine's photo; null when stored, else the message key why not. */
    String savePhoto(long machineId, byte[] data) {
        if (data == null || data.length == 0) {
            return "equipment.photo.error.missing";
        }
        if (data.length > MAX_PHOTO_BYTES) {
            return "equipment.photo.error.size";
        }
        String type = imageType(data);
        if (type == null) {
            return "equipment.photo.error.type";
        }
        jdbc.sql("""
                insert into machine_photo (machine_id, content_type, data, sha256) values (:id, :type, :data, :sha)
                on conflict (machine_id) do update set content_type = excluded.content_type, data = excluded.data,
                    sha256 = excluded.sha256, uploaded_at = now()""")
                .param("id", machineId).param("type", type).param("data", data).param("sha", sha256(data)).update();
        return null;
    }

    Optional<Photo> photo(long machineId) {
        return jdbc.sql("select content_type, data, sha256 from machine_photo where machine_id = :id").param("id", machineId)
                .query((rs, i) -> new Photo(rs.getString(1), rs.getBytes(2), rs.getString(3))).optional();
    }

    void removePhoto(long machineId) {
        jdbc.sql("delete from machine_photo where machine_id = :id").param("id", machineId).update();
    }

    private static String sha256(byte[] data) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String first(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c;
            }
        }
        return null;
    }
}
