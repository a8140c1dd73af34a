package eu.impactlab.skills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Eventually;
import eu.impactlab.Logins;
import eu.impactlab.TestCourses;
import eu.impactlab.courses.CourseCompleted;
import eu.impactlab.courses.CourseFacts;
import eu.impactlab.courses.VisitorFacts;
import eu.impactlab.platform.SecretTokens;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Claim links of real completions: one mail per completer in their language (also when the event comes twice), a
 * printed slip whose link replaces the previous one, and the holder hiding the public page or revoking the badge.
 */
class BadgeClaimsTest extends AbstractIntegrationTest {

    private static final Pattern CLAIM_LINK = Pattern.compile("/skills/badge/([A-Za-z0-9_-]{43})");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    TransactionTemplate transactions;

    private final ObjectMapper json = new ObjectMapper();
    private final List<Long> courses = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        for (long course : courses) {
            jdbc.sql("delete from mail_outbox where recipient like '%.claims@example.org'").update();
            jdbc.sql("delete from skills_claim where course_id = ?").param(course).update();
            jdbc.sql("delete from skills_credential where course_id = ?").param(course).update();
            jdbc.sql("delete from course where id = ?").param(course).update();
        }
    }

    @Test
    void eachCompleterWithAnAddressGetsOneMailInTheirLanguageWhoseLinkClaimsTheSameBadgeAsTheManageLink() throws Exception {
        long course = course("groepelingen", "Videoanrufe (Claim-Test)");
        long session = jdbc.sql("select id from course_session where course_id = ?").param(course).query(Long.class).single();
        String manage = SecretTokens.newToken();
        long oksana = register(course, "Oksana Claim", "oksana.claims@example.org", "uk", manage);
        long leo = register(course, "Leo Claim", "leo.claims@example.org", "ls", SecretTokens.newToken());
        long nobody = register(course, "Ohne Adresse", null, "ar", SecretTokens.newToken());
        MockHttpSession helper = Logins.as(mvc, "helper");
        for (long registration : List.of(oksana, leo, nobody)) {
            mvc.perform(post("/staff/courses/" + course + "/sessions/" + session + "/attendance/" + registration)
                    .session(helper).with(csrf()).param("present", "true")).andExpect(status().is3xxRedirection());
        }
        Eventually.until(() -> mails("oksana.claims@example.org").size() == 1 && mails("leo.claims@example.org").size() == 1, "both claim mails");
        awaitListeners();

        String[] ukrainian = mails("oksana.claims@example.org").get(0);
        assertThat(ukrainian[0]).isEqualTo("Videoanrufe (Claim-Test): ваш Open Badge готовий");
        assertThat(ukrainian[1]).contains("Добрий день, Oksana Claim!", "Ви завершили курс «Videoanrufe (Claim-Test)»");
        assertThat(mails("leo.claims@example.org").get(0)[0]).isEqualTo("Videoanrufe (Claim-Test): Ihr Abzeichen ist fertig");
        assertThat(mails("leo.claims@example.org").get(0)[1]).contains("Sie haben den Kurs fertig gemacht.");
        assertThat(jdbc.sql("select count(*) from skills_claim where registration_id = ?").param(nobody).query(Long.class).single())
                .as("no address, no mail and no link: a printed slip makes one").isZero();

        String token = link(ukrainian[1]);
        assertThat(jdbc.sql("select count(*) from skills_claim where token_hash = ?").param(SecretTokens.hash(token))
                .query(Long.class).single()).as("only the hash is stored").isOne();
        assertThat(page("/skills/badge/" + token + "?lang=uk")).contains("Вказати моє ім’я у значку");
        mvc.perform(post("/skills/badge/" + token).with(csrf())).andExpect(status().is3xxRedirection());
        String id = jdbc.sql("select id from skills_credential where registration_id = ?").param(oksana).query(String.class).single();
        assertThat(page("/skills/badge/" + token)).contains(id);
        assertThat(page("/skills/badge/" + manage)).as("the manage link opens the same badge").contains(id);
        assertThat(jdbc.sql("select json from skills_credential where id = ?").param(id).query(String.class).single())
                .as("the badge speaks the registration's language").contains("\"criteria\":{\"narrative\":\"");

        // The event delivered again (a retry after a crash) finds the claim and sends nothing.
        CourseFacts facts = new CourseFacts(course, 1, List.of(), List.of(), "de", false);
        transactions.executeWithoutResult(tx -> publisher.publishEvent(
                new CourseCompleted(UUID.randomUUID(), LocalDate.now(), facts, VisitorFacts.notStated(), oksana)));
        awaitListeners();
        assertThat(mails("oksana.claims@example.org")).hasSize(1);
    }

    @Test
    void aPrintedSlipInTheParticipantsLanguageMakesAFreshLinkAndTheOldOneStopsWorking() throws Exception {
        long course = course("groepelingen", "Slip-Kurs (Claim-Test)");
        long ayse = register(course, "Ayşe Slip", null, "tr", SecretTokens.newToken());
        jdbc.sql("update course_registration set completed_at = now() where id = ?").param(ayse).update();
        MockHttpSession helper = Logins.as(mvc, "helper");

        String first = slips(course, null, helper);
        assertThat(first).contains("lang=\"tr\"", "Slip-Kurs (Claim-Test)", "kursunu tamamladınız", "class=\"qr-code\"");
        String oldToken = link(first);
        assertThat(page("/skills/badge/" + oldToken)).contains("Abzeichen ausstellen");

        String second = slips(course, ayse, helper);
        String newToken = link(second);
        assertThat(newToken).isNotEqualTo(oldToken);
        mvc.perform(get("/skills/badge/" + oldToken)).andExpect(status().isNotFound());
        mvc.perform(post("/skills/badge/" + newToken).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from skills_credential where registration_id = ?").param(ayse).query(Long.class).single())
                .isOne();

        long otherLab = course("vegesack", "Anderes Lab (Claim-Test)");
        mvc.perform(post("/staff/courses/" + otherLab + "/claim-slips").session(Logins.as(mvc, "coordinator")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/courses/" + course + "/claim-slips").with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/staff/courses/" + course + "/claim-slips").session(Logins.as(mvc, "funder")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theHolderHidesThePublicPageShowsItAgainAndHasTheBadgeRevokedAfterAConfirmation() throws Exception {
        long course = course("groepelingen", "Selbst entscheiden (Claim-Test)");
        long registration = register(course, "Holder Test", null, "de", SecretTokens.newToken());
        jdbc.sql("update course_registration set completed_at = now() where id = ?").param(registration).update();
        String token = link(slips(course, registration, Logins.as(mvc, "helper")));
        mvc.perform(post("/skills/badge/" + token).with(csrf())).andExpect(status().is3xxRedirection());
        String id = jdbc.sql("select id from skills_credential where registration_id = ?").param(registration).query(String.class).single();
        String stored = jdbc.sql("select json from skills_credential where id = ?").param(id).query(String.class).single();
        page("/credentials/" + id);

        mvc.perform(post("/skills/badge/" + token + "/visibility").param("hidden", "true").with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/skills/badge/" + token + "?lang=de")).contains("Die öffentliche Prüfseite ist verborgen.");
        mvc.perform(get("/credentials/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/credentials/" + id).accept(BadgeController.LD_JSON)).andExpect(status().isNotFound());
        assertThat(verify(stored).get("verified").asBoolean()).as("the file itself still verifies").isTrue();

        mvc.perform(post("/skills/badge/" + token + "/visibility").param("hidden", "false").with(csrf()))
                .andExpect(status().is3xxRedirection());
        page("/credentials/" + id);

        assertThat(page("/skills/badge/" + token + "/revoke?lang=de")).contains("Abzeichen widerrufen?", "Ja, Abzeichen widerrufen");
        assertThat(jdbc.sql("select revoked_at is null from skills_credential where id = ?").param(id).query(Boolean.class).single())
                .as("the confirmation page changes nothing").isTrue();
        mvc.perform(post("/skills/badge/" + token + "/revoke").with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select revocation_reason from skills_credential where id = ?").param(id).query(String.class).single())
                .isEqualTo("holder's request");
        assertThat(jdbc.sql("select count(*) from privacy_audit where action = 'BADGE_REVOKED_BY_HOLDER' and object_id = ?")
                .param(id).query(Long.class).single()).isOne();
        JsonNode revoked = verify(stored);
        assertThat(revoked.get("revoked").asBoolean()).isTrue();
        assertThat(page("/skills/badge/" + token + "?lang=de")).contains("Dieses Abzeichen wurde widerrufen.")
                .doesNotContain("/revoke\"");
        mvc.perform(post("/skills/badge/unbekannt/revoke").with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void theManageLinkAndTheClaimLinkClaimingAtOnceMakeOneBadge() throws Exception {
        long course = course("groepelingen", "Gleichzeitig (Claim-Test)");
        String manage = SecretTokens.newToken();
        long registration = register(course, "Zwei Tabs", null, "de", manage);
        jdbc.sql("update course_registration set completed_at = now() where id = ?").param(registration).update();
        String claim = link(slips(course, registration, Logins.as(mvc, "helper")));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String token : List.of(manage, claim, manage, claim)) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(post("/skills/badge/" + token).with(csrf())).andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(302);
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> ids = jdbc.sql("select id from skills_credential where course_id = ?").param(course).query(String.class).list();
        assertThat(ids).hasSize(1);
        assertThat(page("/skills/badge/" + manage)).contains(ids.get(0));
        assertThat(page("/skills/badge/" + claim)).contains(ids.get(0));
    }

    private long course(String lab, String title) {
        long course = TestCourses.published(jdbc, lab, 10, title, -2);
        courses.add(course);
        jdbc.sql("insert into course_competence (course_id, competence) values (?, '2.1')").param(course).update();
        return course;
    }

    private long register(long course, String name, String email, String language, String manage) {
        return jdbc.sql("""
                insert into course_registration (course_id, status, name, email, ui_language, manage_token_hash, confirmed_at)
                values (?, 'CONFIRMED', ?, ?, ?, ?, now()) returning id""")
                .params(course, name, email, language, SecretTokens.hash(manage)).query(Long.class).single();
    }

    private String slips(long course, Long registration, MockHttpSession staff) throws Exception {
        var request = post("/staff/courses/" + course + "/claim-slips").session(staff).with(csrf());
        if (registration != null) {
            request.param("registration", registration.toString());
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private List<String[]> mails(String recipient) {
        return jdbc.sql("select subject, body from mail_outbox where recipient = ? order by id").param(recipient)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    }

    private static String link(String text) {
        Matcher matcher = CLAIM_LINK.matcher(text);
        assertThat(matcher.find()).as("a claim link in " + text).isTrue();
        return matcher.group(1);
    }

    private JsonNode verify(String credential) throws Exception {
        return json.readTree(mvc.perform(post("/api/v1/credentials/verify").contentType("application/json").content(credential))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private void awaitListeners() {
        Eventually.until(() -> jdbc.sql("select count(*) from event_publication where completion_date is null and listener_id like '%ClaimMails%'")
                .query(Long.class).single() == 0, "the claim mail listener");
    }
}
