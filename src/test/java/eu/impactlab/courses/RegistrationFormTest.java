package eu.impactlab.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Bad input on the registration pages: a clear message in the person's language, what they typed kept, nothing saved. */
class RegistrationFormTest extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void withoutConsentTheConsentPageComesBackWithAnErrorInArabicAndNothingIsSaved() throws Exception {
        long course = new CourseFixtures(jdbc).course("Einverständnis", 5, 9);
        String page = post(course, "check", "ar", answers("سارة", null));
        assertThat(page).contains("<html lang=\"ar\" dir=\"rtl\"", "error-summary", "href=\"#consent\"",
                "يُرجى تأكيد موافقتكم", "id=\"consent\"").doesNotContain("name=\"key\"");
        assertThat(new CourseFixtures(jdbc).registrations(course)).isZero();
    }

    @Test
    void aMissingOrOversizedNameIsShownOnTheNamePageWithWhatWasTyped() throws Exception {
        long course = new CourseFixtures(jdbc).course("Namen", 5, 9);
        assertThat(post(course, "contact", "pl", answers("", null))).contains("Wpisz swoje imię", "href=\"#name\"",
                "aria-invalid=\"true\"");
        String tooLong = "Ä".repeat(81);
        assertThat(post(course, "contact", "de", answers(tooLong, null)))
                .contains("höchstens 80 Zeichen", "value=\"" + tooLong + "\"");
        // Going straight to the last step with a bad name still stops at the name page.
        assertThat(post(course, "confirm", "de", answers(tooLong, "true"))).contains("höchstens 80 Zeichen", "Wie heißen Sie?");
        assertThat(new CourseFixtures(jdbc).registrations(course)).isZero();
    }

    @Test
    void aWrongEmailOrAnUnknownChoiceIsShownOnItsOwnPage() throws Exception {
        long course = new CourseFixtures(jdbc).course("Kontakt", 5, 9);
        MultiValueMap<String, String> badMail = answers("Ömer", null);
        badMail.set("email", "oemer@");
        assertThat(post(course, "about", "tr", badMail)).contains("Size nasıl ulaşabiliriz?", "ad@ornek.de",
                "value=\"oemer@\"", "href=\"#email\"");
        MultiValueMap<String, String> badChoice = answers("Ömer", null);
        badChoice.set("stadtteil", "Atlantis");
        assertThat(post(course, "consent", "de", badChoice)).contains("Möchten Sie uns etwas über sich sagen?",
                "Bitte wählen Sie eine Antwort aus der Liste.");
    }

    @Test
    void theBackButtonAndTheChangeButtonsKeepEveryAnswer() throws Exception {
        long course = new CourseFixtures(jdbc).course("Zurück", 5, 9);
        MultiValueMap<String, String> all = answers("Jana", "true");
        all.set("email", "jana@example.org");
        String check = post(course, "check", "de", all);
        assertThat(check).contains("Stimmt alles?", "Jana", "jana@example.org", "65 Jahre und älter", "Gröpelingen",
                "action=\"/courses/" + course + "/register/name\"", "action=\"/courses/" + course + "/register/contact\"");
        String contactAgain = post(course, "contact", "de", all);
        assertThat(contactAgain).contains("value=\"jana@example.org\"", "name=\"name\" value=\"Jana\"",
                "name=\"consent\" value=\"true\"");
    }

    @Test
    void aFilledHoneypotIsTurnedAwayWithoutRegistering() throws Exception {
        long course = new CourseFixtures(jdbc).course("Honigtopf", 5, 9);
        MultiValueMap<String, String> bot = answers("Bot", "true");
        bot.set("website", "http://spam.example");
        assertThat(post(course, "check", "de", bot)).contains("error-summary", "senden Sie das Formular noch einmal")
                .doesNotContain("name=\"key\"");
        bot.set("key", "bot-key");
        post(course, "confirm", "de", bot);
        assertThat(new CourseFixtures(jdbc).registrations(course)).isZero();
    }

    @Test
    void pressingRegisterTwiceRegistersOnceAndLeadsToTheSamePage() throws Exception {
        long course = new CourseFixtures(jdbc).course("Doppelt", 5, 9);
        MockHttpSession session = new MockHttpSession();
        MultiValueMap<String, String> all = answers("Doppelt", "true");
        all.set("key", "doubled-key-" + course);
        String first = mvc.perform(request(course, "confirm", "de", all).session(session))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String second = mvc.perform(request(course, "confirm", "de", all).session(session))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(second).isEqualTo(first);
        // From another browser (no session) the person is told they are registered already, without the link.
        assertThat(post(course, "confirm", "uk", all)).contains("Ви вже записані").doesNotContain("/courses/registrations/");
        assertThat(new CourseFixtures(jdbc).registrations(course)).isEqualTo(1);
    }

    @Test
    void pastCancelledNotYetOpenAndClosedCoursesTakeNoRegistrationsAndSaySoInTheChosenLanguage() throws Exception {
        CourseFixtures fixtures = new CourseFixtures(jdbc);
        long past = fixtures.course("Vergangen", 5, -2);
        long cancelled = fixtures.course("Fällt aus", 5, 9);
        jdbc.sql("update course set status = 'CANCELLED', cancelled_at = now() where id = ?").param(cancelled).update();
        long notYet = fixtures.course("groepelingen", "Später", 5, Instant.now().plus(3, ChronoUnit.DAYS), null, 9);
        long closed = fixtures.course("groepelingen", "Zu", 5, Instant.now().minus(3, ChronoUnit.DAYS),
                Instant.now().minus(1, ChronoUnit.DAYS), 9);

        assertThat(page("/courses/" + past + "/register", "de")).contains("Anmeldung nicht möglich", "hat schon begonnen oder ist vorbei");
        assertThat(post(past, "confirm", "en", answers("Late", "true"))).contains("Registration not possible", "already started");
        assertThat(page("/courses/" + cancelled, "ru")).contains("К сожалению, этот курс отменён.")
                .doesNotContain("/courses/" + cancelled + "/register\"");
        assertThat(post(cancelled, "confirm", "ru", answers("Иван", "true"))).contains("Этот курс отменён");
        assertThat(page("/courses/" + notYet, "de")).contains("Anmeldung ab ").doesNotContain("/register\"");
        assertThat(post(notYet, "confirm", "tr", answers("Ali", "true"))).contains("henüz başlamadı");
        assertThat(post(closed, "check", "de", answers("Zu spät", "true"))).contains("Die Anmeldung für diesen Kurs ist geschlossen.");
        for (long course : new long[] {past, cancelled, notYet, closed}) {
            assertThat(fixtures.registrations(course)).isZero();
        }
    }

    @Test
    void aFullCourseOffersTheWaitlistOnTheCheckPageWithThePlaceOnIt() throws Exception {
        long course = new CourseFixtures(jdbc).course("Voll", 1, 9);
        mvc.perform(request(course, "confirm", "de", answers("Erste", "true")).session(new MockHttpSession()))
                .andExpect(status().is3xxRedirection());
        String check = post(course, "check", "de", answers("Zweite", "true"));
        assertThat(check).contains("Sie kommen auf die Warteliste, auf Platz 1.", "Auf die Warteliste setzen");
    }

    private static MultiValueMap<String, String> answers(String name, String consent) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        params.set("name", name);
        params.set("email", "");
        params.set("phone", "");
        params.set("ageBand", "FROM_65");
        params.set("gender", "NOT_STATED");
        params.set("stadtteil", "Gröpelingen");
        if (consent != null) {
            params.set("consent", consent);
        }
        return params;
    }

    private MockHttpServletRequestBuilder request(long course, String step, String language, MultiValueMap<String, String> params) {
        return MockMvcRequestBuilders.post("/courses/" + course + "/register/" + step).with(csrf()).header("Accept-Language", language).params(params);
    }

    private String post(long course, String step, String language, MultiValueMap<String, String> params) throws Exception {
        return mvc.perform(request(course, step, language, params).session(new MockHttpSession()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String page(String url, String language) throws Exception {
        return mvc.perform(get(url).header("Accept-Language", language)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
