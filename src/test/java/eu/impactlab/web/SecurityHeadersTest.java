package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Against the real server: headers, cookies and CSRF as a browser sees them. */
class SecurityHeadersTest extends AbstractIntegrationTest {

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void pagesCarryAStrictContentSecurityPolicyAndTheUsualHeaders() throws Exception {
        HttpResponse<String> home = get("/");
        String csp = home.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'", "default-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
        assertThat(csp).doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(home.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(home.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(home.headers().firstValue("Referrer-Policy")).contains("same-origin");
        // No inline scripts or styles, and nothing from another host.
        assertThat(home.body()).doesNotContainPattern("<script>|<script [^>]*>[^<]+</script>|style=\"");
        assertThat(home.body()).doesNotContainPattern("(src|href)=\"(https?:)?//");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        HttpResponse<String> loginPage = get("/login");
        String token = csrfToken(loginPage.body());
        HttpResponse<String> login = post("/login", "username=admin&password=demo&_csrf=" + enc(token));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/admin");
        List<String> cookies = login.headers().allValues("Set-Cookie");
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void theLanguageCookieIsSetWithSameSite() throws Exception {
        HttpResponse<String> page = get("/?lang=uk");
        assertThat(page.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("lang=uk").containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void aFormPostWithoutCsrfTokenIsRefused() throws Exception {
        HttpResponse<String> login = post("/login", "username=admin&password=demo");
        assertThat(login.statusCode()).isEqualTo(403);
    }

    @Test
    void anUnknownAddressGivesTheFriendly404PageInTheChosenLanguage() throws Exception {
        HttpResponse<String> page = get("/gibt-es-nicht?lang=ar");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("<html lang=\"ar\" dir=\"rtl\"", "href=\"/\"");
    }

    @Test
    void forwardedHeadersFromTheReverseProxyShapeTheLinks() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/admin"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "labs.bremen.example")
                .GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).startsWith("https://labs.bremen.example/login");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrfToken(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("login form has a CSRF token").isTrue();
        return m.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
