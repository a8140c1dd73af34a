package eu.impactlab.consultations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a free-times question whose answer is kept (see {@link KeptFreeTimes}) before the DispatcherServlet, after
 * Spring Security and the rate limit (which still see every request): a kept answer then costs no handler lookup and
 * no argument conversion. Anything unusual (a missing, repeated or malformed parameter, a session, an Accept header
 * without JSON) goes on to the controller, which answers it as before and keeps what it computes.
 */
class KeptFreeTimesFilter extends OncePerRequestFilter {

    private static final Pattern SLOTS = Pattern.compile("/api/v1/labs/([a-z0-9-]+)/slots");

    private final KeptFreeTimes kept;

    KeptFreeTimesFilter(KeptFreeTimes kept) {
        this.kept = kept;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        KeptFreeTimes.Answer answer = keptAnswer(request);
        if (answer == null) {
            chain.doFilter(request, response);
            return;
        }
        response.setContentType("application/json");
        // With the tag set, ConditionalPages lets the bytes through and leaves the 304 to us.
        response.setHeader("ETag", answer.etag());
        if (!new ServletWebRequest(request, response).checkNotModified(answer.etag())) {
            response.setContentLength(answer.json().length);
            response.getOutputStream().write(answer.json());
        }
    }

    private KeptFreeTimes.Answer keptAnswer(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getRequestedSessionId() != null) {
            return null;
        }
        Matcher path = SLOTS.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        String accept = request.getHeader("Accept");
        if (!path.matches() || accept != null && !accept.contains("json") && !accept.contains("*/*")) {
            return null;
        }
        String topic = single(request, "topic");
        String language = single(request, "language");
        String from = single(request, "from");
        String to = single(request, "to");
        if (topic == null || language == null || "".equals(from) || "".equals(to)
                || request.getParameterValues("from") != null && from == null
                || request.getParameterValues("to") != null && to == null) {
            return null;
        }
        try {
            // The same days as the controller's: an answer depends on nothing else of the question.
            LocalDate first = from == null ? LocalDate.now(SlotFinder.BREMEN) : LocalDate.parse(from);
            LocalDate last = to == null ? first.plusDays(7) : LocalDate.parse(to);
            KeptFreeTimes.Lookup lookup = kept.look(path.group(1), topic, language, first, last);
            if (lookup.kept() == null && lookup.key() != null) {
                request.setAttribute(KeptFreeTimes.MISSED, lookup);
            }
            return lookup.kept();
        } catch (DateTimeException e) {
            return null; // unreadable or beyond the calendar: the controller answers with its message
        }
    }

    /** The parameter's one value; null when it is missing or given more than once. */
    private static String single(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values != null && values.length == 1 ? values[0] : null;
    }
}
