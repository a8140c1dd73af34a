package eu.impactlab.consultations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.HtmlUtils;

/** A contact form sent faster than the bot timer allows: no error to puzzle over, just a calm "tap once more". */
// One context for the three classes that need a video service or a real fill time (each context costs 15–20 s).
@TestPropertySource(properties = {"impactlab.consultations.video-base-url=https://video.lab.example",
        "impactlab.rate-limit.min-fill-time=10s"})
class ContactFormTimingTest extends AbstractIntegrationTest {

    @Test
    void aTooQuickSubmissionAsksToSendAgainKeepsEverythingAndPassesOnceThePersonTookTheirTime() throws Exception {
        MockHttpSession session = new MockHttpSession();
        page("/book?lang=de", session);
        String times = page("/book/time?topic=smartphone&language=de&lab=vegesack", session);
        String modes = page(link(times, "/book/mode\\?[^\"]+"), session);
        String contact = page(link(modes, "/book/contact\\?[^\"]+"), session);

        String fast = mvc.perform(post("/book/check").session(session).with(csrf()).params(hidden(contact))
                        .param("name", "Ayşe").param("email", "ayse@example.org").param("phone", "").param("consent", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fast).contains("Bitte tippen Sie noch einmal auf „Weiter“", "role=\"status\"", "value=\"Ayşe\"",
                "value=\"ayse@example.org\"").doesNotContain("error-summary", "Bitte prüfen Sie", "name=\"key\"");

        // Ten seconds later (the form was first shown then), the same tap goes through.
        session.setAttribute(BookingController.SESSION_STARTED, Instant.now().minusSeconds(11));
        String check = mvc.perform(post("/book/check").session(session).with(csrf()).params(hidden(fast))
                        .param("name", "Ayşe").param("email", "ayse@example.org").param("phone", "").param("consent", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(check).contains("name=\"key\"", "Ayşe");
    }

    @Test
    void aFormSentWithoutEverShowingItIsAskedAgainNotRefused() throws Exception {
        // the choices of a real contact page, sent in a session that never showed it
        MockHttpSession other = new MockHttpSession();
        String times = page("/book/time?topic=smartphone&language=de&lab=vegesack", other);
        String contact = page(link(page(link(times, "/book/mode\\?[^\"]+"), other), "/book/contact\\?[^\"]+"), other);
        MockHttpSession session = new MockHttpSession();
        String page = mvc.perform(post("/book/check").session(session).with(csrf()).param("lang", "ar")
                        .params(hidden(contact)).param("name", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("role=\"status\"").doesNotContain("name=\"key\"", "error-summary");
        assertThat(session.getAttribute(BookingController.SESSION_STARTED)).isNotNull();
    }

    private String page(String url, MockHttpSession session) throws Exception {
        return mvc.perform(get(HtmlUtils.htmlUnescape(url)).session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String link(String html, String pattern) {
        Matcher m = Pattern.compile("href=\"(" + pattern + ")\"").matcher(html);
        assertThat(m.find()).as("a link like " + pattern).isTrue();
        return m.group(1);
    }

    private static MultiValueMap<String, String> hidden(String html) {
        var params = new LinkedMultiValueMap<String, String>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([a-z]+)\" value=\"([^\"]*)\"").matcher(html);
        while (m.find()) {
            if (!m.group(1).equals("_csrf")) {
                params.set(m.group(1), HtmlUtils.htmlUnescape(m.group(2)));
            }
        }
        return params;
    }
}
