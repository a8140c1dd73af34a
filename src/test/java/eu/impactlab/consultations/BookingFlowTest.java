package eu.impactlab.consultations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

/** A citizen books help page by page, as in the browser, without an account. */
class BookingFlowTest extends AbstractIntegrationTest {

    @Test
    void booksInArabicStepByStepAndGetsACodeOnTheConfirmationPage() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String start = page("/book?lang=ar", session);
        assertThat(start).contains("<html lang=\"ar\" dir=\"rtl\"", "href=\"/book/topic\"");

        String topics = page("/book/topic", session);
        String languageStep = link(topics, "/book/language\\?topic=jobs");
        String languages = page(languageStep, session);
        assertThat(languages).contains("العربية", "Türkçe", "فارسی");
        String labs = page(link(languages, "/book/lab\\?topic=jobs&amp;language=ar"), session);
        assertThat(labs).contains("Digital Impact Lab Gröpelingen", "Digital Impact Lab Osterholz-Tenever");
        String times = page(link(labs, "/book/time\\?topic=jobs&amp;language=ar&amp;lab=osterholz"), session);
        String modes = page(link(times, "/book/mode\\?[^\"]+"), session);
        String contact = page(link(modes, "/book/contact\\?[^\"]+mode=IN_PERSON"), session);
        assertThat(contact).contains("name=\"consent\"", "name=\"website\"");

        String check = mvc.perform(post("/book/check").session(session).with(csrf()).params(hidden(contact))
                        .param("name", "سارة").param("email", "").param("phone", "").param("consent", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(check).contains("سارة", "name=\"key\"");

        MvcResult booked = mvc.perform(post("/book/confirm").session(session).with(csrf()).params(hidden(check)))
                .andExpect(status().is3xxRedirection()).andReturn();
        String manage = booked.getResponse().getRedirectedUrl();
        assertThat(manage).matches("/appointments/[A-Za-z0-9_-]{43}\\?booked");
        String confirmation = page(manage, session);
        assertThat(confirmation).contains("class=\"booking-code\"", "سارة");
        assertThat(confirmation).containsPattern(">[2-9A-Z]{2}-[2-9A-Z]{3}<");

        // Pressing "book" again books nothing new and leads to the same appointment.
        MvcResult again = mvc.perform(post("/book/confirm").session(session).with(csrf()).params(hidden(check)))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(again.getResponse().getRedirectedUrl()).isEqualTo(manage);

        String token = manage.substring("/appointments/".length(), manage.indexOf('?'));
        String slip = page("/appointments/" + token + "/slip", session);
        assertThat(slip).contains("Für das Team im Lab", "Bewerbung und Jobportale");

        mvc.perform(post("/appointments/" + token + "/cancel").session(session).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/appointments/" + token, session)).contains("class=\"notice\"");
    }

    @Test
    void withoutConsentTheFormComesBackWithAClearErrorAndWhatWasTyped() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String contact = contactPage(session, "de");
        String again = mvc.perform(post("/book/check").session(session).with(csrf()).params(hidden(contact))
                        .param("name", "Ömer").param("email", "kaputt@").param("phone", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(again).contains("error-summary", "href=\"#consent\"", "href=\"#email\"", "value=\"Ömer\"",
                "Bitte bestätigen Sie");
    }

    @Test
    void aFilledHoneypotIsTurnedAwayWithoutBooking() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String contact = contactPage(session, "de");
        String again = mvc.perform(post("/book/check").session(session).with(csrf()).params(hidden(contact))
                        .param("website", "http://spam.example").param("consent", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(again).contains("error-summary").doesNotContain("name=\"key\"");
    }

    @Test
    void anUnknownManageLinkSaysSoPolitely() throws Exception {
        String page = mvc.perform(get("/appointments/nicht-vorhanden").param("lang", "tr"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<html lang=\"tr\"", "href=\"/book\"");
    }

    private String contactPage(MockHttpSession session, String lang) throws Exception {
        page("/book?lang=" + lang, session);
        String times = page("/book/time?topic=smartphone&language=de&lab=vegesack", session);
        String modes = page(link(times, "/book/mode\\?[^\"]+"), session);
        return page(link(modes, "/book/contact\\?[^\"]+"), session);
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

    /** The hidden fields of the page's last form, as the browser would send them. */
    private static org.springframework.util.MultiValueMap<String, String> hidden(String html) {
        var params = new org.springframework.util.LinkedMultiValueMap<String, String>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([a-z]+)\" value=\"([^\"]*)\"").matcher(html);
        while (m.find()) {
            if (!m.group(1).equals("_csrf")) {
                params.set(m.group(1), HtmlUtils.htmlUnescape(m.group(2)));
            }
        }
        return params;
    }
}
