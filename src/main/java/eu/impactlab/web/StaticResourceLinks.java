package eu.impactlab.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Writes fingerprinted links only for static files, and lets browsers keep fingerprinted files for a year.
 *
 * <p>Spring's filter looks every link a page writes up as a static file inside the jar, and a miss is not cached:
 * on the public pages that lookup took about three quarters of the CPU. Only links under the static folders can be
 * static files, so only those are looked up; every other link is written as it is.
 */
class StaticResourceLinks extends ResourceUrlEncodingFilter {

    static final List<String> STATIC_FOLDERS = List.of("/css/", "/js/", "/img/", "/webjars/");
    /** A name with the content hash Spring's content strategy adds, or a webjar path with its version. */
    private static final Pattern FINGERPRINTED = Pattern.compile(
            "/(css|js|img)/.*-[0-9a-f]{32}\\.[a-z0-9]+|/webjars/[^/]+/\\d[^/]*/.*");
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(request instanceof HttpServletRequest httpRequest) || !(response instanceof HttpServletResponse original)) {
            chain.doFilter(request, response);
            return;
        }
        String contextPath = httpRequest.getContextPath();
        String path = httpRequest.getRequestURI().substring(contextPath.length());
        HttpServletResponse target = FINGERPRINTED.matcher(path).matches() ? new LongLived(original) : original;
        super.doFilter(request, target, (wrappedRequest, encodingResponse) -> chain.doFilter(wrappedRequest,
                new StaticOnly((HttpServletResponse) encodingResponse, target, contextPath)));
    }

    static boolean isStatic(String url, String contextPath) {
        if (!url.startsWith(contextPath)) {
            return false;
        }
        for (String folder : STATIC_FOLDERS) {
            if (url.startsWith(folder, contextPath.length())) {
                return true;
            }
        }
        return false;
    }

    /** Sends links under the static folders through Spring's resource lookup, all others straight on. */
    private static final class StaticOnly extends HttpServletResponseWrapper {

        private final HttpServletResponse plain;
        private final String contextPath;

        StaticOnly(HttpServletResponse encoding, HttpServletResponse plain, String contextPath) {
            super(encoding);
            this.plain = plain;
            this.contextPath = contextPath;
        }

        @Override
        public String encodeURL(String url) {
            return isStatic(url, contextPath) ? super.encodeURL(url) : plain.encodeURL(url);
        }
    }

    /**
     * A fingerprinted file never changes under its name, so browsers and proxies may keep it for a year: where the
     * resource handler allows caching (it does only for a file it found), the year replaces its shorter period.
     */
    private static final class LongLived extends HttpServletResponseWrapper {

        LongLived(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, "Cache-Control".equalsIgnoreCase(name) && value != null ? IMMUTABLE : value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, "Cache-Control".equalsIgnoreCase(name) && value != null ? IMMUTABLE : value);
        }
    }
}
