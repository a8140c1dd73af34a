package eu.impactlab.skills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import eu.impactlab.TestCourses;
import eu.impactlab.platform.SecretTokens;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * A coordinator defines a course's achievement: only for their own lab's courses, images with scripts refused, and new
 * badges carry it signed while badges issued before stay byte for byte as they were.
 */
class AchievementTest extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private final List<Long> courses = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        for (long course : courses) {
            jdbc.sql("delete from skills_achievement where course_id = ?").param(course).update();
            jdbc.sql("delete from skills_credential where course_id = ?").param(course).update();
            jdbc.sql("delete from course where id = ?").param(course).update();
        }
    }

    @Test
    void onlyCoordinatorsOfTheCoursesLabAndAdminsMayDefineIt() throws Exception {
        long own = course("groepelingen");
        long other = course("vegesack");
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        assertThat(mvc.perform(get("/admin/courses/" + own + "/badge?lang=de").session(coordinator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("Badge des Kurses", "Noch nicht festgelegt");
        mvc.perform(get("/admin/courses/" + other + "/badge").session(coordinator)).andExpect(status().isForbidden());
        mvc.perform(form(other, "Anderes Lab").session(coordinator)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/courses/" + own + "/badge").session(Logins.as(mvc, "helper"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/courses/" + own + "/badge").session(Logins.as(mvc, "funder"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/courses/" + own + "/badge")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/courses/" + other + "/badge").session(Logins.as(mvc, "admin"))).andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from skills_achievement where course_id = ?").param(other).query(Long.class).single()).isZero();
    }

    @Test
    void theAchievementNamesWhoLastSavedItByAccountIdNotByUserName() throws Exception {
        long course = course("groepelingen");
        mvc.perform(form(course, "Videoanrufe").session(Logins.as(mvc, "coordinator"))).andExpect(status().is3xxRedirection());
        long coordinator = jdbc.sql("select id from account where username = 'coordinator'").query(Long.class).single();
        assertThat(savedBy(course)).containsExactly(null, coordinator);
        // A second save by someone else moves the id on (the upsert carries the id the trigger made, not only the name).
        mvc.perform(form(course, "Videoanrufe sicher").session(Logins.as(mvc, "admin"))).andExpect(status().is3xxRedirection());
        long admin = jdbc.sql("select id from account where username = 'admin'").query(Long.class).single();
        assertThat(savedBy(course)).containsExactly(null, admin);
    }

    private java.util.List<Object> savedBy(long course) {
        return jdbc.sql("select updated_by, updated_by_id from skills_achievement where course_id = ?").param(course)
                .query((rs, i) -> java.util.Arrays.asList(rs.getString(1), rs.getObject(2) == null ? null : (Object) rs.getLong(2))).single();
    }

    @Test
    void anSvgWithAScriptIsRefusedAndNothingIsSaved() throws Exception {
        long course = course("groepelingen");
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        for (String svg : List.of("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect onload=\"alert(1)\"/></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\"javascript:alert(1)\"><rect/></a></svg>")) {
            String page = mvc.perform(form(course, "Mit Skript").file(new MockMultipartFile("image", "badge.svg", "image/svg+xml",
                            svg.getBytes(StandardCharsets.UTF_8))).session(coordinator).header("Accept-Language", "de"))
                    .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
            assertThat(page).contains("Das SVG enthält ein Skript").contains("value=\"Mit Skript\"");
        }
        mvc.perform(form(course, "Zu groß").file(new MockMultipartFile("image", "big.png", "image/png",
                new byte[Achievements.MAX_IMAGE_BYTES + 1])).session(coordinator)).andExpect(status().isBadRequest());
        mvc.perform(form(course, "").session(coordinator).header("Accept-Language", "de")).andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from skills_achievement where course_id = ?").param(course).query(Long.class).single()).isZero();

        String clean = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><circle cx=\"5\" cy=\"5\" r=\"4\" fill=\"#0a6\"/></svg>";
        mvc.perform(form(course, "Sauber").file(new MockMultipartFile("image", "badge.svg", "image/svg+xml",
                clean.getBytes(StandardCharsets.UTF_8))).session(coordinator)).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/achievements/" + course + "/image")).andExpect(status().isOk()).andReturn().getResponse()
                .getHeader("Content-Security-Policy")).contains("default-src 'none'");
    }

    @Test
    void newBadgesCarryTheDefinitionSignedAndBadgesIssuedBeforeStayByteForByte() throws Exception {
        long course = course("groepelingen");
        String before = claim(course, "de");
        String beforeJson = json(before);

        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        mvc.perform(form(course, "Sicher im Videoanruf").file(new MockMultipartFile("image", "badge.png", "image/png", png()))
                        .param("name_uk", "Упевнено у відеодзвінку").param("description_uk", "Опис українською")
                        .param("criteria_uk", "Відвідав усі заняття").session(coordinator))
                .andExpect(status().is3xxRedirection());

        String after = claim(course, "uk");
        JsonObject credential = DataIntegrity.parse(json(after));
        JsonObject achievement = credential.getJsonObject("credentialSubject").getJsonObject("achievement");
        assertThat(achievement.getString("name")).isEqualTo("Упевнено у відеодзвінку");
        assertThat(credential.getString("name")).isEqualTo("Упевнено у відеодзвінку");
        assertThat(achievement.getString("description")).isEqualTo("Опис українською");
        assertThat(achievement.getJsonObject("criteria").getString("narrative")).isEqualTo("Відвідав усі заняття");
        assertThat(achievement.getJsonObject("image").getString("id")).contains("/achievements/" + course + "/image");
        assertThat(achievement.getJsonArray("alignment")).hasSize(1);
        assertThat(achievement.getJsonArray("alignment").getJsonObject(0).getString("targetCode")).isEqualTo("4.2");
        assertThat(achievement.getJsonArray("tag").getString(0)).isNotBlank();
        assertThat(mvc.perform(post("/api/v1/credentials/verify").contentType("application/json").content(json(after)))
                .andReturn().getResponse().getContentAsString()).contains("\"verified\":true");

        String german = DataIntegrity.parse(json(claim(course, "de"))).getJsonObject("credentialSubject")
                .getJsonObject("achievement").getString("name");
        assertThat(german).isEqualTo("Sicher im Videoanruf");
        String pl = DataIntegrity.parse(json(claim(course, "pl"))).getJsonObject("credentialSubject")
                .getJsonObject("achievement").getString("name");
        assertThat(pl).as("a language without texts falls back to German").isEqualTo("Sicher im Videoanruf");

        assertThat(json(before)).as("issued before the definition: unchanged").isEqualTo(beforeJson);
        assertThat(beforeJson).doesNotContain("Sicher im Videoanruf");
        assertThat(mvc.perform(get("/achievements/" + course + "/image")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentType()).isEqualTo("image/png");
    }

    private MockMultipartHttpServletRequestBuilder form(long course, String germanName) {
        MockMultipartHttpServletRequestBuilder form = multipart("/admin/courses/" + course + "/badge");
        form.param("level", "INTERMEDIATE").param("competences", "4.2").param("name_de", germanName)
                .param("description_de", "Kann sicher an Videoanrufen teilnehmen.").param("criteria_de", "Alle Termine besucht.")
                .with(csrf());
        return form;
    }

    private long course(String lab) {
        long course = TestCourses.published(jdbc, lab, 10, "Badge-Definition (Test)", -2);
        courses.add(course);
        jdbc.sql("insert into course_competence (course_id, competence) values (?, '2.1'), (?, '4.2')").params(course, course).update();
        return course;
    }

    /** A completer registered in this language claims their badge; @return its id */
    private String claim(long course, String language) throws Exception {
        String token = SecretTokens.newToken();
        long registration = jdbc.sql("""
                insert into course_registration (course_id, status, name, ui_language, manage_token_hash, confirmed_at, completed_at)
                values (?, 'CONFIRMED', 'Testperson', ?, ?, now(), now()) returning id""")
                .params(course, language, SecretTokens.hash(token)).query(Long.class).single();
        mvc.perform(post("/skills/badge/" + token).with(csrf())).andExpect(status().is3xxRedirection());
        return jdbc.sql("select id from skills_credential where registration_id = ?").param(registration).query(String.class).single();
    }

    private String json(String id) throws Exception {
        return mvc.perform(get("/credentials/" + id + ".json")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
