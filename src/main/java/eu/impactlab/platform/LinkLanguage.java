package eu.impactlab.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;

/**
 * The language a private link was created in: its pages speak it again, whatever browser opens the link later, unless
 * the request itself chooses a language with {@code ?lang=}. Set per request; the web module's locale resolver reads it.
 */
public final class LinkLanguage {

    private static final String ATTRIBUTE = LinkLanguage.class.getName();

    private LinkLanguage() {
    }

    /** Whether this request chooses its language itself; that choice wins over the link's. */
    public static boolean chosenInRequest(HttpServletRequest request) {
        return LanguageChoice.inRequest(request);
    }

    /** Uses the link's language for the rest of this request, unless the request chose one. @return whether it is used */
    public static boolean use(HttpServletRequest request, Locale linkLocale) {
        if (chosenInRequest(request) || linkLocale == null) {
            return false;
        }
        request.setAttribute(ATTRIBUTE, linkLocale);
        return true;
    }

    public static Optional<Locale> of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Locale locale ? Optional.of(locale) : Optional.empty();
    }
}
