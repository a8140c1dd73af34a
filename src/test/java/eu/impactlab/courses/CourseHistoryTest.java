package eu.impactlab.courses;

import static eu.impactlab.courses.CourseStaffTesting.courseForm;
import static eu.impactlab.courses.CourseStaffTesting.createCourse;
import static eu.impactlab.courses.CourseStaffTesting.labId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;

/** The course's history shows who changed its capacity and when; the admin's audit view filters by person, object, date. */
class CourseHistoryTest extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theHistoryShowsWhoChangedTheCapacityAndTheAuditViewFindsIt() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        long lab = labId(jdbc, "groepelingen");
        long id = createCourse(mvc, coordinator, lab, "Verlauf-Kurs", 5, today.plusDays(3), 1);
        mvc.perform(courseForm(post("/admin/courses/" + id + "/edit").session(coordinator), lab, "Verlauf-Kurs", 9,
                today.plusDays(3), 1)).andExpect(redirectedUrl("/admin/courses/" + id));
        assertThat(jdbc.sql("select count(*) from privacy_audit where object_type = 'course' and object_id = ? and action = 'CAPACITY_CHANGED'")
                .param(Long.toString(id)).query(Long.class).single()).isOne();

        String page = mvc.perform(get("/admin/courses/" + id).param("lang", "de").session(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Verlauf", "coordinator", "Plätze geändert", "capacity 5 → 9",
                today.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")));

        MockHttpSession admin = Logins.as(mvc, "admin");
        String audit = mvc.perform(get("/admin/privacy/audit").param("lang", "de").session(admin)
                        .param("actor", "coordinator").param("objectType", "course").param("objectId", Long.toString(id))
                        .param("from", today.toString()).param("to", today.toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(audit).contains("Plätze geändert", "course " + id, "capacity 5 → 9");
        assertThat(mvc.perform(get("/admin/privacy/audit").param("lang", "de").session(admin).param("actor", "admin")
                .param("objectType", "course").param("objectId", Long.toString(id))).andReturn().getResponse()
                .getContentAsString()).contains("Keine Einträge.");
        assertThat(mvc.perform(get("/admin/privacy/audit").param("lang", "de").session(admin)
                .param("from", today.plusDays(1).toString()).param("objectId", Long.toString(id))).andReturn().getResponse()
                .getContentAsString()).contains("Keine Einträge.");
        assertThat(mvc.perform(get("/admin/privacy/audit").param("lang", "en").session(admin).param("actor", "niemand"))
                .andReturn().getResponse().getContentAsString()).contains("There is no such username.");
        mvc.perform(get("/admin/privacy/audit").session(coordinator)).andExpect(status().isForbidden());
    }

    @Test
    void theAppCannotChangeTheTrail() {
        jdbc.sql("insert into privacy_audit (action, object_type) values ('TEST', 'nothing')").update();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("update privacy_audit set action = 'CHANGED'").update())
                .hasMessageContaining("append-only");
    }
}
