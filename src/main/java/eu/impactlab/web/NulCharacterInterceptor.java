package eu.impactlab.web;

import eu.impactlab.platform.BadInputException;
import eu.impactlab.platform.TextRules;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a NUL character (U+0000) in the path or any parameter before a controller sees it: PostgreSQL cannot store
 * or even compare it, so it would end as a server error deep inside a query.
 */
class NulCharacterInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (TextRules.hasNul(request.getRequestURI()) || request.getRequestURI().contains("%00")
                || TextRules.hasNul(request.getServletPath())) {
            throw refused();
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (TextRules.hasNul(parameter.getKey())) {
                throw refused();
            }
            for (String value : parameter.getValue()) {
                if (TextRules.hasNul(value)) {
                    throw refused();
                }
            }
        }
        return true;
    }

    private static BadInputException refused() {
        return new BadInputException("input.error.nul", null);
    }
}
