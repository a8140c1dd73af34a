package eu.impactlab.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import eu.impactlab.platform.SecretTokens;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;

/**
 * What coordinators and helpers do with ideas (ask, reject with a reason, merge, answer, record supports in person),
 * who may do it, and what the proposer, supporters and followers see and get by mail.
 */
class IdeaModerationTest extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ParticipationService ideas;
    @Autowired
    BrowserIds browserIds;

    IdeaFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new IdeaFixtures(ideas, jdbc);
    }

    @Test
    void onlyCoordinatorsModerateAndHelpersRecordSupportsGivenInPerson() throws Exception {
        long id = fixtures.published("groepelingen", "Vor Ort unterstützt");
        mvc.perform(get("/admin/ideas")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/staff/ideas")).andExpect(status().is3xxRedirection());
        MockHttpSession helper = Logins.as(mvc, "helper");
        mvc.perform(get("/admin/ideas").session(helper)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/ideas/" + id + "/reject").session(helper).with(csrf()).param("message", "nein"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/ideas").session(Logins.as(mvc, "funder"))).andExpect(status().isForbidden());
        assertThat(mvc.perform(get("/admin/ideas").session(Logins.as(mvc, "coordinator"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("Ideen prüfen und beantworten");

        assertThat(mvc.perform(get("/staff/ideas").session(helper)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("Vor Ort unterstützt");
        mvc.perform(post("/staff/ideas/" + id + "/in-person").session(helper).with(csrf()).param("count", "3"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/staff/ideas/" + id + "/in-person").session(helper).with(csrf()).param("count", "drei"))
                .andExpect(status().is3xxRedirection());
        assertThat(ideas.idea(id).orElseThrow()).extracting(Idea::supports, Idea::inPersonSupports).containsExactly(3L, 3L);
        assertThat(page("/ideas/" + id, "de")).contains("Unterstützungen: 3", "davon vor Ort im Lab: 3");
    }

    @Test
    void coordinatorsAndHelpersActOnlyForTheirOwnLabsIdeas() throws Exception {
        long elsewhere = fixtures.pending("osterholz", "Idee aus Osterholz", null);
        long published = fixtures.published("osterholz", "Veröffentlicht in Osterholz");
        MockHttpSession coordinator = Logins.as(mvc, "coordinator"); // coordinates Gröpelingen only
        long waitingHere = jdbc.sql("select count(*) from idea i join lab l on l.id = i.lab_id"
                + " where l.slug = 'groepelingen' and i.state in ('PENDING', 'QUESTION')").query(Long.class).single();
        assertThat(mvc.perform(get("/admin/ideas").session(coordinator)).andReturn().getResponse().getContentAsString())
                .as("the list and its counts show only the coordinator's own labs")
                .doesNotContain("Idee aus Osterholz").contains("Warten auf Prüfung (" + waitingHere + ")");
        mvc.perform(get("/admin/ideas/" + elsewhere).session(coordinator)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/ideas/" + elsewhere + "/publish").session(coordinator).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/ideas/" + elsewhere + "/reject").session(coordinator).with(csrf()).param("message", "nein").param("confirmed", "true"))
                .andExpect(status().isForbidden());
        assertThat(ideas.idea(elsewhere).orElseThrow().state()).as("nothing changed").isEqualTo("PENDING");
        mvc.perform(get("/admin/ideas/" + elsewhere).session(Logins.as(mvc, "admin"))).andExpect(status().isOk());

        MockHttpSession helper = Logins.as(mvc, "helper"); // helps in Gröpelingen
        mvc.perform(post("/staff/ideas/" + published + "/in-person").session(helper).with(csrf()).param("count", "5"))
                .andExpect(status().isForbidden());
        assertThat(ideas.idea(published).orElseThrow().inPersonSupports()).isZero();
    }

    @Test
    void aQuestionReachesTheProposerWhoAnswersAndARejectionShowsItsReasonInTheirLanguage() throws Exception {
        String token = propose("Ideja z pytaniem", "pl", "pyt@example.org");
        long id = ideaOf(token);
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        mvc.perform(post("/admin/ideas/" + id + "/ask").session(coordinator).with(csrf()).param("message", ""))
                .andExpect(status().isOk());
        mvc.perform(post("/admin/ideas/" + id + "/ask").session(coordinator).with(csrf())
                .param("message", "Für welche Altersgruppe?")).andExpect(status().is3xxRedirection());
        assertThat(page("/ideas/manage/" + token, "de")).contains("<html lang=\"pl\"", "Lab ma pytanie",
                "Für welche Altersgruppe?", "Uzupełnij swój pomysł");
        assertThat(lastMail("pyt@example.org")).contains("Pytanie o Twój pomysł", "Für welche Altersgruppe?");

        mvc.perform(post("/ideas/manage/" + token + "/reply").with(csrf()).param("title", "Ideja z pytaniem")
                .param("text", "Dla dzieci od 10 do 14 lat.")).andExpect(status().is3xxRedirection());
        assertThat(ideas.idea(id).orElseThrow()).extracting(Idea::state, Idea::text).containsExactly("PENDING", "Dla dzieci od 10 do 14 lat.");

        String asked = mvc.perform(post("/admin/ideas/" + id + "/reject").session(coordinator).with(csrf())
                .param("message", "Das Lab hat dafür keinen Raum.")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(asked).as("a rejection asks first and shows the reason the proposer will read")
                .contains("Diese Idee wirklich ablehnen?", "dir=\"auto\">Das Lab hat dafür keinen Raum.", "name=\"confirmed\" value=\"true\"");
        assertThat(ideas.idea(id).orElseThrow().state()).isEqualTo("PENDING");
        mvc.perform(post("/admin/ideas/" + id + "/reject").session(coordinator).with(csrf())
                .param("message", "Das Lab hat dafür keinen Raum.").param("confirmed", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/ideas/manage/" + token, "de")).contains("Nieopublikowany", "Powód", "Das Lab hat dafür keinen Raum.");
        assertThat(lastMail("pyt@example.org")).contains("niestety", "Das Lab hat dafür keinen Raum.");
        mvc.perform(get("/ideas/" + id)).andExpect(status().isNotFound());
        mvc.perform(post("/admin/ideas/" + id + "/publish").session(coordinator).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(ideas.idea(id).orElseThrow().state()).as("a decided idea is not published by a late click").isEqualTo("REJECTED");
    }

    @Test
    void aReportReachesTheCoordinatorsAndAllowedLinksAreTheOnlyLinks() throws Exception {
        long id = fixtures.pending("groepelingen", "Gemeldete Idee", null);
        jdbc.sql("update idea set text = 'Infos: https://example.org/treff und <a href=x onclick=alert(1)>klick</a>' where id = ?")
                .param(id).update();
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        mvc.perform(post("/admin/ideas/" + id + "/publish").session(coordinator).with(csrf()).param("linksAllowed", "true"))
                .andExpect(status().is3xxRedirection());
        String page = page("/ideas/" + id, "de");
        assertThat(page).contains("<a href=\"https://example.org/treff\" rel=\"nofollow ugc noopener\"",
                "&lt;a href=x onclick=alert(1)&gt;klick&lt;/a&gt;").doesNotContain("onclick=alert(1)>");
        mvc.perform(post("/ideas/" + id + "/report").with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/admin/ideas").param("show", "published").session(coordinator)).andReturn().getResponse()
                .getContentAsString()).contains("Gemeldet: 1");
    }

    @Test
    void supportersMayNameTheirStadtteilOnceAndTheCoordinatorSeesItWithoutSmallNumbers() throws Exception {
        long id = fixtures.published("groepelingen", "Reparatur-Café");
        var first = mvc.perform(post("/ideas/" + id + "/support").with(csrf()).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse();
        jakarta.servlet.http.Cookie browser = first.getCookie(BrowserIds.COOKIE);
        assertThat(first.getContentAsString()).as("asked after the tap, never before")
                .contains("in welchem Stadtteil Sie wohnen", "name=\"stadtteil\"");
        mvc.perform(post("/ideas/" + id + "/support/stadtteil").with(csrf()).cookie(browser).param("stadtteil", "Atlantis"))
                .andExpect(status().is3xxRedirection());
        String saved = mvc.perform(post("/ideas/" + id + "/support/stadtteil").with(csrf()).cookie(browser)
                .header("HX-Request", "true").param("stadtteil", "Gröpelingen")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(saved).contains("Danke.").doesNotContain("name=\"stadtteil\"");
        assertThat(ideas.supportStadtteil(id, SecretTokens.hash("nobody"), "Walle")).as("only with a support").isFalse();
        for (int i = 0; i < 5; i++) {
            String other = SecretTokens.hash("walle-" + i);
            ideas.support(id, other);
            assertThat(ideas.supportStadtteil(id, other, "Walle")).isTrue();
            assertThat(ideas.supportStadtteil(id, other, "Findorff")).as("said once").isFalse();
        }
        String admin = mvc.perform(get("/admin/ideas/" + id).session(Logins.as(mvc, "coordinator")))
                .andReturn().getResponse().getContentAsString();
        assertThat(admin).contains("Woher die Unterstützung kommt", "Walle</th>", "<td class=\"num\">5</td>",
                "Gröpelingen</th>", "weniger als 5");
        assertThat(admin).as("a chart beside the table: a bar for Walle, none for the hidden Gröpelingen")
                .contains("id=\"places-chart\"", "class=\"chart-value\"")
                .containsOnlyOnce("class=\"chart-bar\"");
    }

    @Test
    void mergingCountsEachBrowserOnceAndKeepsSupportsGivenInPerson() throws Exception {
        long a = fixtures.published("groepelingen", "Lötkurs");
        long b = fixtures.published("groepelingen", "Löten lernen");
        ideas.support(a, SecretTokens.hash("browser-x"));
        ideas.support(b, SecretTokens.hash("browser-x"));
        ideas.support(a, SecretTokens.hash("browser-y"));
        ideas.addInPersonSupports(a, 2, "helper");
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        String asked = mvc.perform(post("/admin/ideas/" + a + "/merge").session(coordinator).with(csrf())
                .param("into", String.valueOf(b))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(asked).as("a merge asks first and says where the supports go")
                .contains("Diese Idee wirklich zusammenführen?", "Ihre 4 Unterstützungen zählen dann bei „\u2068Löten lernen\u2069“");
        assertThat(ideas.idea(a).orElseThrow().state()).isEqualTo("PUBLISHED");
        mvc.perform(post("/admin/ideas/" + a + "/merge").session(coordinator).with(csrf())
                .param("into", String.valueOf(b)).param("confirmed", "true")).andExpect(status().is3xxRedirection());
        assertThat(ideas.idea(b).orElseThrow()).extracting(Idea::supports, Idea::inPersonSupports).containsExactly(4L, 2L);
        assertThat(ideas.idea(a).orElseThrow().state()).isEqualTo("MERGED");
        mvc.perform(get("/ideas/" + a)).andExpect(status().isNotFound());
    }

    @Test
    void notPossibleNeedsAReasonAndAnUnknownCourseIsRefusedWithoutChangingAnything() throws Exception {
        long id = fixtures.published("groepelingen", "Ohne Grund");
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        String page = mvc.perform(post("/admin/ideas/" + id + "/answer").session(coordinator).with(csrf())
                .param("answerState", "NOT_POSSIBLE").param("answerText", " ").param("courseId", "999999"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Bitte schreiben Sie den Grund", "Diesen Kurs gibt es nicht");
        assertThat(ideas.idea(id).orElseThrow().answerState()).isNull();
        mvc.perform(post("/admin/ideas/" + id + "/answer").session(coordinator).with(csrf())
                .param("answerState", "NOT_POSSIBLE").param("answerText", "Der Raum ist zu klein für eine Werkbank."))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/ideas/" + id, "en")).contains("Not possible", "Der Raum ist zu klein für eine Werkbank.");
    }

    @Test
    void confirmedSupportersKeepOnlyAHashAndFollowersGetTheAnswerInTheirLanguage() throws Exception {
        long id = fixtures.published("groepelingen", "Bestätigt und gefolgt");
        MockHttpSession browser = new MockHttpSession();
        mvc.perform(post("/ideas/" + id + "/confirmed-support").session(browser).with(csrf()).param("email", "kaputt"))
                .andExpect(status().isOk());
        mvc.perform(post("/ideas/" + id + "/confirmed-support").session(browser).with(csrf())
                .header("Accept-Language", "uk").param("email", "Fan@Example.org")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from idea_confirmed_support where idea_id = ? and email_hash = ?")
                .params(id, browserIds.emailHash("fan@example.org")).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from idea_confirmed_support where email_hash = ?")
                .param(SecretTokens.hash("fan@example.org")).query(Long.class).single())
                .as("a plain SHA-256 of the address finds nothing").isZero();
        String confirm = link(lastMail("Fan@Example.org"), "/ideas/confirm/");
        assertThat(page(confirm, "uk")).contains("Вашу підтримку підтверджено");
        assertThat(ideas.idea(id).orElseThrow().confirmedSupports()).isEqualTo(1);
        assertThat(page(confirm, "uk")).as("a link works once").contains("недійсне");

        mvc.perform(post("/ideas/" + id + "/follow").with(csrf()).header("Accept-Language", "ar").param("email", "follow@example.org"))
                .andExpect(status().is3xxRedirection());
        String follow = link(lastMail("follow@example.org"), "/ideas/follow/");
        assertThat(page(follow, "ar")).contains("ستصلكم الآن أخبار هذه الفكرة");
        ideas.answer(id, "UNDER_REVIEW", "Wir sprechen mit der Schule.", null, "coordinator");
        assertThat(lastMail("follow@example.org")).contains("ردّ المختبر", "قيد الدراسة", "Wir sprechen mit der Schule.");
        mvc.perform(post(follow.replace("/follow/", "/unfollow/")).with(csrf())).andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from idea_follower where idea_id = ?").param(id).query(Long.class).single()).isZero();
    }

    @Test
    void theProposerWithdrawsAndDeletesTheirDataAfterBeingAsked() throws Exception {
        String token = propose("Zurückziehen bitte", "de", "weg@example.org");
        long id = ideaOf(token);
        ideas.publish(id, false, "coordinator");
        assertThat(page("/ideas/manage/" + token + "/withdraw", "de")).contains("wirklich zurückziehen", "Nein, zurück");
        mvc.perform(post("/ideas/manage/" + token + "/withdraw").with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/ideas/" + id)).andExpect(status().isNotFound());
        assertThat(page("/ideas/manage/" + token + "/delete-data", "de")).contains("Spitznamen und Ihre E-Mail-Adresse löschen");
        mvc.perform(post("/ideas/manage/" + token + "/delete-data").with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(ideas.idea(id).orElseThrow()).extracting(Idea::nickname, Idea::email, Idea::text)
                .containsExactly(null, null, "Ein Text, der lang genug ist.");
        assertThat(page("/ideas/manage/nichts", "de")).contains("Dieser Link gilt nicht");
    }

    @Test
    void badInputGetsAClearErrorInTheUsersLanguageAndLosesNothing() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/ideas/new").session(session)).andExpect(status().isOk());
        String page = mvc.perform(post("/ideas").session(session).with(csrf()).header("Accept-Language", "ru")
                        .param("lab", "groepelingen").param("kind", "EQUIPMENT").param("title", "Режущий плоттер")
                        .param("text", "коротко").param("language", "ru").param("email", "nicht-gültig"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Пожалуйста, опишите идею, от 10 до 2000 знаков", "Пожалуйста, проверьте адрес e-mail",
                "Пожалуйста, дайте согласие", "value=\"Режущий плоттер\"", "коротко</textarea>", "nicht-gültig");
        String bot = mvc.perform(post("/ideas").session(session).with(csrf()).param("lab", "groepelingen")
                        .param("kind", "OTHER").param("title", "Bot").param("text", "Ein Text, der lang genug ist.")
                        .param("language", "de").param("consent", "true").param("website", "http://spam.example"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(bot).contains("Das ging sehr schnell");
    }

    private String propose(String title, String language, String email) throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/ideas/new").session(session)).andExpect(status().isOk());
        String location = mvc.perform(post("/ideas").session(session).with(csrf()).header("Accept-Language", language)
                        .param("lab", "groepelingen").param("kind", "PROJECT").param("title", title)
                        .param("text", "Ein Text, der lang genug ist.").param("language", language)
                        .param("nickname", "Nick").param("email", email).param("consent", "true"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return location.substring("/ideas/manage/".length(), location.indexOf('?'));
    }

    private long ideaOf(String token) {
        return ideas.byToken(token).orElseThrow().id();
    }

    private String page(String path, String language) throws Exception {
        return mvc.perform(get(path).header("Accept-Language", language)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    private String lastMail(String recipient) {
        return jdbc.sql("select subject || E'\\n' || body from mail_outbox where recipient = ? order by id desc limit 1")
                .param(recipient).query(String.class).single();
    }

    private static String link(String mail, String path) {
        Matcher m = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(path) + "[A-Za-z0-9_-]+)").matcher(mail);
        assertThat(m.find()).as("a link to " + path + " in " + mail).isTrue();
        return m.group(1);
    }
}
