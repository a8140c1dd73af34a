package eu.impactlab.web;

import eu.impactlab.labs.Language;
import eu.impactlab.platform.DataVersions;
import eu.impactlab.platform.LanguageChoice;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.DigestUtils;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * The rendered bytes of the public pages, kept in memory for requests without a session, so a repeated request is
 * answered without rendering. An entry is used only while every data version (labs, topics, courses with their free
 * seats: see DataVersions), the page's language, its address and the minute are the same as when it was rendered;
 * the version is read before rendering, so a change during rendering is never hidden. A page that started a session
 * (a form with a CSRF token) or set a cookie is never kept: nothing per request or per person is ever replayed.
 * Answers as a servlet filter after Spring Security and the rate limit, so both still see every request and add their
 * headers as before, but before the DispatcherServlet: a kept page costs no handler lookup, no interceptors and no
 * view (about half of a kept page's time before, bench/README.md). The DispatcherServlet's interceptor keeps what it
 * renders.
 */
class PublicPageCache extends OncePerRequestFilter implements HandlerInterceptor {

    /** Pages that are the same for every visitor without a session; feeds, the API and the booking steps after the topic are not. */
    private static final Pattern CACHEABLE = Pattern.compile(
            "/|/labs|/labs/[a-z0-9-]+|/courses|/courses/\\d+|/book|/book/topic|/privacy|/accessibility");
    private static final int MAX_PAGE_BYTES = 256 * 1024;
    private static final String KEY = PublicPageCache.class.getName() + ".key";
    private static final String STAMP = PublicPageCache.class.getName() + ".stamp";
    private static final Duration SHARED_RENDERING_WAIT = Duration.ofSeconds(5);

    private record Page(String stamp, byte[] body, String etag, String contentType) {
    }

    private final DataVersions versions;
    private final Clock clock;
    private final LocaleResolver locales;
    private final int maxEntries;
    private final Map<String, Page> pages;
    /** The renderings running now, by address, language and stamp, for requests that miss at the same time. */
    private final Map<String, CompletableFuture<Page>> rendering = new ConcurrentHashMap<>();
    /** How many requests rendered a cacheable page because none was kept (for the tests). */
    private final AtomicInteger renderings = new AtomicInteger();

    PublicPageCache(DataVersions versions, Clock clock, LocaleResolver locales, int maxEntries) {
        this.versions = versions;
        this.clock = clock;
        this.locales = locales;
        this.maxEntries = maxEntries;
        this.pages = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Page> eldest) {
                return size() > PublicPageCache.this.maxEntries;
            }
        };
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return maxEntries <= 0 || !cacheable(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The language the DispatcherServlet would choose: the same resolver, so the key matches what it renders.
        Locale locale = locales.resolveLocale(request);
        String key = key(request, locale);
        // Pages show today's opening state and whether a course is over: a minute is the finest time they show.
        String stamp = versions.all() + '@' + clock.millis() / 60_000;
        Page page;
        synchronized (pages) {
            page = pages.get(key);
        }
        if (page != null && page.stamp().equals(stamp)) {
            send(page, locale, request, response);
            return;
        }
        // Requests that miss with the same address, language and stamp share one rendering: at the minute's turn or
        // after a change, dozens of requests arriving together would otherwise each render the page (bench/README.md:
        // the p99 of /courses). Safe for the same reason a kept page is: the same stamp means no change since.
        String flight = key + '@' + stamp;
        CompletableFuture<Page> mine = new CompletableFuture<>();
        CompletableFuture<Page> running = rendering.putIfAbsent(flight, mine);
        if (running != null) {
            Page shared = waitFor(running);
            if (shared != null) {
                send(shared, locale, request, response);
                return;
            }
        }
        request.setAttribute(KEY, key);
        request.setAttribute(STAMP, stamp);
        renderings.incrementAndGet();
        try {
            chain.doFilter(request, response);
        } finally {
            if (running == null) {
                Page kept;
                synchronized (pages) {
                    kept = pages.get(key);
                }
                // null when the page was not kept (a session, a cookie, an error): the others render their own
                mine.complete(kept != null && kept.stamp().equals(stamp) ? kept : null);
                rendering.remove(flight, mine);
            }
        }
    }

    /** The other request's page, or null when it kept none or takes too long (this request then renders its own). */
    private static Page waitFor(CompletableFuture<Page> running) {
        try {
            return running.get(SHARED_RENDERING_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    private static void send(Page page, Locale locale, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setLocale(locale);
        response.setContentType(page.contentType());
        // With the tag set, ConditionalPages lets the bytes through unbuffered and leaves the 304 to us.
        response.setHeader("ETag", page.etag());
        if (!new ServletWebRequest(request, response).checkNotModified(page.etag())) {
            response.setContentLength(page.body().length);
            response.getOutputStream().write(page.body());
        }
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!(request.getAttribute(KEY) instanceof String key) || !(request.getAttribute(STAMP) instanceof String stamp)
                || ex != null || response.getStatus() != HttpServletResponse.SC_OK
                || request.getSession(false) != null || !response.getHeaders("Set-Cookie").isEmpty()
                || response.getContentType() == null || !response.getContentType().startsWith("text/html")) {
            return;
        }
        ContentCachingResponseWrapper rendered = WebUtils.getNativeResponse(response, ContentCachingResponseWrapper.class);
        if (rendered == null || rendered.getContentSize() == 0 || rendered.getContentSize() > MAX_PAGE_BYTES) {
            return;
        }
        byte[] body = rendered.getContentAsByteArray();
        // The same tag ConditionalPages (Spring's ShallowEtagHeaderFilter) gives these bytes.
        String etag = "\"0" + DigestUtils.md5DigestAsHex(body) + "\"";
        Page page = new Page(stamp, body, etag, response.getContentType());
        synchronized (pages) {
            pages.put(key, page);
        }
    }

    /** GET of a public page, no session (not even one to resume), no language switch, no htmx fragment, nobody logged in. */
    private static boolean cacheable(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getRequestedSessionId() != null
                || LanguageChoice.inRequest(request) || request.getHeader("HX-Request") != null
                || !CACHEABLE.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches()) {
            return false;
        }
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who == null || who instanceof AnonymousAuthenticationToken;
    }

    /** The address as the request came in (links may name the public address), the path and query, the language. */
    private static String key(HttpServletRequest request, Locale locale) {
        String query = request.getQueryString();
        return request.getScheme() + "://" + request.getServerName() + ':' + request.getServerPort()
                + request.getRequestURI() + (query == null ? "" : "?" + query)
                + '|' + Language.forLocale(locale).tag();
    }

    int renderings() {
        return renderings.get();
    }

    int size() {
        synchronized (pages) {
            return pages.size();
        }
    }

    void clear() {
        synchronized (pages) {
            pages.clear();
        }
    }
}
