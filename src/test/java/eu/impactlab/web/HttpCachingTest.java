package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Over real HTTP: what browsers may keep, for how long, and that a kept page is never shown after a change. */
class HttpCachingTest extends AbstractIntegrationTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPublicPageThatDidNotChangeIsAnswered304AndAChangedOneInFull() throws Exception {
        HttpResponse<String> first = get("/labs/vegesack", null, "de");
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
        // The security headers stay.
        assertThat(first.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(first.headers().firstValue("X-Frame-Options")).hasValue("DENY");

        HttpResponse<String> again = get("/labs/vegesack", etag, "de");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        String description = jdbc.sql("select description from lab_text t join lab l on l.id = t.lab_id "
                + "where l.slug = 'vegesack' and t.language = 'de'").query(String.class).single();
        try {
            // As another app instance would: straight into the database.
            jdbc.sql("update lab_text set description = 'Neu: jetzt auch mit Druckerhilfe.' from lab "
                    + "where lab.id = lab_text.lab_id and lab.slug = 'vegesack' and lab_text.language = 'de'").update();
            HttpResponse<String> changed = get("/labs/vegesack", etag, "de");
            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(changed.body()).contains("Neu: jetzt auch mit Druckerhilfe.");
            assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        } finally {
            jdbc.sql("update lab_text set description = ? from lab "
                    + "where lab.id = lab_text.lab_id and lab.slug = 'vegesack' and lab_text.language = 'de'")
                    .param(description).update();
        }
    }

    @Test
    void theSameAddressInAnotherLanguageIsNotAnsweredWithTheKeptPage() throws Exception {
        HttpResponse<String> german = get("/", null, "de");
        HttpResponse<String> arabic = get("/", german.headers().firstValue("ETag").orElseThrow(), "ar");
        assertThat(arabic.statusCode()).isEqualTo(200);
        assertThat(arabic.body()).containsPattern("<html[^>]* lang=\"ar\"")
                .containsPattern("<html[^>]* dir=\"rtl\"");
    }

    @Test
    void aRequestWithASessionIsKeptNowhere() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/"))
                .header("Cookie", "JSESSIONID=0123456789ABCDEF").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(response.headers().firstValue("ETag")).isEmpty();
    }

    @Test
    void pagesOutsideThePublicOnesKeepNoStore() throws Exception {
        HttpResponse<String> login = get("/login", null, "de");
        assertThat(login.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(login.headers().firstValue("ETag")).isEmpty();
    }

    @Test
    void pagesLinkFingerprintedStaticFilesWhichBrowsersKeepForAYear() throws Exception {
        String page = get("/", null, "de").body();
        Matcher css = Pattern.compile("href=\"(/css/impactlab-[0-9a-f]{32}\\.css)\"").matcher(page);
        assertThat(css.find()).as("fingerprinted stylesheet link").isTrue();
        assertThat(page).contains("src=\"/webjars/htmx.org/2.0.8/dist/htmx.min.js\"");
        // Links to pages are written as they are.
        assertThat(page).contains("href=\"/labs\"").contains("href=\"/courses\"");

        HttpResponse<String> file = get(css.group(1), null, "de");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Cache-Control")).hasValue(StaticResourceLinks.IMMUTABLE);
        HttpResponse<String> webjar = get("/webjars/htmx.org/2.0.8/dist/htmx.min.js", null, "de");
        assertThat(webjar.headers().firstValue("Cache-Control")).hasValue(StaticResourceLinks.IMMUTABLE);

        // Without the fingerprint the file may change under its name: a week, as before.
        HttpResponse<String> plain = get("/css/impactlab.css", null, "de");
        assertThat(plain.headers().firstValue("Cache-Control")).hasValue("max-age=604800");
        // Nothing is promised for a year about a file that is not there.
        HttpResponse<String> missing = get("/css/gone-0123456789abcdef0123456789abcdef.css", null, "de");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).doesNotContain("immutable"));
    }

    private HttpResponse<String> get(String path, String ifNoneMatch, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Accept-Language", language);
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
