package eu.impactlab.skills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.platform.SecretTokens;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.transaction.support.TransactionTemplate;

/** What the skills module keeps about a citizen, how they see it, and that it goes when its time is over. */
class SkillsPersonalDataTest extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    SelfCheckRetentionJob retention;
    @Autowired
    TransactionTemplate transactions;

    private String pairedToken;

    @AfterEach
    void removeProbes() {
        jdbc.sql("delete from skills_credential where id = 'pd-probe-badge'").update();
        if (pairedToken != null) {
            jdbc.sql("delete from skills_check where pair_key = ?").param(SkillsService.pairKey(pairedToken)).update();
        }
    }

    @Test
    void aFinishedCheckShowsWhatWeStoreAndLosesItsLinkAfter180DaysWhileTheAnswersStayAnonymous() throws Exception {
        String token = finishedShortCheck();
        long id = jdbc.sql("select id from skills_check where resume_token_hash = ?").param(SecretTokens.hash(token))
                .query(Long.class).single();

        String myData = page("/privacy/my-data/" + token + "?lang=en");
        assertThat(myData).contains("Self-check", "Questions answered", "21", "Finished on",
                "Your answers stay without the link", "and the course key are deleted after 180 days",
                "Your private link (stored only as a checksum)", "href=\"/privacy/my-data/" + token + "/delete\"");
        assertThat(page("/skills/check/" + token + "/result")).contains("href=\"/privacy/notice/skills-check\"",
                "href=\"/privacy/my-data/" + token + "\"");
        assertThat(page("/privacy/notice/skills-check?lang=ar")).contains("إشعار حماية البيانات للتقييم الذاتي", "180");
        assertThat(retention.finishedLinkRetention()).isEqualTo(Duration.ofDays(180));

        transactions.executeWithoutResult(tx -> {
            retention.deleteDue(Instant.now().plus(Duration.ofDays(179)));
            assertThat(jdbc.sql("select count(*) from skills_check where id = ? and resume_token_hash is not null").param(id)
                    .query(Long.class).single()).as("still within 180 days").isEqualTo(1);

            assertThat(retention.deleteDue(Instant.now().plus(Duration.ofDays(181)))).isPositive();
            assertThat(jdbc.sql("select count(*) from skills_check where id = ? and resume_token_hash is null and pair_key is null")
                    .param(id).query(Long.class).single()).as("link gone").isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from skills_answer where check_id = ?").param(id).query(Long.class).single())
                    .as("the anonymous answers stay").isEqualTo(21);
            tx.setRollbackOnly();
        });
    }

    @Test
    void aCourseManageLinkShowsTheParticipantsChecksAndDeletingThereClearsTheirPairKey() throws Exception {
        pairedToken = SecretTokens.newToken();
        long course = jdbc.sql("select id from course limit 1").query(Long.class).single();
        jdbc.sql("""
                insert into skills_check (resume_token_hash, mode, framework, item_set, language, course_id, phase, pair_key, started_at)
                values (?, 'COURSE', 'DigComp 2.2', 'probe', 'de', ?, 'BEFORE', ?, now())""")
                .params(SecretTokens.hash(SecretTokens.newToken()), course, SkillsService.pairKey(pairedToken)).update();

        assertThat(page("/privacy/my-data/" + pairedToken + "?lang=de")).contains("Selbstcheck", "Beantwortete Fragen");

        mvc.perform(post("/privacy/my-data/" + pairedToken + "/delete").with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from skills_check where pair_key = ?").param(SkillsService.pairKey(pairedToken))
                .query(Long.class).single()).isZero();
        mvc.perform(get("/privacy/my-data/" + pairedToken)).andExpect(status().isNotFound());
    }

    @Test
    void staffsReasonForRevokingABadgeGoesAfterAYearButTheBadgeStaysRevoked() {
        jdbc.sql("""
                insert into skills_credential (id, course_id, claim_token_hash, json, issued_at, revoked_at, revocation_reason)
                values ('pd-probe-badge', 1, md5('pd-probe-claim'), '{}', now(), now(), 'Falscher Kurs')""").update();
        transactions.executeWithoutResult(tx -> {
            retention.deleteDue(Instant.now().plus(Duration.ofDays(364)));
            assertThat(reasons()).as("still within a year").isEqualTo(1);
            assertThat(retention.deleteDue(Instant.now().plus(Duration.ofDays(366)))).isPositive();
            assertThat(reasons()).isZero();
            assertThat(jdbc.sql("select count(*) from skills_credential where id = 'pd-probe-badge' and revoked_at is not null")
                    .query(Long.class).single()).isEqualTo(1);
            tx.setRollbackOnly();
        });
    }

    private long reasons() {
        return jdbc.sql("select count(*) from skills_credential where id = 'pd-probe-badge' and revocation_reason = 'Falscher Kurs'")
                .query(Long.class).single();
    }

    private String finishedShortCheck() throws Exception {
        String location = mvc.perform(post("/skills/start").param("mode", "SHORT").param("lang", "de")
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String token = location.substring("/skills/check/".length(), location.length() - 2);
        for (int n = 1; n <= 21; n++) {
            mvc.perform(post("/skills/check/" + token + "/" + n).param("answer", "2")).andExpect(status().is3xxRedirection());
        }
        return token;
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
