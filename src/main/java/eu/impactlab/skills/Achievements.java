package eu.impactlab.skills;

import eu.impactlab.labs.Language;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A coordinator's definition of a course's achievement: what new badges of the course certify (name, description and
 * criteria per language, competences, level, image). Badges already issued keep what they were signed with.
 */
@Component
class Achievements {

    static final int MAX_IMAGE_BYTES = 256 * 1024;
    static final List<String> LEVELS = List.of("FOUNDATION", "INTERMEDIATE", "ADVANCED", "HIGHLY_SPECIALISED");
    /** The languages a badge can be issued in (Leichte Sprache badges speak German). */
    static final List<Language> LANGUAGES = List.of(Language.DE, Language.EN, Language.TR, Language.AR, Language.RU,
            Language.UK, Language.PL);

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** What makes an SVG run code or load something when a browser opens it; such an image is refused, not repaired. */
    private static final Pattern SVG_ACTIVE = Pattern.compile(
            "<\\s*script|<\\s*foreignObject|<\\s*iframe|<\\s*embed|<\\s*object|\\son[a-z]+\\s*=|javascript:|<!ENTITY|"
                    + "(?:xlink:)?href\\s*=\\s*[\"']\\s*(?!#)|@import|url\\s*\\(\\s*[\"']?\\s*(?!#)",
            Pattern.CASE_INSENSITIVE);

    record Text(String name, String description, String criteria) {
    }

    record Definition(long courseId, String level, List<String> competences, Map<String, Text> texts, String imageType,
            Instant updatedAt) {

        /** The texts in this language, German where the coordinator left it empty. */
        Text text(Language language) {
            Text text = texts.get(language == Language.LS ? "de" : language.tag());
            return text != null ? text : texts.get("de");
        }

        Optional<String> imageUrl(String base) {
            return imageType == null ? Optional.empty()
                    : Optional.of(base + "/achievements/" + courseId + "/image?v=" + updatedAt.getEpochSecond());
        }
    }

    record Image(byte[] data, String type) {
    }

    enum ImageProblem { TYPE, SIZE, SCRIPT }

    private final JdbcClient jdbc;
    private final Clock clock;

    Achievements(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Definition> of(long courseId) {
        Map<String, Text> texts = new LinkedHashMap<>();
        jdbc.sql("select language, name, description, criteria from skills_achievement_text where course_id = ?").param(courseId)
                .query(rs -> {
                    texts.put(rs.getString(1), new Text(rs.getString(2), rs.getString(3), rs.getString(4)));
                });
        return jdbc.sql("select level, competences, image_type, updated_at from skills_achievement where course_id = ?")
                .param(courseId)
                .query((rs, i) -> new Definition(courseId, rs.getString(1),
                        rs.getString(2).isEmpty() ? List.of() : Arrays.asList(rs.getString(2).split(",")), Map.copyOf(texts),
                        rs.getString(3), rs.getTimestamp(4).toInstant()))
                .optional();
    }

    Optional<Image> image(long courseId) {
        return jdbc.sql("select image, image_type from skills_achievement where course_id = ? and image is not null").param(courseId)
                .query((rs, i) -> new Image(rs.getBytes(1), rs.getString(2))).optional();
    }

    /**
     * Stores the definition; the German texts must be there.
     *
     * @param image null keeps the stored image
     */
    @Transactional
    void save(long courseId, String level, List<String> competences, Map<String, Text> texts, Image image, boolean removeImage,
            String actor) {
        jdbc.sql("""
                insert into skills_achievement (course_id, level, competences, updated_at, updated_by) values (?, ?, ?, ?, ?)
                on conflict (course_id) do update set level = excluded.level, competences = excluded.competences,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by,
                    updated_by_id = excluded.updated_by_id""")
                .params(courseId, level, String.join(",", competences), Timestamp.from(Instant.now(clock)), actor).update();
        if (image != null || removeImage) {
            jdbc.sql("update skills_achievement set image = ?, image_type = ? where course_id = ?")
                    .params(image == null ? null : image.data(), image == null ? null : image.type(), courseId).update();
        }
        jdbc.sql("delete from skills_achievement_text where course_id = ?").param(courseId).update();
        texts.forEach((language, text) -> jdbc.sql("""
                insert into skills_achievement_text (course_id, language, name, description, criteria) values (?, ?, ?, ?, ?)""")
                .params(courseId, language, text.name(), text.description(), text.criteria()).update());
    }

    /** @return what is wrong with an uploaded image, or empty for a PNG or an SVG without scripts within the size limit */
    static Optional<ImageProblem> problem(byte[] data, String filename) {
        if (data.length > MAX_IMAGE_BYTES) {
            return Optional.of(ImageProblem.SIZE);
        }
        String type = type(data, filename);
        if (type == null) {
            return Optional.of(ImageProblem.TYPE);
        }
        if (type.equals("image/svg+xml") && SVG_ACTIVE.matcher(new String(data, StandardCharsets.UTF_8)).find()) {
            return Optional.of(ImageProblem.SCRIPT);
        }
        return Optional.empty();
    }

    /** PNG by its signature, SVG by an {@code <svg} root; @return null for anything else */
    static String type(byte[] data, String filename) {
        if (data.length >= PNG_SIGNATURE.length && Arrays.equals(Arrays.copyOf(data, PNG_SIGNATURE.length), PNG_SIGNATURE)) {
            return "image/png";
        }
        String head = new String(data, 0, Math.min(data.length, 2048), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        boolean svgName = filename != null && filename.toLowerCase(Locale.ROOT).endsWith(".svg");
        return svgName && head.contains("<svg") ? "image/svg+xml" : null;
    }
}
