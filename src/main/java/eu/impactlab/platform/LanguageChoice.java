package eu.impactlab.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * Where a person's own choice of language travels: the {@code ?lang=} parameter of the language menu and the cookie
 * that remembers it. The web module's locale resolver uses these names; other modules ask here, so the names exist once.
 */
public final class LanguageChoice {

    public static final String PARAMETER = "lang";
    public static final String COOKIE = "lang";

    private LanguageChoice() {
    }

    /** Whether this request chooses a language itself. */
    public static boolean inRequest(HttpServletRequest request) {
        return request.getParameter(PARAMETER) != null;
    }

    /** Whether this request chooses a language or carries one chosen earlier. */
    public static boolean made(HttpServletRequest request) {
        return inRequest(request) || WebUtils.getCookie(request, COOKIE) != null;
    }
}
