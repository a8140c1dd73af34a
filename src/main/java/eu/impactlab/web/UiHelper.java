package eu.impactlab.web;

import eu.impactlab.labs.Language;
import eu.impactlab.platform.LanguageChoice;
import eu.impactlab.platform.TextRules;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** What every page's layout needs: the current language, its direction, and links that switch the language. */
@Component("ui")
public class UiHelper {

    public List<Language> languages() {
        return Language.uiLanguages();
    }

    public Language current() {
        return Language.forLocale(LocaleContextHolder.getLocale());
    }

    /** A title or name inside a sentence, isolated so that text in another script keeps the sentence's order. */
    public String isolated(String text) {
        return TextRules.isolated(text);
    }

    /** Whether the page is in Leichte Sprache (its own class, note and mark; see EasyLanguageViews). */
    public boolean easy() {
        return current() == Language.LS;
    }

    /**
     * For a coordinator's text shown on the page: when the page is in Leichte Sprache and the text is not (it has no
     * Leichte Sprache version), the page says so near its top. @return whether the text is shown in standard German
     */
    public boolean textInGerman(String textLanguage) {
        boolean german = easy() && !Language.LS.tag().equals(textLanguage);
        EasyLanguagePage page = german ? EasyLanguagePage.current() : null;
        if (page != null) {
            page.shownGerman();
        }
        return german;
    }

    /**
     * A phone number that never breaks across lines (no-break spaces and hyphens); in Leichte Sprache its digits are
     * also grouped with spaces as the rules ask (0421 123 45 67), whatever way it was typed.
     */
    public String phone(String number) {
        if (number == null) {
            return null;
        }
        String shown = easy() ? PhoneGroups.group(number) : number;
        return shown.replace(' ', '\u00a0').replace('-', '\u2011');
    }

    public String dir() {
        return current().direction();
    }

    /** The same page in another language (the path and query of this request, with lang replaced). */
    public String switchTo(Language language) {
        HttpServletRequest request = request();
        if (request == null) {
            return "/?" + LanguageChoice.PARAMETER + "=" + language.tag();
        }
        Object original = request.getAttribute("jakarta.servlet.error.request_uri");
        String path = original != null ? original.toString() : request.getRequestURI();
        String query = original != null ? null : request.getQueryString();
        return UriComponentsBuilder.fromPath(path).query(query)
                .replaceQueryParam(LanguageChoice.PARAMETER, language.tag())
                .replaceQueryParam("error")
                .replaceQueryParam("throttled")
                .build().toUriString();
    }

    /** The path of this request, to mark the current navigation link. */
    public String path() {
        HttpServletRequest request = request();
        return request == null ? "/" : request.getRequestURI();
    }

    private static HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
