package eu.impactlab.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import eu.impactlab.TestDatabase;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.HtmlUtils;

/**
 * Tried as a new user would, in Ukrainian: people register page by page for the 8-seat demo course until it is full,
 * the next ones join the waitlist, one confirmed person cancels, and the first on the waitlist moves up and gets a
 * mail through a real SMTP server (GreenMail).
 */
@SpringBootTest(properties = {"spring.mail.host=localhost", "impactlab.mail.poll-interval=200ms",
        "logging.level.com.icegreen=WARN"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext // Closes this context after the class, so its mail sender stops polling while other tests run.
class CourseRegistrationFlowTest {

    static final String DEMO_TITLE = "Smartphone-Grundlagen für Seniorinnen und Senioren";
    private static final int SMTP_PORT = freePort();
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "localhost", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "courses_flow");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void inUkrainianTheEightSeatCourseFillsUpTheWaitlistTakesOverAndAFreedSeatGoesToTheFirstWaiting() throws Exception {
        long course = jdbc.sql("select course_id from course_text where language = 'de' and title = ?").param(DEMO_TITLE)
                .query(Long.class).single();
        assertThat(jdbc.sql("select capacity from course where id = ?").param(course).query(Integer.class).single()).isEqualTo(8);

        String page = page("/courses/" + course + "?lang=uk", new MockHttpSession());
        assertThat(page).contains("<html lang=\"uk\"", "Основи смартфона для людей похилого віку", "Вільних місць: 8 з 8",
                "href=\"/courses/" + course + "/register\"");

        List<String> links = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            String manage = register(course, "Олена " + i, "olena" + i + "@example.org");
            assertThat(page(manage, new MockHttpSession())).contains("Ви записані", "Ваше особисте посилання", "Олена " + i)
                    .doesNotContain("Ви в списку очікування");
            links.add(manage);
        }
        assertThat(page("/courses/" + course, new MockHttpSession())).contains("Місць немає. У списку очікування: 0",
                "Записатися до списку очікування");

        String first = register(course, "Петро", "petro@example.org");
        String second = register(course, "Ірина", "iryna@example.org");
        assertThat(page(first, new MockHttpSession())).contains("Ви в списку очікування", "class=\"booking-code\" dir=\"ltr\">1<");
        assertThat(page(second, new MockHttpSession())).contains("class=\"booking-code\" dir=\"ltr\">2<");
        assertThat(page("/courses/" + course, new MockHttpSession())).contains("У списку очікування: 2");

        // Olena 3 cancels: the page asks first, then her seat goes to Petro, and Iryna moves up to place 1.
        String cancelledOne = links.get(2).replace("?registered", "");
        String ask = page(cancelledOne + "/cancel", new MockHttpSession());
        assertThat(ask).contains("Ви справді хочете скасувати запис?", "Так, скасувати");
        mvc.perform(post(cancelledOne + "/cancel").session(new MockHttpSession()).header("Accept-Language", "uk"))
                .andExpect(status().is3xxRedirection());
        assertThat(page(cancelledOne, new MockHttpSession())).contains("Скасовано");

        String petro = page(first.replace("?registered", ""), new MockHttpSession());
        assertThat(petro).contains("Записані, у Вас є місце", "Гарна новина: звільнилося місце.");
        assertThat(page(second.replace("?registered", ""), new MockHttpSession())).contains("Місце 1 у списку очікування");
        assertThat(jdbc.sql("select confirmed_count from course where id = ?").param(course).query(Integer.class).single()).isEqualTo(8);

        MimeMessage promoted = mailTo("petro@example.org", "Для Вас звільнилося місце");
        String body = text(promoted);
        assertThat(promoted.getSubject()).contains("Основи смартфона для людей похилого віку");
        assertThat(body).contains("Петро", "Гарна новина");
        // The mail leads back to the registration with a fresh private link; the first link keeps working too.
        Matcher link = Pattern.compile("/courses/registrations/([A-Za-z0-9_-]{43})").matcher(body);
        assertThat(link.find()).as("a private link in the promotion mail").isTrue();
        assertThat(first).doesNotContain(link.group(1));
        assertThat(page("/courses/registrations/" + link.group(1), new MockHttpSession()))
                .contains("Петро", "Записані, у Вас є місце");
        assertThat(hasCalendar(promoted)).as("the sessions for the calendar are attached").isTrue();
        MimeMessage waitlisted = mailTo("iryna@example.org", "Ви в списку очікування");
        assertThat(text(waitlisted)).contains("на місці 2", "/courses/registrations/");
        mailTo("olena1@example.org", "Ви записані");
        assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipient(m).equals("petro@example.org")))
                .as("Petro's mails: waitlist place, then the seat").hasSize(2);
    }

    @Test
    void theCourseCancelledMailCarriesACalendarCancelForEverySession() throws Exception {
        long course = new CourseFixtures(jdbc).course("Drei Abende am Computer", 5, 3, 10, 17);
        register(course, "Галина", "halyna@example.org");
        MockHttpSession coordinator = eu.impactlab.Logins.as(mvc, "coordinator");
        mvc.perform(post("/admin/courses/" + course + "/cancel").session(coordinator).with(csrf()))
                .andExpect(status().is3xxRedirection());

        MimeMessage cancelled = mailTo("halyna@example.org", "Курс скасовано");
        assertThat(text(cancelled)).contains("Галина");
        List<String> calendars = new ArrayList<>();
        collectCalendars(cancelled, calendars);
        assertThat(calendars).hasSize(3).allSatisfy(ics -> assertThat(ics)
                .contains("METHOD:CANCEL", "STATUS:CANCELLED", "SEQUENCE:1", "ATTENDEE", "mailto:halyna@example.org"));
        List<Long> sessions = jdbc.sql("select id from course_session where course_id = ? order by starts_at").param(course)
                .query(Long.class).list();
        for (int i = 0; i < 3; i++) {
            assertThat(calendars.get(i).replace("\r\n ", "")).contains("UID:" + CourseCalendar.uid(course, sessions.get(i)));
        }
    }

    private static void collectCalendars(jakarta.mail.Part part, List<String> calendars) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collectCalendars(multipart.getBodyPart(i), calendars);
            }
        } else if (part.isMimeType("text/calendar")) {
            Object content = part.getContent();
            calendars.add(content instanceof String text ? text
                    : new String(((java.io.InputStream) content).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** Registers page by page as the browser would, in Ukrainian; returns the manage link the last page leads to. */
    private String register(long course, String name, String email) throws Exception {
        MockHttpSession session = new MockHttpSession();
        String base = "/courses/" + course + "/register";
        String namePage = page(base + "?lang=uk", session);
        assertThat(namePage).contains("Як Вас звати?", "Крок 1 з 5", "name=\"website\"");
        String contact = step(base + "/contact", session, namePage, "name", name);
        assertThat(contact).contains("Як з Вами зв’язатися?", "Крок 2 з 5");
        String about = step(base + "/about", session, contact, "email", email, "phone", "");
        assertThat(about).contains("Хочете розповісти нам трохи про себе?", "Не хочу казати", "Gröpelingen");
        String consent = step(base + "/consent", session, about, "ageBand", "FROM_65", "gender", "FEMALE", "stadtteil", "Gröpelingen");
        assertThat(consent).contains("Чи можемо ми використовувати Ваші дані?", "90");
        String check = step(base + "/check", session, consent, "consent", "true");
        assertThat(check).contains("Усе правильно?", HtmlUtils.htmlEscape(name), "name=\"key\"");
        String done = mvc.perform(post(base + "/confirm").session(session).with(csrf()).header("Accept-Language", "uk").params(hidden(check)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(done).matches("/courses/registrations/[A-Za-z0-9_-]{43}\\?registered");
        return done;
    }

    private String step(String url, MockHttpSession session, String previousPage, String... answers) throws Exception {
        MultiValueMap<String, String> params = hidden(previousPage);
        for (int i = 0; i < answers.length; i += 2) {
            params.set(answers[i], answers[i + 1]);
        }
        return mvc.perform(post(url).session(session).with(csrf()).header("Accept-Language", "uk").params(params))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String page(String url, MockHttpSession session) throws Exception {
        return mvc.perform(get(url).session(session).header("Accept-Language", "uk")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The hidden fields of the page's last form, as the browser would send them. */
    static MultiValueMap<String, String> hidden(String html) {
        String lastForm = html.substring(html.lastIndexOf("<form"));
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([A-Za-z]+)\" value=\"([^\"]*)\"").matcher(lastForm);
        while (m.find()) {
            if (!m.group(1).equals("_csrf")) {
                params.set(m.group(1), HtmlUtils.htmlUnescape(m.group(2)));
            }
        }
        return params;
    }

    private MimeMessage mailTo(String to, String subject) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (recipient(message).equals(to) && message.getSubject().contains(subject)) {
                    return message;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail \"" + subject + "\" to " + to + " arrived within " + PATIENCE);
    }

    /** The plain text of a mail, decoded, whether it has an attachment or not. */
    private static String text(jakarta.mail.Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = text(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
            return null;
        }
        return part.isMimeType("text/plain") ? (String) content : null;
    }

    private static boolean hasCalendar(jakarta.mail.Part part) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                if (hasCalendar(multipart.getBodyPart(i))) {
                    return true;
                }
            }
            return false;
        }
        return part.isMimeType("text/calendar");
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
