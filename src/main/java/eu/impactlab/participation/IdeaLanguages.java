package eu.impactlab.participation;

import eu.impactlab.labs.Language;
import java.util.ArrayList;
import java.util.List;

/** The languages an idea may be written in: the seven UI languages and Leichte Sprache ("ls"). */
final class IdeaLanguages {

    static final String EASY_GERMAN = "ls";

    private IdeaLanguages() {
    }

    static List<String> all() {
        List<String> tags = new ArrayList<>(Language.uiLanguages().stream().map(Language::tag).toList());
        tags.add(1, EASY_GERMAN);
        return tags;
    }

    static boolean known(String tag) {
        return tag != null && all().contains(tag);
    }

    public static String htmlLang(String tag) {
        return EASY_GERMAN.equals(tag) ? "de" : tag;
    }

    public static String direction(String tag) {
        return Language.fromTag(htmlLang(tag)).map(Language::direction).orElse("ltr");
    }

    /** The language's name in itself, as people look for it. */
    public static String nativeName(String tag) {
        return EASY_GERMAN.equals(tag) ? "Leichte Sprache" : Language.fromTag(tag).map(Language::nativeName).orElse(tag);
    }
}
