package eu.impactlab.labs;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Languages the platform knows (src/main/resources/reference/languages.csv, compared by LanguageReferenceTest): the
 * first seven are UI languages, the others are languages that helpers speak in the labs.
 */
public enum Language {
    DE("de", "Deutsch", false, true),
    EN("en", "English", false, true),
    TR("tr", "Türkçe", false, true),
    AR("ar", "العربية", true, true),
    RU("ru", "Русский", false, true),
    UK("uk", "Українська", false, true),
    PL("pl", "Polski", false, true),
    KU("ku", "Kurdî", false, false),
    FA("fa", "فارسی", true, false),
    BG("bg", "Български", false, false),
    RO("ro", "Română", false, false);

    private final String tag;
    private final String nativeName;
    private final boolean rightToLeft;
    private final boolean ui;

    Language(String tag, String nativeName, boolean rightToLeft, boolean ui) {
        this.tag = tag;
        this.nativeName = nativeName;
        this.rightToLeft = rightToLeft;
        this.ui = ui;
    }

    public String tag() {
        return tag;
    }

    /** The language named in itself, as people look for it in a menu. */
    public String nativeName() {
        return nativeName;
    }

    public boolean rightToLeft() {
        return rightToLeft;
    }

    public String direction() {
        return rightToLeft ? "rtl" : "ltr";
    }

    public boolean ui() {
        return ui;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    public static List<Language> uiLanguages() {
        return Arrays.stream(values()).filter(Language::ui).toList();
    }

    public static Optional<Language> fromTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(l -> l.tag.equalsIgnoreCase(tag.trim())).findFirst();
    }

    /** The UI language for a locale, German when the platform does not speak it. */
    public static Language forLocale(Locale locale) {
        return fromTag(locale == null ? null : locale.getLanguage()).filter(Language::ui).orElse(DE);
    }
}
