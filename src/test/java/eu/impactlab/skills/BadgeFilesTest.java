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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;

/**
 * The badge as files (JSON, PNG and SVG with the credential baked in, a PDF with a QR code), checked at /verify, and
 * revoked by a coordinator of the course's lab; and the demo's claim mails in the outbox.
 */
class BadgeFilesTest extends AbstractIntegrationTest {

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
    void theDemoCompletersClaimMailsWaitInTheOutboxInTheirLanguage() throws Exception {
        List<String> bodies = jdbc.sql("select body from mail_outbox where recipient like '%.demo@example.org' and body like '%/skills/badge/%'")
                .query(String.class).list();
        assertThat(bodies).hasSize(3);
        String ukrainian = bodies.stream().filter(b -> b.contains("Відеодзвінки з родиною")).findFirst().orElseThrow();
        Matcher link = Pattern.compile("/skills/badge/([A-Za-z0-9_-]+)").matcher(ukrainian);
        assertThat(link.find()).isTrue();
        claimedDemoBadges.add(SecretTokens.hash(Badges.claimToken(link.group(1))));

        mvc.perform(post("/skills/badge/" + link.group(1)).with(csrf())).andExpect(status().is3xxRedirection());
        String claim = page("/skills/badge/" + link.group(1) + "?lang=uk");
        assertThat(claim).contains("Ваш Open Badge", "Відеодзвінки з родиною", ".png", ".svg", ".pdf");

        // the badge speaks Ukrainian, the coordinator's list names the course in the coordinator's language
        long course = jdbc.sql("select course_id from skills_credential where claim_token_hash = ?")
                .param(SecretTokens.hash(Badges.claimToken(link.group(1)))).query(Long.class).single();
        String list = mvc.perform(get("/admin/badges").param("lang", "de").param("course", String.valueOf(course))
                .session(Logins.as(mvc, "coordinator"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("Mit der Familie per Video sprechen").doesNotContain("Відеодзвінки з родиною");
    }

    @Test
    void thePngHoldsExactlyOneCredentialChunkEqualToTheStoredJsonAndEveryFileVerifies() throws Exception {
        String id = claimedBadge("groepelingen");
        String stored = jdbc.sql("select json from skills_credential where id = ?").param(id).query(String.class).single();

        byte[] png = bytes("/credentials/" + id + ".png");
        List<String> chunks = credentialChunks(png);
        assertThat(chunks).containsExactly(stored);
        byte[] svg = bytes("/credentials/" + id + ".svg");
        assertThat(new String(svg, StandardCharsets.UTF_8)).contains("<openbadges:credential><![CDATA[" + stored + "]]></openbadges:credential>");
        byte[] json = bytes("/credentials/" + id + ".json");

        assertThat(upload("badge.json", json, "de")).contains("echt, unverändert und nicht widerrufen");
        assertThat(upload("badge.png", png, "de")).contains("echt, unverändert und nicht widerrufen");
        assertThat(upload("badge.svg", svg, "de")).contains("echt, unverändert und nicht widerrufen");

        byte[] tampered = replaceChunkText(png, stored.replace("Badge-Kurs (Test)", "Profi-Kurs (Test)"));
        assertThat(upload("badge.png", tampered, "uk")).contains("Підпис не збігається").doesNotContain("справжній, не змінений");
        byte[] twice = replaceChunkText(png, stored);
        assertThat(upload("badge.png", twice, "de")).doesNotContain("echt, unverändert");
        byte[] plain = BakedBadges.png(stored);
        byte[] withoutChunk = replaceChunkText(plain, null);
        assertThat(upload("bild.png", withoutChunk, "ar")).contains("لا توجد شارة داخل هذه الصورة");

        byte[] pdf = mvcBytes(get("/credentials/" + id + ".pdf").param("lang", "de"));
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Badge-Kurs (Test)", "/credentials/" + id, "Digitales Abzeichen");
        }
    }

    @Test
    void aCoordinatorRevokesABadgeOfTheirLabAfterConfirmingAndTheSameFileIsThenReportedRevoked() throws Exception {
        String own = claimedBadge("groepelingen");
        String other = claimedBadge("vegesack");
        byte[] png = bytes("/credentials/" + own + ".png");

        MockHttpSession helper = Logins.as(mvc, "helper");
        mvc.perform(get("/admin/badges").session(helper)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/badges/" + own + "/revoke").param("reason", "x").session(helper).with(csrf()))
                .andExpect(status().isForbidden());

        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        String list = mvc.perform(get("/admin/badges").param("lang", "de").session(coordinator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("/admin/badges/" + own + "/revoke").doesNotContain(other);
        mvc.perform(get("/admin/badges/" + other + "/revoke").session(coordinator)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/badges/" + other + "/revoke").param("reason", "x").session(coordinator).with(csrf()))
                .andExpect(status().isForbidden());

        assertThat(mvc.perform(get("/admin/badges/" + own + "/revoke").param("lang", "de").session(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Badge widerrufen?", "nicht rückgängig");
        assertThat(mvc.perform(post("/admin/badges/" + own + "/revoke").param("reason", " ").param("lang", "de")
                        .session(coordinator).with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Bitte geben Sie einen Grund an");
        assertThat(upload("badge.png", png, "de")).as("nothing revoked without a reason").contains("echt, unverändert");

        mvc.perform(post("/admin/badges/" + own + "/revoke").param("reason", "Falsche Person eingetragen")
                .session(coordinator).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from privacy_audit where action = 'BADGE_REVOKED' and object_id = ?").param(own)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(upload("badge.png", png, "de")).contains("Dieses Abzeichen wurde widerrufen.")
                .as("said once, not repeated as a problem").doesNotContain("Das Abzeichen wurde widerrufen.");
        assertThat(page("/credentials/" + own + "?lang=de")).contains("Dieses Abzeichen wurde widerrufen.");
        assertThat(mvc.perform(get("/admin/badges").param("course", String.valueOf(courses.get(0))).param("lang", "de")
                .session(coordinator)).andReturn().getResponse().getContentAsString()).contains("Widerrufen am");

        MockHttpSession admin = Logins.as(mvc, "admin");
        assertThat(mvc.perform(get("/admin/badges").session(admin)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("/admin/badges/" + other + "/revoke");
    }

    @Test
    void aRevocationSetsTheBadgesBitInTheSignedStatusList() throws Exception {
        String id = claimedBadge("groepelingen");
        jakarta.json.JsonObject status = DataIntegrity.parse(jdbc.sql("select json from skills_credential where id = ?").param(id)
                .query(String.class).single()).getJsonObject("credentialStatus");
        assertThat(status.getString("type")).isEqualTo("BitstringStatusListEntry");
        assertThat(status.getString("statusPurpose")).isEqualTo("revocation");
        String listUrl = status.getString("statusListCredential");
        int index = Integer.parseInt(status.getString("statusListIndex"));
        String path = listUrl.substring(listUrl.indexOf("/credentials/status/"));

        jakarta.json.JsonObject before = DataIntegrity.parse(page(path));
        assertThat(before.getJsonArray("type").toString()).contains("BitstringStatusListCredential");
        assertThat(signedByUs(before)).isTrue();
        assertThat(StatusLists.isSet(before.getJsonObject("credentialSubject").getString("encodedList"), index)).isFalse();

        assertThat(badges.revoke(id, "Test")).isTrue();
        jakarta.json.JsonObject after = DataIntegrity.parse(page(path));
        assertThat(signedByUs(after)).isTrue();
        assertThat(StatusLists.isSet(after.getJsonObject("credentialSubject").getString("encodedList"), index)).isTrue();
        String changed = jakarta.json.Json.createObjectBuilder(after).add("validFrom", "2020-01-01T00:00:00Z").build().toString();
        assertThat(signedByUs(DataIntegrity.parse(changed))).isFalse();
        mvc.perform(get("/credentials/status/999")).andExpect(status().isNotFound());
    }

    private boolean signedByUs(jakarta.json.JsonObject credential) {
        String method = credential.getJsonObject("proof").getString("verificationMethod");
        return DataIntegrity.verify(credential, Multibase.rawPublicKey(method.substring(method.indexOf('#') + 1)));
    }

    private String claimedBadge(String lab) throws Exception {
        long course = TestCourses.published(jdbc, lab, 10, "Badge-Kurs (Test)", -2);
        courses.add(course);
        jdbc.sql("insert into course_competence (course_id, competence) values (?, '2.1')").param(course).update();
        String token = SecretTokens.newToken();
        jdbc.sql("""
                insert into course_registration (course_id, status, name, ui_language, manage_token_hash, confirmed_at, completed_at)
                values (?, 'CONFIRMED', 'Testperson', 'de', ?, now(), now())""").params(course, SecretTokens.hash(token)).update();
        mvc.perform(post("/skills/badge/" + token).with(csrf())).andExpect(status().is3xxRedirection());
        return jdbc.sql("select id from skills_credential where course_id = ?").param(course).query(String.class).single();
    }

    /** The texts of all iTXt chunks with the keyword openbadgecredential. */
    static List<String> credentialChunks(byte[] png) {
        List<String> texts = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(png, 8, png.length - 8);
        while (in.remaining() >= 12) {
            int length = in.getInt();
            byte[] type = new byte[4];
            in.get(type);
            byte[] data = new byte[length];
            in.get(data);
            in.getInt();
            String prefix = "openbadgecredential\0\0\0\0\0";
            if (new String(type, StandardCharsets.US_ASCII).equals("iTXt")
                    && new String(data, 0, Math.min(data.length, prefix.length()), StandardCharsets.ISO_8859_1).equals(prefix)) {
                texts.add(new String(data, prefix.length(), data.length - prefix.length(), StandardCharsets.UTF_8));
            }
        }
        return texts;
    }

    /** The PNG with its credential chunk's text replaced (with a valid CRC), doubled when text equals it, or removed for null. */
    private static byte[] replaceChunkText(byte[] png, String text) {
        ByteBuffer in = ByteBuffer.wrap(png);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(png, 0, 8);
        in.position(8);
        while (in.remaining() >= 12) {
            int start = in.position();
            int length = in.getInt();
            byte[] type = new byte[4];
            in.get(type);
            in.position(in.position() + length + 4);
            if (new String(type, StandardCharsets.US_ASCII).equals("iTXt")) {
                if (text != null) {
                    byte[] data = ("openbadgecredential\0\0\0\0\0" + text).getBytes(StandardCharsets.UTF_8);
                    CRC32 crc = new CRC32();
                    crc.update(type);
                    crc.update(data);
                    out.writeBytes(ByteBuffer.allocate(12 + data.length).putInt(data.length).put(type).put(data)
                            .putInt((int) crc.getValue()).array());
                    if (text.equals(credentialChunksText(png))) {
                        out.write(png, start, in.position() - start);
                    }
                }
                continue;
            }
            out.write(png, start, in.position() - start);
        }
        return out.toByteArray();
    }

    private static String credentialChunksText(byte[] png) {
        return credentialChunks(png).get(0);
    }

    private String upload(String name, byte[] content, String lang) throws Exception {
        return mvc.perform(multipart("/verify").file(new MockMultipartFile("file", name, null, content)).param("lang", lang).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private byte[] bytes(String path) throws Exception {
        return mvcBytes(get(path));
    }

    private byte[] mvcBytes(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
