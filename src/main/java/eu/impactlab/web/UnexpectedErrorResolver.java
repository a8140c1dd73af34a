package eu.impactlab.web;

import eu.impactlab.platform.LogSafe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The last resort for errors nothing else handled: the 500 page (or an empty problem detail for the API), and a log
 * entry whose messages are scrubbed, because an exception's message can quote what a citizen typed (an e-mail address
 * in a {@code mailto:} link once did) and logs hold no personal data.
 */
@Component
class UnexpectedErrorResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrorResolver.class);

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception error) {
        if (error instanceof AccessDeniedException || error instanceof AuthenticationException) {
            return null; // Spring Security answers these: 403 or the login page
        }
        log.error("Unexpected error answering {} {}: {}", request.getMethod(), LogSafe.path(request.getRequestURI()),
                LogSafe.describe(error));
        if (response.isCommitted()) {
            return null;
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            try {
                response.reset();
                response.setStatus(500);
                response.setContentType("application/problem+json");
                response.getWriter().write("{\"status\":500,\"title\":\"Internal Server Error\"}");
                return new ModelAndView();
            } catch (IOException | IllegalStateException e) {
                return null;
            }
        }
        ModelAndView page = new ModelAndView("error/500");
        page.setStatus(HttpStatus.INTERNAL_SERVER_ERROR);
        return page;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
