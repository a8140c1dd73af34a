package eu.impactlab.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Conditional requests for the public pages, feeds and read API: an ETag of the page's bytes, and {@code 304} when
 * the browser already holds exactly those bytes. The browser must ask again every time ({@code no-cache}), so a
 * change by staff shows at once; only the browser keeps the page ({@code private}), never a shared cache.
 *
 * <p>A request that belongs to a session (someone logged in, or in the middle of booking, with CSRF tokens in its
 * forms) keeps Spring Security's {@code no-store}: nothing of it is kept anywhere.
 */
class ConditionalPages extends ShallowEtagHeaderFilter {

    static final String REVALIDATE = "private, no-cache";
    private static final Pattern PUBLIC = Pattern.compile(
            "/|/labs|/labs/[a-z0-9-]+|/labs/[a-z0-9-]+/courses\\.ics|/courses|/courses/\\d+|/courses\\.ics"
                    + "|/book|/book/topic|/privacy|/accessibility|/api/v1/(labs|topics|courses)|/api/v1/labs/[a-z0-9-]+/slots");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !("GET".equals(method) || "HEAD".equals(method))
                || !PUBLIC.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getRequestedSessionId() != null) {
            chain.doFilter(request, response);
            return;
        }
        // Set before Spring Security writes its headers, which it leaves alone when the application has chosen.
        response.setHeader("Cache-Control", REVALIDATE);
        super.doFilterInternal(request, response, chain);
    }

    @Override
    protected boolean isEligibleForEtag(HttpServletRequest request, HttpServletResponse response, int status,
            InputStream body) {
        if (request.getSession(false) != null) {
            // The page started a session (a form with a CSRF token): back to "keep nothing".
            response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
            response.setHeader("Pragma", "no-cache");
            response.setDateHeader("Expires", 0);
            return false;
        }
        return status == HttpServletResponse.SC_OK && super.isEligibleForEtag(request, response, status, body);
    }
}
