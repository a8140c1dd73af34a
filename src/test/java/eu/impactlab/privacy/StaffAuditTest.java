package eu.impactlab.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import eu.impactlab.TestCourses;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;

/** Staff changes and views of personal data land in the audit trail, readable for admins, and leave it after two years. */
class StaffAuditTest extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditRetention retention;
    @Autowired
    Clock clock;

    private long entries(String action, String objectType, String objectId, String actor) {
        return jdbc.sql("""
                select count(*) from privacy_audit where action = ? and object_type = ? and object_id = ?
                and actor_id = (select id from account where username = ?)""")
                .params(action, objectType, objectId, actor).query(Long.class).single();
    }

    @Test
    void aCoordinatorsClosureAndParticipantListAreAuditedAndReadableForAnAdmin() throws Exception {
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        long lab = jdbc.sql("select id from lab where slug = 'groepelingen'").query(Long.class).single();
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(330);
        mvc.perform(post("/admin/labs/groepelingen/closures").session(coordinator).with(csrf())
                .param("day", day.toString()).param("kind", "CLOSED").param("reason", "TEAM_DAY").param("decision", "keep"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/labs/groepelingen/closures/" + day + "/delete").session(coordinator).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(entries("LAB_CLOSURE_SAVED", "lab", String.valueOf(lab), "coordinator")).isPositive();
        assertThat(entries("LAB_CLOSURE_REMOVED", "lab", String.valueOf(lab), "coordinator")).isPositive();

        long course = TestCourses.published(jdbc, "groepelingen", 4, "Audit-Kurs", 20);
        mvc.perform(get("/admin/courses/" + course + "/participants").session(coordinator)).andExpect(status().isOk());
        assertThat(entries("PARTICIPANTS_VIEWED", "course", String.valueOf(course), "coordinator")).isEqualTo(1);

        String page = mvc.perform(get("/admin/privacy/audit").param("actor", "coordinator").param("objectType", "lab")
                .session(Logins.as(mvc, "admin")).locale(Locale.GERMAN)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Schließtag oder andere Zeiten eingetragen", "Schließtag entfernt", day.toString())
                .doesNotContain("Teilnehmendenliste angesehen");
    }

    @Test
    void anAdminsAccountChangesAreAuditedWithoutNames() throws Exception {
        MockHttpSession admin = Logins.as(mvc, "admin");
        String location = mvc.perform(post("/admin/accounts").session(admin).with(csrf()).param("username", "audit.probe."
                + System.nanoTime()).param("displayName", "Audit Probe").param("role", "FUNDER"))
                .andReturn().getResponse().getRedirectedUrl();
        String id = location.substring(location.lastIndexOf('/') + 1);
        mvc.perform(post("/admin/accounts/" + id + "/disable").session(admin).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(entries("ACCOUNT_CREATED", "account", id, "admin")).isEqualTo(1);
        assertThat(entries("ACCOUNT_DISABLED", "account", id, "admin")).isEqualTo(1);
        assertThat(jdbc.sql("select details from privacy_audit where object_type = 'account' and object_id = ? and details is not null")
                .param(id).query(String.class).list()).containsExactly("role FUNDER").noneMatch(d -> d.contains("Audit Probe"));
    }

    @Test
    void entriesOlderThanTwoYearsAreDeletedAndTheRunIsCounted() {
        Instant now = clock.instant();
        long old = jdbc.sql("insert into privacy_audit (at, action, object_type, object_id) values (?, 'PROBE_OLD', 'probe', 'x') returning id")
                .param(Timestamp.from(now.minus(Duration.ofDays(731)))).query(Long.class).single();
        long recent = jdbc.sql("insert into privacy_audit (at, action, object_type, object_id) values (?, 'PROBE_NEW', 'probe', 'x') returning id")
                .param(Timestamp.from(now.minus(Duration.ofDays(729)))).query(Long.class).single();
        long runs = jdbc.sql("select count(*) from privacy_deletion_run where job = ?").param(AuditRetention.LOCK).query(Long.class).single();

        assertThat(retention.deleteDue(now)).isPositive();
        assertThat(jdbc.sql("select id from privacy_audit where id in (?, ?)").params(old, recent).query(Long.class).list())
                .containsExactly(recent);
        // A day later the other one is due as well: the clock, not the database's now(), decides.
        assertThat(retention.deleteDue(now.plus(Duration.ofDays(2)))).isPositive();
        assertThat(jdbc.sql("select count(*) from privacy_audit where id = ?").param(recent).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from privacy_deletion_run where job = ?").param(AuditRetention.LOCK)
                .query(Long.class).single()).isEqualTo(runs + 2);
    }
}
