package eu.impactlab.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.ObjectMapper;

/**
 * Refuses request bodies larger than their purpose needs, before anything reads them: the public API's JSON (a
 * booking is well under 1 KB) gets 413 as a problem detail in the caller's language, a form gets the 413 page. Runs
 * before Spring Security, whose CSRF check would otherwise parse the form first.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimitFilter extends OncePerRequestFilter {

    static final int API_MAX_BYTES = 16 * 1024;
    /** Staff forms carry texts in seven languages; 1 MB is far above any of them and far below harm. */
    static final long FORM_MAX_BYTES = 1024 * 1024;

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final ObjectMapper json;

    RequestBodyLimitFilter(MessageSource messages, LocaleResolver locales, ObjectMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean api = path(request).startsWith("/api/");
        long length = request.getContentLengthLong();
        if (length > (api ? API_MAX_BYTES : FORM_MAX_BYTES)) {
            refuse(request, response, api);
            return;
        }
        if (api && length < 0 && request.getHeader("Transfer-Encoding") != null) {
            // Chunked: no length up front, so read at most one byte past the limit and hand on what was read.
            byte[] body = request.getInputStream().readNBytes(API_MAX_BYTES + 1);
            if (body.length > API_MAX_BYTES) {
                refuse(request, response, true);
                return;
            }
            chain.doFilter(new ReadBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, boolean api)
            throws IOException, ServletException {
        if (!api) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            request.getRequestDispatcher("/too-large").forward(new WithoutBody(request), response);
            return;
        }
        Locale locale = locales.resolveLocale(request);
        // RFC 9457 fields by hand: the plain ObjectMapper lacks the mix-in that flattens ProblemDetail's properties.
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", messages.getMessage("security.tooLarge.title", null, locale));
        problem.put("status", HttpStatus.CONTENT_TOO_LARGE.value());
        problem.put("detail", messages.getMessage("security.tooLarge.api", new Object[] {String.valueOf(API_MAX_BYTES / 1024)}, locale));
        problem.put("instance", path(request));
        problem.put("maxBytes", API_MAX_BYTES);
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(problem));
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** The body already read, handed on as if it came from the connection. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new BytesInputStream(new ByteArrayInputStream(body));
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    /** The refused request on its way to the 413 page: a GET with only the query's parameters, its body never read. */
    private static final class WithoutBody extends HttpServletRequestWrapper {

        private final Map<String, String[]> query = new LinkedHashMap<>();

        WithoutBody(HttpServletRequest request) {
            super(request);
            if (request.getQueryString() != null) {
                UriComponentsBuilder.fromUriString("?" + request.getQueryString()).build(true).getQueryParams()
                        .forEach((name, values) -> query.put(name, values.stream()
                                .map(v -> v == null ? "" : org.springframework.web.util.UriUtils.decode(v, StandardCharsets.UTF_8))
                                .toArray(String[]::new)));
            }
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public ServletInputStream getInputStream() {
            return new BytesInputStream(InputStream.nullInputStream());
        }

        @Override
        public String getParameter(String name) {
            String[] values = query.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Collections.unmodifiableMap(query);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(List.copyOf(query.keySet()));
        }

        @Override
        public String[] getParameterValues(String name) {
            return query.get(name);
        }
    }

    private static final class BytesInputStream extends ServletInputStream {

        private final InputStream in;

        BytesInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
            try {
                return in.available() == 0;
            } catch (IOException e) {
                return true;
            }
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("synchronous reads only");
        }
    }
}
