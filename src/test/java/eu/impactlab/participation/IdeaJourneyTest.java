package eu.impactlab.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import eu.impactlab.TestCourses;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;

/**
 * The journey of the issue, as people do it: a neighbour proposes a course wish in Turkish on a phone, a coordinator
 * publishes it and answers PLANNED with a link to a new course, two browsers support it (and one twice), and the
 * proposer's private link and mail show the answer in Turkish.
 */
class IdeaJourneyTest extends AbstractIntegrationTest {

    static final String PHONE = "Mozilla/5.0 (Linux; Android 10; SM-A105F) AppleWebKit/537.36 Mobile Safari/537.36";

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTurkishCourseWishIsPublishedAnsweredSupportedAndTheProposerSeesTheAnswerInTurkish() throws Exception {
        // The neighbour, on a phone in Turkish, without an account.
        MockHttpSession phone = new MockHttpSession();
        String form = mvc.perform(get("/ideas/new").param("lab", "groepelingen").header("Accept-Language", "tr")
                .header("User-Agent", PHONE).session(phone)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("<html lang=\"tr\"", "Fikir öner", "Kurs veya atölye dileği", "CC-BY-4.0");
        String email = "ayse.journey@example.org";
        String location = mvc.perform(post("/ideas").session(phone).with(csrf()).header("Accept-Language", "tr")
                        .header("User-Agent", PHONE)
                        .param("lab", "groepelingen").param("kind", "COURSE").param("language", "tr")
                        .param("title", "Okul portalı için Türkçe kurs")
                        .param("text", "Annelere okulun çevrimiçi portalını Türkçe anlatan bir kurs <b>lütfen</b>.")
                        .param("nickname", "Ayşe").param("email", email).param("consent", "true").param("key", "journey-1"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/ideas/manage/").endsWith("?sent");
        String token = location.substring("/ideas/manage/".length(), location.indexOf('?'));
        assertThat(page(location, "de")).contains("<html lang=\"tr\"", "Fikriniz için teşekkürler",
                "Labın incelemesini bekliyor");
        long id = jdbc.sql("select id from idea where email = ?").param(email).query(Long.class).single();
        assertThat(jdbc.sql("select manage_token_hash from idea where id = ?").param(id).query(String.class).single())
                .as("only the hash of the link is stored").doesNotContain(token);
        mvc.perform(get("/ideas/" + id)).andExpect(status().isNotFound());

        // The coordinator publishes it and answers PLANNED with a new course.
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        mvc.perform(post("/admin/ideas/" + id + "/publish").session(coordinator).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long course = TestCourses.published(jdbc, "groepelingen", 12, "Okul portalı – Türkçe", 21);
        mvc.perform(post("/admin/ideas/" + id + "/answer").session(coordinator).with(csrf())
                        .param("answerState", "PLANNED").param("answerText", "Ocak ayında başlıyoruz.")
                        .param("courseId", baseUrl() + "/courses/" + course))
                .andExpect(status().is3xxRedirection());

        String idea = page("/ideas/" + id, "tr");
        assertThat(idea).contains("Okul portalı için Türkçe kurs", "Planlandı", "href=\"/courses/" + course + "\"",
                "Okul portalı – Türkçe", "&lt;b&gt;lütfen&lt;/b&gt;").doesNotContain("<b>lütfen</b>");
        String publishedDay = jdbc.sql("select to_char(published_at at time zone 'Europe/Berlin', 'DD.MM.YYYY') from idea where id = ?")
                .param(id).query(String.class).single();
        assertThat(idea).contains("yayımlanma tarihi: " + publishedDay);

        // Two browsers support it; the first taps twice.
        HttpClient first = browser();
        HttpClient second = browser();
        assertThat(support(first, id).statusCode()).isEqualTo(201);
        assertThat(supports(id)).isEqualTo(1);
        assertThat(support(second, id).statusCode()).isEqualTo(201);
        assertThat(supports(id)).isEqualTo(2);
        assertThat(support(first, id).statusCode()).isEqualTo(200);
        assertThat(supports(id)).as("the same browser counts once").isEqualTo(2);
        assertThat(page("/ideas/" + id, "tr")).contains("Destek: 2");
        assertThat(page("/ideas?lab=groepelingen&answer=PLANNED&sort=supports", "tr"))
                .contains("Okul portalı için Türkçe kurs", "Planlandı", "Destek: 2");

        // The proposer's private link and mail show the answer in Turkish.
        assertThat(page("/ideas/manage/" + token, "de")).contains("<html lang=\"tr\"", "Yayımlandı", "Planlandı",
                "Ocak ayında başlıyoruz.", "Okul portalı – Türkçe");
        List<Map<String, Object>> mails = jdbc.sql("select subject, body from mail_outbox where recipient = ? order by id")
                .param(email).query().listOfRows();
        assertThat(mails).extracting(m -> (String) m.get("subject"))
                .contains("Fikriniz: Okul portalı için Türkçe kurs", "Fikriniz yayımlandı: Okul portalı için Türkçe kurs",
                        "Labın yanıtı: Okul portalı için Türkçe kurs");
        String answerMail = (String) mails.get(mails.size() - 1).get("body");
        assertThat(answerMail).contains("Durum: Planlandı", "Ocak ayında başlıyoruz.", "Okul portalı – Türkçe",
                "/courses/" + course, "/ideas/" + id);
        assertThat((String) mails.get(0).get("body")).contains("/ideas/manage/" + token);
    }

    private String page(String path, String language) throws Exception {
        return mvc.perform(get(path).header("Accept-Language", language)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    private long supports(long id) {
        return jdbc.sql("select count(*) from idea_support where idea_id = ?").param(id).query(Long.class).single();
    }

    static HttpClient browser() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager()).build();
    }

    HttpResponse<String> support(HttpClient browser, long id) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/ideas/" + id + "/supports"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
