package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.TestCourses;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.HtmlUtils;

/**
 * Tried as a new user would: Leichte Sprache is chosen once on the start page and remembered; booking help from the
 * start page to the code and registering for a course use only Leichte Sprache pages, and the mails come in it too.
 */
class EasyLanguageFlowsTest extends AbstractIntegrationTest {

    private static final Cookie EASY = new Cookie(eu.impactlab.platform.LanguageChoice.COOKIE, "ls");

    @Autowired
    JdbcClient jdbc;

    @Test
    void leichteSpracheIsChosenInTheMenuAndRemembered() throws Exception {
        String home = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("hreflang=\"de\"", ">Leichte Sprache</a>", "class=\"ls-pictogram\"")
                .containsPattern("href=\"/\\?lang=ls\"");
        MvcResult chosen = mvc.perform(get("/").param("lang", "ls")).andReturn();
        assertThat(chosen.getResponse().getCookie(eu.impactlab.platform.LanguageChoice.COOKIE).getValue()).isEqualTo("ls");
        String remembered = easy(get("/labs"));
        assertThat(remembered).contains("<html lang=\"de\" dir=\"ltr\" class=\"lang-ls\"", "Es gibt 3 Labs in Bremen.");
        // The start page explains the site as BITV 2.0 §4 asks, and shows where sign-language videos go.
        String start = easy(get("/"));
        assertThat(start).contains("Was gibt es auf dieser Seite?", "So finden Sie sich zurecht",
                "Das Wichtigste zur Barriere·freiheit", "Videos in Gebärden·sprache",
                "Hier kommen bald Videos in Gebärden·sprache hin.", "Eine Warte·liste ist eine Liste mit Namen.");
    }

    @Test
    void bookingHelpFromTheStartPageToTheCodeIsLeichteSpracheAndSoIsTheMail() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String start = easy(get("/"), session);
        String book = easy(get(link(start, "/book")), session);
        assertThat(book).contains("Ein Termin ist eine feste Zeit nur für Sie.");
        String topics = easy(get(link(book, "/book/topic")), session);
        String languages = easy(get(link(topics, "/book/language\\?topic=smartphone")), session);
        String labs = easy(get(link(languages, "/book/lab\\?topic=smartphone&amp;language=de")), session);
        String times = easy(get(link(labs, "/book/time\\?topic=smartphone&amp;language=de&amp;lab=vegesack")), session);
        String modes = easy(get(link(times, "/book/mode\\?[^\"]+")), session);
        String contact = easy(get(link(modes, "/book/contact\\?[^\"]+mode=IN_PERSON")), session);
        assertThat(contact).contains("E-Mail ist ein Brief im Internet.");
        String check = easy(post("/book/check").with(csrf()).params(hidden(contact)).param("name", "Lotte")
                .param("email", "lotte.ls@example.org").param("phone", "").param("consent", "true"), session);
        assertThat(check).contains("Ist alles richtig?", "Termin fest buchen");
        // A picture beside each key step: topic, language, lab, time, contact, check.
        assertThat(List.of(topics, languages, labs, times, contact, check)).extracting(EasyLanguageFlowsTest::picture)
                .containsExactly("topic", "language", "lab", "time", "contact", "confirm");
        MvcResult booked = mvc.perform(post("/book/confirm").session(session).cookie(EASY).with(csrf())
                .params(hidden(check))).andReturn();
        String manage = booked.getResponse().getRedirectedUrl();
        assertThat(manage).startsWith("/appointments/");
        String done = easy(get(manage), session);
        assertThat(done).contains("Ihr Termin ist gebucht", "class=\"booking-code\"")
                .containsPattern("(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag), \\d{1,2}\\. "
                        + "(Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) 20\\d\\d");
        String token = manage.substring("/appointments/".length(), manage.indexOf('?'));
        easy(get("/appointments/" + token + "/slip"), session);
        assertThat(easy(get("/appointments/" + token + "/cancel"), session)).contains("Wollen Sie Ihren Termin wirklich absagen?");

        assertThat(jdbc.sql("select ui_language from appointment where name = 'Lotte'").query(String.class).list()).containsOnly("ls");
        String body = jdbc.sql("select body from mail_outbox where recipient = 'lotte.ls@example.org'")
                .query(String.class).single();
        assertThat(body).contains("Ihr Termin ist gebucht.", "Hier können Sie den Termin ansehen.\nSie können auch absagen.")
                .containsPattern("\\d{1,2}\\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)");
        // An opened link speaks Leichte Sprache again, whatever browser opens it.
        assertThat(mvc.perform(get("/appointments/" + token)).andReturn().getResponse().getContentAsString())
                .contains("class=\"lang-ls\"");
    }

    @Test
    void registeringForACourseIsLeichteSpracheStepByStep() throws Exception {
        long course = TestCourses.published(jdbc, "vegesack", 10, "Handy für alle", 9);
        MockHttpSession session = new MockHttpSession();
        String page = easy(get("/courses/" + course), session);
        assertThat(page).contains("Handy für alle", "Jetzt anmelden");
        String base = "/courses/" + course + "/register";
        String name = easy(get(base), session);
        assertThat(name).contains("Wie heißen Sie?", "Schritt 1 von 5");
        String contact = step(base + "/contact", session, name, "name", "Lotte");
        assertThat(contact).contains("Wie erreichen wir Sie?");
        String about = step(base + "/about", session, contact, "email", "lotte.kurs@example.org", "phone", "");
        String consent = step(base + "/consent", session, about, "ageBand", "FROM_65", "gender", "FEMALE",
                "stadtteil", "Vegesack");
        assertThat(consent).contains("Dürfen wir Ihre Angaben benutzen?");
        String check = step(base + "/check", session, consent, "consent", "true");
        assertThat(check).contains("Ist alles richtig?", "Fest anmelden");
        assertThat(List.of(name, contact, check)).extracting(EasyLanguageFlowsTest::picture)
                .containsExactly("course", "contact", "confirm");
        String done = mvc.perform(post(base + "/confirm").session(session).cookie(EASY).with(csrf()).params(hidden(check)))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(done).startsWith("/courses/registrations/");
        String manage = easy(get(done), session);
        assertThat(manage).contains("Sie sind angemeldet", "Bitte speichern Sie diese Seite.");
        assertThat(easy(get(done.replace("?registered", "") + "/cancel"), session))
                .contains("Wollen Sie Ihre Anmeldung wirklich absagen?");
        assertThat(jdbc.sql("select body from mail_outbox where recipient = 'lotte.kurs@example.org'")
                .query(String.class).single()).contains("Ihr Platz ist sicher.", "Der Kurs kostet nichts.");
        jdbc.sql("delete from course where id = ?").param(course).update();
    }

    @Test
    void theSelfCheckAndTheMachineReservationHaveTheirPicturesAndOtherLanguagesNone() throws Exception {
        assertThat(picture(easy(get("/skills")))).isEqualTo("selfcheck");
        long machine = jdbc.sql("select id from machine where state = 'ACTIVE' order by id limit 1").query(Long.class).single();
        assertThat(picture(easy(get("/machines/" + machine)))).isEqualTo("machine");
        for (String page : List.of("/book/topic", "/skills", "/machines/" + machine)) {
            assertThat(mvc.perform(get(page).param("lang", "de")).andReturn().getResponse().getContentAsString())
                    .as(page).doesNotContain("step-picture");
        }
    }

    /** The key step's picture on a page (hidden from screen readers, since the heading beside it says the same). */
    private static String picture(String html) {
        Matcher m = Pattern.compile("<svg class=\"step-picture step-picture-([a-z]+)\"[^>]*>").matcher(html);
        assertThat(m.find()).as("a step picture").isTrue();
        assertThat(m.group()).contains("aria-hidden=\"true\"", "focusable=\"false\"");
        return m.group(1);
    }

    private String step(String url, MockHttpSession session, String previousPage, String... answers) throws Exception {
        MultiValueMap<String, String> params = hidden(previousPage.substring(previousPage.lastIndexOf("<form")));
        for (int i = 0; i < answers.length; i += 2) {
            params.set(answers[i], answers[i + 1]);
        }
        return easy(post(url).with(csrf()).params(params), session);
    }

    private String easy(MockHttpServletRequestBuilder request) throws Exception {
        return easy(request, new MockHttpSession());
    }

    /**
     * The page in Leichte Sprache (remembered by its cookie): German to the browser, in the Leichte Sprache look, and
     * without a text of the core flows left in standard German.
     */
    private String easy(MockHttpServletRequestBuilder request, MockHttpSession session) throws Exception {
        MvcResult result = mvc.perform(request.session(session).cookie(EASY)).andReturn();
        String html = result.getResponse().getContentAsString();
        String where = result.getRequest().getRequestURI();
        assertThat(result.getResponse().getStatus()).as(where).isEqualTo(200);
        assertThat(html).as(where).contains("<html lang=\"de\" dir=\"ltr\" class=\"lang-ls\"");
        EasyLanguagePage page = (EasyLanguagePage) result.getRequest().getAttribute(EasyLanguagePage.class.getName());
        Set<String> german = new TreeSet<>(page.germanKeys());
        german.retainAll(EasyLanguagePagesTest.coreKeys());
        assertThat(german).as("core texts in standard German on " + where).isEmpty();
        return html;
    }

    private static String link(String html, String pattern) {
        Matcher m = Pattern.compile("href=\"(" + pattern + ")\"").matcher(html);
        assertThat(m.find()).as("a link like " + pattern).isTrue();
        return HtmlUtils.htmlUnescape(m.group(1));
    }

    private static MultiValueMap<String, String> hidden(String html) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([A-Za-z]+)\" value=\"([^\"]*)\"").matcher(html);
        while (m.find()) {
            if (!m.group(1).equals("_csrf")) {
                params.set(m.group(1), HtmlUtils.htmlUnescape(m.group(2)));
            }
        }
        return params;
    }
}
