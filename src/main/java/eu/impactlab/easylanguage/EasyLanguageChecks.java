package eu.impactlab.easylanguage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Whether Leichte Sprache texts were checked by the target group, for exactly the words they have now. The texts are
 * the {@code *_ls.properties} files; a check is recorded for a key with the hash of its text then, so any later change
 * to the text makes it unchecked without anyone having to remember.
 */
@Service
public class EasyLanguageChecks {

    /** How long the checked hashes are kept in memory: the mark on a page may lag a recorded check by this long. */
    private static final long CACHE_MILLIS = 60_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, String> texts;
    private volatile Map<String, String> checkedHashes;
    private volatile long loadedAt;

    EasyLanguageChecks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.texts = loadTexts();
    }

    /** Whether every one of these texts (key to the exact words shown) was checked in exactly these words. */
    public boolean allChecked(Map<String, String> textsByKey) {
        Map<String, String> checked = checkedHashes();
        // date and time patterns are not reading texts: nobody checks them
        return !textsByKey.isEmpty() && textsByKey.entrySet().stream().filter(e -> !e.getKey().startsWith("format."))
                .allMatch(e -> hash(e.getValue()).equals(checked.get(e.getKey())));
    }

    /** A text's status: checked (and by whom, when) only when the recorded hash is the hash of today's text. */
    public record TextStatus(String key, String text, boolean checked, LocalDate checkedOn, String checkedBy,
            boolean changedSinceCheck, List<Warning> warnings) {
    }

    /** The hints a machine can only raise, not judge (see {@link #warnings(String)}). */
    public enum WarningKind { PASSIVE, SUBJUNCTIVE, GENITIVE, NEGATION }

    /** One hint for a person to judge: the sentence, its kind and the word that raised it. */
    public record Warning(String sentence, WarningKind kind, String word) {
    }

    /**
     * Passive voice, subjunctive, genitive and negation in a Leichte Sprache text (one sentence a line), except the
     * words and sentences a person judged correct (easy-language/allowed-warnings.txt).
     */
    public static List<Warning> warnings(String text) {
        return SentenceWarnings.of(text);
    }

    public record Page(List<TextStatus> texts, int page, int pages, long total) {
    }

    public enum Filter { ALL, CHECKED, UNCHECKED, CHANGED, WARNINGS }

    /** The texts whose key or words contain {@code search}, with the given status, one page of them. */
    public Page texts(Filter filter, String search, int page, int pageSize) {
        Map<String, Row> rows = rows();
        String needle = search == null ? "" : search.strip().toLowerCase();
        List<TextStatus> all = texts.entrySet().stream()
                .filter(e -> needle.isEmpty() || e.getKey().toLowerCase().contains(needle)
                        || e.getValue().toLowerCase().contains(needle))
                .map(e -> status(e.getKey(), e.getValue(), rows.get(e.getKey())))
                .filter(s -> switch (filter) {
                    case ALL -> true;
                    case CHECKED -> s.checked();
                    case UNCHECKED -> !s.checked();
                    case CHANGED -> s.changedSinceCheck();
                    case WARNINGS -> !s.checked() && !s.warnings().isEmpty();
                })
                .toList();
        int pages = Math.max(1, (all.size() + pageSize - 1) / pageSize);
        int current = Math.min(Math.max(page, 1), pages);
        int from = (current - 1) * pageSize;
        return new Page(all.subList(from, Math.min(all.size(), from + pageSize)), current, pages, all.size());
    }

    /** Records that the group checked the key's text as it is now. @return false when there is no such text */
    public boolean recordCheck(String key, String group, LocalDate checkedOn) {
        String text = texts.get(key);
        if (text == null || group == null || group.isBlank() || checkedOn == null) {
            return false;
        }
        jdbc.sql("""
                insert into easy_language_check (message_key, text_hash, checked_on, checked_by, recorded_at)
                values (?, ?, ?, ?, ?)
                on conflict (message_key) do update set text_hash = excluded.text_hash,
                    checked_on = excluded.checked_on, checked_by = excluded.checked_by, recorded_at = excluded.recorded_at""")
                .params(key, hash(text), checkedOn, group.strip(), java.sql.Timestamp.from(Instant.now(clock))).update();
        loadedAt = 0;
        return true;
    }

    int textCount() {
        return texts.size();
    }

    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Row(String hash, LocalDate checkedOn, String checkedBy) {
    }

    private static TextStatus status(String key, String text, Row row) {
        boolean checked = row != null && row.hash().equals(hash(text));
        return new TextStatus(key, text, checked, row == null ? null : row.checkedOn(),
                row == null ? null : row.checkedBy(), row != null && !checked, SentenceWarnings.of(text));
    }

    private Map<String, Row> rows() {
        Map<String, Row> rows = new TreeMap<>();
        jdbc.sql("select message_key, text_hash, checked_on, checked_by from easy_language_check")
                .query((rs, i) -> new Object[] {rs.getString(1), new Row(rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getString(4))})
                .list().forEach(r -> rows.put((String) r[0], (Row) r[1]));
        return rows;
    }

    private Map<String, String> checkedHashes() {
        long now = clock.millis();
        Map<String, String> cached = checkedHashes;
        if (cached == null || now - loadedAt > CACHE_MILLIS) {
            Map<String, String> fresh = new TreeMap<>();
            rows().forEach((key, row) -> fresh.put(key, row.hash()));
            cached = Map.copyOf(fresh);
            checkedHashes = cached;
            loadedAt = now;
        }
        return cached;
    }

    /** Every Leichte Sprache text of every bundle, by key: whatever {@code *_ls.properties} files there are. */
    private static Map<String, String> loadTexts() {
        Map<String, String> all = new TreeMap<>();
        try {
            PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
            List<Resource> files = new java.util.ArrayList<>(List.of(resolver.getResources("classpath*:*_ls.properties")));
            files.addAll(List.of(resolver.getResources("classpath*:i18n/*_ls.properties")));
            for (Resource file : files) {
                Properties properties = new Properties();
                try (InputStream in = file.getInputStream()) {
                    properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
                properties.stringPropertyNames().stream().filter(key -> !key.startsWith("format."))
                        .forEach(key -> all.put(key, properties.getProperty(key)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(all);
    }
}
