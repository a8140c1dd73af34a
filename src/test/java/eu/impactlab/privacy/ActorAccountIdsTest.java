package eu.impactlab.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.TestCourses;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The modules' logs name staff by account id, never by user name; an erased account leaves "former staff". */
class ActorAccountIdsTest extends AbstractIntegrationTest {

    /** Each log's text column for the actor and its account id column. */
    private static final Map<String, List<String>> LOGS = Map.of(
            "appointment_log", List.of("actor", "actor_id"),
            "walk_in_ticket_log", List.of("actor", "actor_id"),
            "course_log", List.of("actor", "actor_id"),
            "course_attendance", List.of("recorded_by", "recorded_by_id"),
            "idea_log", List.of("actor", "actor_id"),
            "partner_request_log", List.of("actor", "actor_id"),
            "device_wipe", List.of("wiped_by", "wiped_by_id"),
            "partner_member", List.of("invited_by", "invited_by_id"),
            "partner_reach_report", List.of("filed_by", "filed_by_id"),
            "skills_achievement", List.of("updated_by", "updated_by_id"));

    @Autowired
    JdbcClient jdbc;

    private record Logged(String actor, Long actorId) {
    }

    private Logged logged(long courseId, String action) {
        return jdbc.sql("select actor, actor_id from course_log where course_id = ? and action = ?").params(courseId, action)
                .query((rs, i) -> new Logged(rs.getString(1), rs.getObject(2) == null ? null : rs.getLong(2))).single();
    }

    @Test
    void aStaffMemberIsStoredAsAccountIdAWordStaysAndAnErasedAccountLeavesNoName() {
        long course = TestCourses.published(jdbc, "groepelingen", 5, "Akteure als Konto", 30);
        long coordinator = jdbc.sql("select id from account where username = 'coordinator'").query(Long.class).single();
        jdbc.sql("insert into course_log (course_id, action, actor) values (?, 'PROBE_STAFF', 'coordinator')").param(course).update();
        jdbc.sql("insert into course_log (course_id, action, actor) values (?, 'PROBE_CITIZEN', 'citizen')").param(course).update();
        assertThat(logged(course, "PROBE_STAFF")).isEqualTo(new Logged(null, coordinator));
        assertThat(logged(course, "PROBE_CITIZEN")).isEqualTo(new Logged("citizen", null));

        long leaving = jdbc.sql("insert into account (username, display_name, role) values ('leaving.soon', 'Geht bald', 'HELPER') returning id")
                .query(Long.class).single();
        jdbc.sql("insert into course_log (course_id, action, actor) values (?, 'PROBE_LEAVING', 'leaving.soon')").param(course).update();
        assertThat(logged(course, "PROBE_LEAVING")).isEqualTo(new Logged(null, leaving));
        jdbc.sql("delete from account where id = ?").param(leaving).update();
        assertThat(logged(course, "PROBE_LEAVING")).as("former staff: no name, no id").isEqualTo(new Logged(null, null));
        assertThat(jdbc.sql("select count(*) from course_log where course_id = ?").param(course).query(Long.class).single())
                .as("the log entry itself stays").isEqualTo(3);
    }

    @Test
    void noLogHoldsAStaffUserNameAsText() {
        LOGS.forEach((table, columns) -> assertThat(jdbc.sql("select count(*) from " + table + " l join account a on a.username = l."
                + columns.get(0)).query(Long.class).single()).as(table).isZero());
    }
}
