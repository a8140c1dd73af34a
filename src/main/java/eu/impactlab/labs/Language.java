package eu.impactlab.labs;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Languages the platform knows (src/main/resources/reference/languages.csv, compared by LanguageReferenceTest): the
 * first eight are UI languages (the eighth is Leichte Sprache, a form of German), the others are languages that helpers
 * speak in the labs.
 */
public enum Language {
    DE("de", "Deutsch", false, true),
    EN("en", "English", false, true),
    TR("tr", "Türkçe", false, true),
    AR("ar", "العربية", true, true),
    RU("ru", "Русский", false, true),
    UK("uk", "Українська", false, true),
    PL("pl", "Polski", false, true),
    /** Leichte Sprache: German for people who read with difficulty; its texts fall back to German key by key. */
    LS("ls", "Leichte Sprache", false, true),
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

    /** The locale that picks the message bundles ({@code _ls} for Leichte Sprache). */
    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** The lang attribute of the page: Leichte Sprache is German to browsers and screen readers. */
    public String htmlLang() {
        return this == LS ? "de" : tag;
    }

    /** The locale for month and weekday names and numbers: the JDK knows no Leichte Sprache, so German. */
    public Locale formatLocale() {
        return this == LS ? Locale.GERMAN : locale();
    }

    /** The locale to format dates and numbers with, for a locale the bundles were chosen by. */
    public static Locale formatLocale(Locale locale) {
        return locale != null && LS.tag.equals(locale.getLanguage()) ? Locale.GERMAN : locale;
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
