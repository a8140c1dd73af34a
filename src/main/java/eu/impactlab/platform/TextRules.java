package eu.impactlab.platform;

/**
 * What may be in a name or a free text that a person types (booking, course registration, the public API, staff
 * forms): any script, Arabic and its direction marks included, but no control characters. A CR or LF in a name would
 * end up as a new line in a mail or a calendar file, a NUL cannot be stored in PostgreSQL at all.
 */
public final class TextRules {

    private TextRules() {
    }

    /** True when a one-line value (name, e-mail, phone, slug, key) has no control character; null counts as clean. */
    public static boolean singleLine(String value) {
        return value == null || value.codePoints().noneMatch(TextRules::forbiddenInLine);
    }

    /** True when a text of several lines (a textarea) has line breaks and tabs at most, no other control character. */
    public static boolean multiLine(String value) {
        return value == null || value.codePoints()
                .noneMatch(c -> c != '\n' && c != '\r' && c != '\t' && forbiddenInLine(c));
    }

    /** True when the value holds a NUL (U+0000), which PostgreSQL cannot store in text. */
    public static boolean hasNul(String value) {
        return value != null && value.indexOf('\0') >= 0;
    }

    /** A name or title inside a sentence keeps its own direction (an Arabic name in a German sentence, or the other way). */
    public static String isolated(String text) {
        return text == null ? null : "\u2068" + text + "\u2069";
    }

    private static boolean forbiddenInLine(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE;
    }
}
