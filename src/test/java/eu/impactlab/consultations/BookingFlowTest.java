package eu.impactlab.consultations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import java.util.List;
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
    void cancellingAsksFirstAndOnlyTheYesButtonCancels() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String token = book(session, "de", "Ömer");
        String manage = page("/appointments/" + token + "?booked", session);
        assertThat(manage).contains("href=\"/appointments/" + token + "/cancel\"")
                .doesNotContain("action=\"/appointments/" + token + "/cancel\"");

        String ask = page("/appointments/" + token + "/cancel", session);
        assertThat(ask).contains("Möchten Sie Ihren Termin wirklich absagen?", "Ja, absagen", "Nein, Termin behalten",
                "action=\"/appointments/" + token + "/cancel\"", "href=\"/appointments/" + token + "\"");
        assertThat(page("/appointments/" + token, session)).doesNotContain("Dieser Termin ist abgesagt");

        mvc.perform(post("/appointments/" + token + "/cancel").session(session).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/appointments/" + token, session)).contains("Dieser Termin ist abgesagt");
        assertThat(page("/appointments/" + token + "/cancel", session)).doesNotContain("Ja, absagen");
    }

    @Test
    void anEmptyContactFormNeedsNoConsentButAGivenNameDoes() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String contact = contactPage(session, "de");
        assertThat(contact).contains("Nur nötig, wenn Sie oben");
        String check = mvc.perform(post("/book/check").session(session).with(csrf()).params(hidden(contact))
                        .param("name", "").param("email", "").param("phone", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(check).contains("name=\"key\"").doesNotContain("error-summary");
        MvcResult booked = mvc.perform(post("/book/confirm").session(session).with(csrf()).params(hidden(check)))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(booked.getResponse().getRedirectedUrl()).startsWith("/appointments/");

        MockHttpSession other = new MockHttpSession();
        String withName = mvc.perform(post("/book/check").session(other).with(csrf()).params(hidden(contactPage(other, "de")))
                        .param("name", "Ömer").param("email", "").param("phone", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(withName).contains("error-summary", "href=\"#consent\"").doesNotContain("name=\"key\"");
    }

    @Test
    void changingAnAnswerOnTheCheckPageKeepsNameContactAndConsent() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String contact = contactPage(session, "de");
        String check = mvc.perform(post("/book/check").session(session).with(csrf()).params(hidden(contact))
                        .param("name", "Ömer").param("email", "oemer@example.org").param("phone", "0421 123456")
                        .param("consent", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // Every answer has its own change link, the contact details too, each named for screen readers.
        assertThat(check).containsPattern("href=\"/book/contact\\?[^\"]+#name\"")
                .containsPattern("href=\"/book/contact\\?[^\"]+#email\"")
                .containsPattern("href=\"/book/contact\\?[^\"]+#phone\"");
        assertThat(check.split("class=\"change-link\"", -1)).hasSize(9);

        // Change the time: pick another one, the way of meeting again, and the contact page still holds everything.
        String times = page(link(check, "/book/time\\?[^\"]+"), session);
        Matcher other = Pattern.compile("href=\"(/book/mode\\?[^\"]+)\"").matcher(times);
        String later = null;
        while (other.find()) {
            later = other.group(1);
        }
        assertThat(later).isNotNull();
        String modes = page(later, session);
        String again = page(link(modes, "/book/contact\\?[^\"]+"), session);
        assertThat(again).contains("value=\"Ömer\"", "value=\"oemer@example.org\"", "value=\"0421 123456\"")
                .containsPattern("id=\"consent\" name=\"consent\" value=\"true\"[^>]*checked");

        // The contact change link itself leads to the filled form as well.
        assertThat(page(link(check, "/book/contact\\?[^\"]+#email"), session)).contains("value=\"oemer@example.org\"");
    }

    /** Books the first free time through the pages and returns the manage token. */
    private String book(MockHttpSession session, String lang, String name) throws Exception {
        String contact = contactPage(session, lang);
        String check = mvc.perform(post("/book/check").session(session).with(csrf()).params(hidden(contact))
                        .param("name", name).param("email", "").param("phone", "").param("consent", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String manage = mvc.perform(post("/book/confirm").session(session).with(csrf()).params(hidden(check)).param("lang", lang))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return manage.substring("/appointments/".length(), manage.indexOf('?'));
    }

    @Test
    void aPrivateLinkOpenedInAGermanBrowserSpeaksTheLanguageItWasBookedInUnlessOneIsChosen() throws Exception {
        String token = book(new MockHttpSession(), "ar", "ليلى");
        for (String path : new String[] {"", "/slip", "/cancel", "/move"}) {
            String page = mvc.perform(get("/appointments/" + token + path).header("Accept-Language", "de-DE,de;q=0.9"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).as(path).contains("<html lang=\"ar\" dir=\"rtl\"");
        }
        String chosen = mvc.perform(get("/appointments/" + token).param("lang", "de").header("Accept-Language", "ar"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(chosen).contains("<html lang=\"de\"", "Termin absagen");
    }

    @Test
    void withoutAnEmailAddressTheSlipCarriesTheLinkAsAQrCodeThatReadsBack() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String contact = contactPage(session, "de");
        String check = mvc.perform(post("/book/check").session(session).with(csrf()).params(hidden(contact))
                        .param("name", "").param("email", "").param("phone", "0421 987654").param("consent", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String manage = mvc.perform(post("/book/confirm").session(session).with(csrf()).params(hidden(check)).param("lang", "uk"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String token = manage.substring("/appointments/".length(), manage.indexOf('?'));
        assertThat(page(manage, session)).contains("QR-код на ньому знову відкриє цю сторінку");

        String slip = page("/appointments/" + token + "/slip", session);
        assertThat(slip).contains("<svg", "class=\"qr-code\"", "aria-label=\"QR-код із посиланням на Ваш запис\"");
        assertThat(decodeQr(slip)).isEqualTo("http://localhost/appointments/" + token);
    }

    /** Reads the slip's QR code as a phone camera would: the SVG's modules drawn as pixels, then decoded. */
    private static String decodeQr(String html) throws Exception {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(html);
        assertThat(box.find()).isTrue();
        int size = Integer.parseInt(box.group(1));
        int scale = 4;
        int[] pixels = new int[size * scale * size * scale];
        java.util.Arrays.fill(pixels, 0xFFFFFF);
        Matcher module = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(html);
        while (module.find()) {
            int x = Integer.parseInt(module.group(1));
            int y = Integer.parseInt(module.group(2));
            for (int dy = 0; dy < scale; dy++) {
                for (int dx = 0; dx < scale; dx++) {
                    pixels[(y * scale + dy) * size * scale + x * scale + dx] = 0;
                }
            }
        }
        var bitmap = new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                new com.google.zxing.RGBLuminanceSource(size * scale, size * scale, pixels)));
        return new com.google.zxing.qrcode.QRCodeReader().decode(bitmap).getText();
    }

    @Test
    void theTimePageListsTheDaysWithTheirFreeTimesThenOneDaysTimes() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String first = page("/book/time?topic=smartphone&language=de&lab=groepelingen&lang=de", session);
        Matcher dayLinks = Pattern.compile("href=\"(/book/time\\?[^\"]*day=(\\d{4}-\\d{2}-\\d{2})#times-h)\"").matcher(first);
        List<String> days = new java.util.ArrayList<>();
        List<String> links = new java.util.ArrayList<>();
        while (dayLinks.find()) {
            links.add(dayLinks.group(1));
            days.add(dayLinks.group(2));
        }
        assertThat(days).hasSizeGreaterThan(2);
        assertThat(first).containsPattern("\\d+ frei").contains("aria-current=\"true\"");
        assertThat(startsOfferedOn(first)).isNotEmpty().allMatch(start -> start.startsWith(days.get(0)));

        String third = page(links.get(2), session);
        assertThat(startsOfferedOn(third)).isNotEmpty().allMatch(start -> start.startsWith(days.get(2)));
        assertThat(page("/book/time?topic=smartphone&language=de&lab=groepelingen&day=kaputt", session))
                .contains("/book/mode?");
    }

    private static List<String> startsOfferedOn(String html) {
        Matcher m = Pattern.compile("href=\"/book/mode\\?[^\"]*start=([0-9T:-]+)").matcher(html);
        List<String> starts = new java.util.ArrayList<>();
        while (m.find()) {
            starts.add(m.group(1));
        }
        return starts;
    }

    @Test
    void anUnknownManageLinkSaysSoPolitely() throws Exception {
        String page = mvc.perform(get("/appointments/nicht-vorhanden").param("lang", "tr"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<html lang=\"tr\"");
        // the page's own way back to booking, not the header's link that every page has
        assertThat(page.substring(page.indexOf("<main"))).contains("href=\"/book\"");
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
