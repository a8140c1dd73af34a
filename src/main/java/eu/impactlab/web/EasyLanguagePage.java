package eu.impactlab.web;

import eu.impactlab.labs.Language;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What one page in Leichte Sprache was made of: each message key with its Leichte Sprache text, and whether some text
 * had to be shown in standard German instead. Kept per request, filled while the page renders.
 */
final class EasyLanguagePage {

    private static final String ATTRIBUTE = EasyLanguagePage.class.getName();

    /** Keys shown in Leichte Sprache, with their text (for the check status); insertion order = reading order. */
    private final Map<String, String> easyTexts = new LinkedHashMap<>();
    /** Keys shown in standard German because they have no Leichte Sprache text yet. */
    private final Set<String> germanKeys = new TreeSet<>();
    private boolean german;

    private EasyLanguagePage() {
    }

    static boolean isEasy(Locale locale) {
        return locale != null && Language.LS.tag().equals(locale.getLanguage());
    }

    /** The page being rendered in this request, or null outside a request. */
    static EasyLanguagePage current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return null;
        }
        Object page = attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (page instanceof EasyLanguagePage existing) {
            return existing;
        }
        EasyLanguagePage created = new EasyLanguagePage();
        attributes.setAttribute(ATTRIBUTE, created, RequestAttributes.SCOPE_REQUEST);
        return created;
    }

    void shownEasy(String key, String text) {
        easyTexts.putIfAbsent(key, text);
    }

    void shownGerman(String key) {
        germanKeys.add(key);
        german = true;
    }

    /** Standard German shown without a key (a coordinator's text that has no Leichte Sprache version). */
    void shownGerman() {
        german = true;
    }

    Set<String> germanKeys() {
        return germanKeys;
    }

    boolean anyGerman() {
        return german;
    }

    Map<String, String> easyTexts() {
        return easyTexts;
    }
}
