package eu.impactlab.web;

import eu.impactlab.platform.RateBuckets;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.ObjectMapper;

/**
 * Rate limits for what anyone can call without an account: booking submissions per hour and other booking and API
 * requests per minute, per client address (behind a trusted proxy, the one it forwarded: see TrustedProxies). Answers
 * 429 with Retry-After: the API a problem detail, forms a page in their language, whatever the method. The buckets live
 * in PostgreSQL (platform.RateBuckets), so the limits count across every app instance; the frequent per-minute limit
 * reserves a twentieth of its allowance at a time, so that only every twentieth request of a client writes the table
 * (bench/README.md).
 */
@Component
@Order(RateLimitFilter.ORDER)
class RateLimitFilter extends OncePerRequestFilter {

    /** After Spring Security's filters (as before, when it had no order), before the kept public pages. */
    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    /** Registering for a course counts like booking: by the form's last two steps or by the API. */
    private static final java.util.regex.Pattern COURSE_REGISTRATION = java.util.regex.Pattern.compile(
            "/courses/\\d+/register/(check|confirm)|/api/v1/courses/\\d+/registrations");
    /** Proposing an idea counts like booking too, by the form or by the API. */
    private static final java.util.regex.Pattern IDEA_PROPOSAL = java.util.regex.Pattern.compile("/ideas|/api/v1/ideas");
    /** Reporting a directory entry counts like booking too. */
    private static final java.util.regex.Pattern DIRECTORY_REPORT = java.util.regex.Pattern.compile("/partners/\\d+/report");
    /** Reserving a machine counts like booking too, by the form or by the API. */
    private static final java.util.regex.Pattern MACHINE_RESERVATION = java.util.regex.Pattern.compile(
            "/machines/\\d+/reserve|/api/v1/machines/\\d+/reservations");

    /** The per-minute limit is taken from the table in batches of this share of it. */
    private static final int RESERVED_SHARE = 20;

    private final RateLimitProperties properties;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final ObjectMapper json;
    private final RateBuckets buckets;

    RateLimitFilter(RateLimitProperties properties, MessageSource messages, LocaleResolver locales, ObjectMapper json,
            RateBuckets buckets) {
        this.buckets = buckets;
        this.properties = properties;
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !properties.enabled() || !(path.startsWith("/api/") || path.startsWith("/book") || path.startsWith("/appointments/")
                || path.startsWith("/courses") || path.startsWith("/ideas") || path.startsWith("/machines/")
                || path.startsWith("/reservations/") || path.startsWith("/passes/") || path.startsWith("/partners"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean booking = "POST".equals(request.getMethod())
                && (path.equals("/api/v1/appointments") || path.equals("/book/confirm") || path.equals("/book/check")
                    || COURSE_REGISTRATION.matcher(path).matches() || IDEA_PROPOSAL.matcher(path).matches()
                    || MACHINE_RESERVATION.matcher(path).matches() || DIRECTORY_REPORT.matcher(path).matches());
        RateBuckets.Take take;
        try {
            take = booking
                    ? buckets.take("book:" + request.getRemoteAddr(), properties.bookingsPerHour(), Duration.ofHours(1))
                    : buckets.takeReserving("req:" + request.getRemoteAddr(), properties.requestsPerMinute(), Duration.ofMinutes(1),
                            properties.requestsPerMinute() / RESERVED_SHARE);
        } catch (DataAccessException e) {
            // Without the database nothing can be booked anyway: the page itself answers (kept pages, or the 503 page).
            chain.doFilter(request, response);
            return;
        }
        if (take.taken()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, take.retryAfter().toSeconds());
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(seconds));
        if (path.startsWith("/api/")) {
            Locale locale = locales.resolveLocale(request);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", messages.getMessage("error.429.title", null, locale));
            problem.put("status", 429);
            problem.put("detail", messages.getMessage("error.429.text", null, locale));
            problem.put("retryAfterSeconds", seconds);
            response.getWriter().write(json.writeValueAsString(problem));
        } else {
            request.getRequestDispatcher("/too-many-requests").forward(request, response);
        }
    }
}
