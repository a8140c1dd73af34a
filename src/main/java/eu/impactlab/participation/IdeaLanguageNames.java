package eu.impactlab.participation;

import org.springframework.stereotype.Component;

/** For the templates ({@code @ideaLanguages}): lang, dir and name of an idea's language tag, Leichte Sprache included. */
@Component("ideaLanguages")
class IdeaLanguageNames {

    public String lang(String tag) {
        return IdeaLanguages.htmlLang(tag);
    }

    public String dir(String tag) {
        return IdeaLanguages.direction(tag);
    }

    public String name(String tag) {
        return IdeaLanguages.nativeName(tag);
    }
}
