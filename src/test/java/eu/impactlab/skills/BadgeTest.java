package eu.impactlab.skills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.ReferenceData;
import eu.impactlab.TestCourses;
import eu.impactlab.platform.SecretTokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** A course completer's Open Badge: claimed from the manage link, served byte for byte, verified, tampered, revoked. */
class BadgeTest extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Badges badges;
    @Autowired
    IssuerKeys keys;

    private final ObjectMapper json = new ObjectMapper();
    private Long course;

    @AfterEach
    void cleanUp() {
        if (course != null) {
            jdbc.sql("delete from skills_credential where course_id = ?").param(course).update();
            jdbc.sql("delete from course where id = ?").param(course).update();
        }
    }

    @Test
    void aCompleterClaimsASignedBadgeThatVerifiesUntilChangedOrRevoked() throws Exception {
        course = TestCourses.published(jdbc, "groepelingen", 10, "Smartphone-Grundlagen (Test)", -2);
        jdbc.sql("insert into course_competence (course_id, competence) values (?, '2.1'), (?, '4.1')").params(course, course).update();
        String manage = register(true);

        assertThat(page("/courses/registrations/" + manage)).contains("/skills/badge/" + manage);
        assertThat(page("/skills/badge/" + manage + "?lang=uk")).as("first the choice whether to be named")
                .contains("<html lang=\"uk\"", "Ваш Open Badge", "Вказати моє ім’я у значку");
        assertThat(jdbc.sql("select count(*) from skills_credential where course_id = ?").param(course).query(Long.class).single())
                .as("nothing issued before the choice").isZero();
        issue(manage);
        String claim = page("/skills/badge/" + manage + "?lang=uk");
        assertThat(claim).contains("<html lang=\"uk\"", "Ваш Open Badge", "Smartphone-Grundlagen (Test)");
        String id = jdbc.sql("select id from skills_credential where course_id = ?").param(course).query(String.class).single();
        assertThat(page("/skills/badge/" + manage)).as("claiming again gives the same badge").contains(id);

        byte[] file = mvc.perform(get("/credentials/" + id + ".json")).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String stored = jdbc.sql("select json from skills_credential where id = ?").param(id).query(String.class).single();
        assertThat(new String(file, StandardCharsets.UTF_8)).isEqualTo(stored);
        assertThat(mvc.perform(get("/credentials/" + id).accept("application/ld+json")).andReturn().getResponse().getContentAsString())
                .isEqualTo(stored);

        JsonObject credential = DataIntegrity.parse(stored);
        assertThat(credential.getJsonArray("type").toString()).contains("OpenBadgeCredential");
        assertThat(credential.getJsonObject("credentialSubject").getString("id")).startsWith("urn:uuid:");
        assertThat(stored).doesNotContain("Testperson");
        assertThat(credential.getJsonObject("issuer").getString("id")).startsWith("did:web:");
        assertThat(credential.getJsonObject("proof").getString("cryptosuite")).isEqualTo("eddsa-rdfc-2022");

        JsonNode did = json.readTree(mvc.perform(get("/.well-known/did.json")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        assertThat(did.get("id").asString()).isEqualTo(credential.getJsonObject("issuer").getString("id"));
        assertThat(did.get("verificationMethod").get(0).get("type").asString()).isEqualTo("Multikey");
        assertThat(credential.getJsonObject("proof").getString("verificationMethod"))
                .isEqualTo(did.get("verificationMethod").get(0).get("id").asString());

        assertThat(verify(stored, "de").get("verified").asBoolean()).isTrue();
        assertThat(page("/credentials/" + id + "?lang=de")).contains("echt, unverändert und nicht widerrufen");

        String tampered = Json.createObjectBuilder(credential).add("name", "Programmieren für Profis").build().toString();
        JsonNode changed = verify(tampered, "tr");
        assertThat(changed.get("verified").asBoolean()).isFalse();
        assertThat(changed.get("problems").toString()).contains("SIGNATURE");
        assertThat(changed.get("messages").get(0).asString()).contains("rozet değiştirilmiş");

        JsonNode foreign = verify(ReferenceData.text("reference/openbadges-3.0/test-vector-signed-credential.json"), "de");
        assertThat(foreign.get("verified").asBoolean()).isFalse();
        assertThat(foreign.get("problems").toString()).contains("OTHER_ISSUER");
        assertThat(verify("kein json", "de").get("problems").toString()).contains("NOT_JSON");

        assertThat(badges.revoke(id, "Test")).isTrue();
        JsonNode revoked = verify(stored, "de");
        assertThat(revoked.get("verified").asBoolean()).isFalse();
        assertThat(revoked.get("revoked").asBoolean()).isTrue();
        assertThat(page("/credentials/" + id + "?lang=de")).contains("widerrufen");
    }

    @Test
    void noBadgeBeforeCompletionOrForAnUnknownLink() throws Exception {
        course = TestCourses.published(jdbc, "groepelingen", 10, "Noch nicht fertig (Test)", 3);
        String manage = register(false);
        assertThat(mvc.perform(get("/skills/badge/" + manage).header("Accept-Language", "de")).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString()).contains("Kein Abzeichen gefunden");
        mvc.perform(get("/skills/badge/unbekannt")).andExpect(status().isNotFound());
        mvc.perform(get("/credentials/unbekannt")).andExpect(status().isNotFound());
        mvc.perform(get("/credentials/unbekannt.json")).andExpect(status().isNotFound());
    }

    @Test
    void badgesSignedWithAnOldKeyStayVerifiableAfterARotation() throws Exception {
        course = TestCourses.published(jdbc, "groepelingen", 10, "Vor dem Schlüsselwechsel (Test)", -2);
        String manage = register(true);
        issue(manage);
        String stored = jdbc.sql("select json from skills_credential where course_id = ?").param(course).query(String.class).single();
        String oldKey = keys.current().publicKeyMultibase();
        keys.rotate();
        assertThat(keys.current().publicKeyMultibase()).isNotEqualTo(oldKey);
        assertThat(keys.publicKeys()).contains(oldKey, keys.current().publicKeyMultibase());
        assertThat(verify(stored, "de").get("verified").asBoolean()).isTrue();
    }

    private String register(boolean completed) {
        String token = SecretTokens.newToken();
        jdbc.sql("""
                insert into course_registration (course_id, status, name, ui_language, manage_token_hash, confirmed_at, completed_at)
                values (?, 'CONFIRMED', 'Testperson', 'de', ?, now(), ?)""")
                .params(course, SecretTokens.hash(token), completed ? java.sql.Timestamp.from(java.time.Instant.now()) : null).update();
        return token;
    }

    private void issue(String manage) throws Exception {
        mvc.perform(post("/skills/badge/" + manage).with(csrf())).andExpect(status().is3xxRedirection());
    }

    private JsonNode verify(String credential, String lang) throws Exception {
        return json.readTree(mvc.perform(post("/api/v1/credentials/verify").contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", lang).content(credential))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
