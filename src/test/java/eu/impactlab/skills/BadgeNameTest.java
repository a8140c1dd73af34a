package eu.impactlab.skills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.TestCourses;
import eu.impactlab.platform.SecretTokens;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

/** The person's choice to be named in their badge (as a salted hash only), the badge in their language, LinkedIn. */
class BadgeNameTest extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Badges badges;

    private final List<Long> courses = new ArrayList<>();
    private final List<String> claimedDemoBadges = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        for (long course : courses) {
            jdbc.sql("delete from skills_credential where course_id = ?").param(course).update();
            jdbc.sql("delete from course where id = ?").param(course).update();
        }
        claimedDemoBadges.forEach(hash -> jdbc.sql("delete from skills_credential where claim_token_hash = ?").param(hash).update());
    }

    @Test
    void aNamedBadgeHoldsOnlyASaltedHashThatAnEmployerCanCheckAgainstTheToldName() throws Exception {
        String manage = completer("de");
        // "Zoë" typed with a combining diaeresis and surrounding spaces: the employer types the composed form.
        mvc.perform(post("/skills/badge/" + manage).param("named", "true").param("name", "  Zoe\u0308 Müller ").with(csrf()))
                .andExpect(status().is3xxRedirection());
        String json = storedJson();
        assertThat(json).doesNotContain("Müller").doesNotContain("Zoë").doesNotContain("Zoe\u0308");

        JsonObject identity = DataIntegrity.parse(json).getJsonObject("credentialSubject").getJsonArray("identifier").getJsonObject(0);
        assertThat(identity.getString("type")).isEqualTo("IdentityObject");
        assertThat(identity.getString("identityType")).isEqualTo("name");
        assertThat(identity.getBoolean("hashed")).isTrue();
        String salt = identity.getString("salt");
        assertThat(salt).hasSizeGreaterThanOrEqualTo(16);
        assertThat(identity.getString("identityHash")).isEqualTo("sha256$" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(("Zoë Müller" + salt).getBytes(StandardCharsets.UTF_8))));

        assertThat(page("/skills/badge/" + manage + "?lang=de")).contains("Ihr Name steht nur als Prüfwert im Abzeichen");
        assertThat(verifyPage(json, "Zoë Müller", "de")).contains("echt, unverändert und nicht widerrufen",
                "Der genannte Name stimmt mit dem Abzeichen überein.");
        assertThat(verifyPage(json, "Zoe Müller", "de")).contains("Der genannte Name stimmt nicht mit dem Abzeichen überein.");
        assertThat(verifyPage(json, "Zoë Müller", "uk")).contains("Назване вам ім’я збігається зі значком.");
        assertThat(verifyPage(json, "Anna Schmidt", "ar")).contains("الاسم الذي أُخبرت به لا يطابق الشارة.");
        assertThat(verifyPage(json, "", "de")).contains("echt, unverändert").doesNotContain("stimmt");
    }

    @Test
    void anUnnamedBadgeIsTheDefaultVerifiesAndCannotBeMatchedToAName() throws Exception {
        String manage = completer("de");
        String choice = page("/skills/badge/" + manage + "?lang=de");
        assertThat(choice).contains("Meinen Namen im Abzeichen nennen", "gesalzener Hash");
        assertThat(choice).doesNotContain("checked");
        mvc.perform(post("/skills/badge/" + manage).param("name", "Nur getippt, nicht gewählt").with(csrf()))
                .andExpect(status().is3xxRedirection());
        String json = storedJson();
        assertThat(json).doesNotContain("identifier").doesNotContain("Nur getippt");
        assertThat(page("/skills/badge/" + manage + "?lang=de")).contains("Ihr Name steht nicht im Abzeichen");
        assertThat(verifyPage(json, "Testperson", "de")).contains("echt, unverändert und nicht widerrufen",
                "Dieses Abzeichen nennt keinen Namen");
    }

    @Test
    void choosingToBeNamedWithoutANameAsksForItAndIssuesNothing() throws Exception {
        String manage = completer("de");
        String answer = mvc.perform(post("/skills/badge/" + manage).param("named", "true").param("name", "   ")
                        .param("lang", "tr").with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(answer).contains("Lütfen adınızı alana yazın", "checked");
        assertThat(jdbc.sql("select count(*) from skills_credential where course_id = ?").param(courses.get(0))
                .query(Long.class).single()).isZero();
        mvc.perform(post("/skills/badge/" + manage).param("named", "true").param("name", "x".repeat(201)).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/skills/badge/unbekannt").param("named", "true").param("name", "A").with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theClaimPageOffersLinkedInsAddToProfileLinkAndLoadsNothingFromOtherHosts() throws Exception {
        String manage = completer("de");
        mvc.perform(post("/skills/badge/" + manage).with(csrf())).andExpect(status().is3xxRedirection());
        String id = jdbc.sql("select id from skills_credential where course_id = ?").param(courses.get(0)).query(String.class).single();
        String html = page("/skills/badge/" + manage + "?lang=en");
        Matcher link = Pattern.compile("<a [^>]*href=\"(https://www\\.linkedin\\.com/profile/add\\?[^\"]+)\"[^>]*>").matcher(html);
        assertThat(link.find()).isTrue();
        assertThat(link.group(0)).contains("rel=\"noopener\"");
        String url = HtmlUtils.htmlUnescape(link.group(1));
        int year = java.time.Year.now(java.time.ZoneId.of("Europe/Berlin")).getValue();
        assertThat(url).startsWith("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=Badge-Name-Kurs%20(Test)")
                .contains("&organizationName=Digital%20Impact%20Labs%20Bremen", "&issueYear=" + year, "&issueMonth=",
                        "&certUrl=http", "/credentials/" + id, "&certId=" + id);
        assertThat(html).contains("Add to my LinkedIn profile").doesNotContainPattern("(src|action)=\"https?://");
    }

    @Test
    void theDemosUkrainianParticipantGetsTheBadgeInUkrainian() throws Exception {
        String ukrainian = jdbc.sql("select body from mail_outbox where recipient like '%.demo@example.org' and body like '%/skills/badge/%'")
                .query(String.class).list().stream().filter(b -> b.contains("Відеодзвінки з родиною")).findFirst().orElseThrow();
        Matcher link = Pattern.compile("/skills/badge/([A-Za-z0-9_-]+)").matcher(ukrainian);
        assertThat(link.find()).isTrue();
        String token = link.group(1);
        claimedDemoBadges.add(SecretTokens.hash(Badges.claimToken(token)));
        // The page is opened in German, but the badge speaks the language the person registered in.
        mvc.perform(post("/skills/badge/" + token).param("lang", "de").with(csrf())).andExpect(status().is3xxRedirection());
        String json = badges.issued(token).orElseThrow().json();
        JsonObject achievement = DataIntegrity.parse(json).getJsonObject("credentialSubject").getJsonObject("achievement");
        assertThat(DataIntegrity.parse(json).getString("name")).isEqualTo("Відеодзвінки з родиною");
        assertThat(achievement.getString("name")).isEqualTo("Відеодзвінки з родиною");
        assertThat(achievement.getString("description")).startsWith("Завершив(-ла) курс «Відеодзвінки з родиною»");
        assertThat(achievement.getJsonObject("criteria").getString("narrative")).startsWith("Відвідав(-ла)");
        assertThat(badges.verify(json).verified()).isTrue();
    }

    @Test
    void aCourseWithoutATranslationFallsBackToGerman() throws Exception {
        String manage = completer("pl");
        mvc.perform(post("/skills/badge/" + manage).with(csrf())).andExpect(status().is3xxRedirection());
        JsonObject achievement = DataIntegrity.parse(storedJson()).getJsonObject("credentialSubject").getJsonObject("achievement");
        assertThat(achievement.getString("name")).isEqualTo("Badge-Name-Kurs (Test)");
        assertThat(achievement.getString("description")).startsWith("Ukończył(a) kurs „Badge-Name-Kurs (Test)”");
    }

    @Test
    void twoClaimsAtOnceIssueOneBadgeAndBothSeeIt() throws Exception {
        String manage = completer("de");
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<String>> claims = new ArrayList<>();
            for (String name : List.of("Erste Wahl", "Zweite Wahl")) {
                claims.add(pool.submit(() -> {
                    start.await();
                    return badges.claim(manage, name).orElseThrow().id();
                }));
            }
            assertThat(claims.get(0).get()).isEqualTo(claims.get(1).get());
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from skills_credential where course_id = ?").param(courses.get(0))
                .query(Long.class).single()).isEqualTo(1);
    }

    private String completer(String language) {
        long course = TestCourses.published(jdbc, "groepelingen", 10, "Badge-Name-Kurs (Test)", -2);
        courses.add(course);
        jdbc.sql("insert into course_competence (course_id, competence) values (?, '2.1')").param(course).update();
        String token = SecretTokens.newToken();
        jdbc.sql("""
                insert into course_registration (course_id, status, name, ui_language, manage_token_hash, confirmed_at, completed_at)
                values (?, 'CONFIRMED', 'Testperson', ?, ?, now(), now())""").params(course, language, SecretTokens.hash(token)).update();
        return token;
    }

    private String storedJson() {
        return jdbc.sql("select json from skills_credential where course_id = ?").param(courses.get(courses.size() - 1))
                .query(String.class).single();
    }

    private String verifyPage(String json, String name, String lang) throws Exception {
        return mvc.perform(multipart("/verify").param("credential", json).param("name", name).param("lang", lang).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
