package eu.impactlab.consultations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import eu.impactlab.AbstractIntegrationTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/** Video help only through a service the operator has chosen; no public third-party service by default. */
class VideoServiceTest extends AbstractIntegrationTest {

    @Test
    void withoutAConfiguredServiceVideoIsOfferedNowhere() throws Exception {
        String slots = body(get("/api/v1/labs/groepelingen/slots?topic=smartphone&language=de"));
        assertThat(slots).contains("IN_PERSON").doesNotContain("VIDEO");

        String times = body(get("/book/time?topic=smartphone&language=de&lab=groepelingen&lang=de"));
        String modes = body(get(HtmlUtils.htmlUnescape(firstLink(times, "/book/mode\\?[^\"]+"))));
        assertThat(modes).contains("mode=IN_PERSON").doesNotContain("mode=VIDEO");

        String start = slotStart(slots);
        String refused = mvc.perform(post("/api/v1/appointments").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "de").content("""
                        {"lab":"groepelingen","topic":"smartphone","language":"de","start":"%s","mode":"VIDEO"}""".formatted(start)))
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("\"mode\"").doesNotContain("meet.jit.si");

        assertThat(body(get("/privacy?lang=de"))).doesNotContain("Beratung per Video", "jit.si");
    }

    String body(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }

    /** The first free time that offers video when video is offered, else the first one. */
    static String slotStart(String slotsJson) {
        Matcher video = Pattern.compile("\"start\":\"([^\"]+)\",\"end\":\"[^\"]+\",\"modes\":\\[[^\\]]*VIDEO").matcher(slotsJson);
        if (video.find()) {
            return video.group(1);
        }
        Matcher any = Pattern.compile("\"start\":\"([^\"]+)\"").matcher(slotsJson);
        assertThat(any.find()).isTrue();
        return any.group(1);
    }

    private static String firstLink(String html, String pattern) {
        Matcher m = Pattern.compile("href=\"(" + pattern + ")\"").matcher(html);
        assertThat(m.find()).as("a link like " + pattern).isTrue();
        return m.group(1);
    }
}
