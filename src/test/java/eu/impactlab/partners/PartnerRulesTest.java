package eu.impactlab.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import eu.impactlab.labs.LabService;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The state rules hold in the database itself, and the promise clock reads the lab's real holidays and closures. */
class PartnerRulesTest extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    PartnerService partners;
    @Autowired
    LabService labs;

    /** The path from REQUESTED to each state, through allowed steps only. */
    static final List<List<RequestState>> PATHS = List.of(
            List.of(),
            List.of(RequestState.CLARIFYING),
            List.of(RequestState.SCHEDULED),
            List.of(RequestState.SCHEDULED, RequestState.DELIVERED),
            List.of(RequestState.SCHEDULED, RequestState.DELIVERED, RequestState.REPORTED),
            List.of(RequestState.DECLINED),
            List.of(RequestState.WITHDRAWN),
            List.of(RequestState.SCHEDULED, RequestState.CANCELLED));

    @Test
    void noDisallowedTransitionIsPossibleEvenWritingStraightToTheDatabase() {
        List<String> wrong = new ArrayList<>();
        for (List<RequestState> path : PATHS) {
            long id = request(path);
            RequestState from = path.isEmpty() ? RequestState.REQUESTED : path.get(path.size() - 1);
            for (RequestState to : RequestState.values()) {
                if (to == from) {
                    continue;
                }
                boolean done = tryMove(id, to);
                if (done != from.canGoTo(to)) {
                    wrong.add(from + " -> " + to + (done ? " happened" : " was refused"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aNewRequestStartsAtTheBeginningAndReportedNeedsAReport() {
        assertThatThrownBy(() -> jdbc.sql("""
                insert into partner_request (organisation_id, lab_id, kind, topic, group_size, age_bands, languages, place,
                    created_by, state) values (?, 1, 'WORKSHOP', 'x', 5, 'AGE_12_17', 'de', 'LAB', 0, 'SCHEDULED')""")
                .param(organisation()).update()).isInstanceOf(DataAccessException.class);
        long delivered = request(List.of(RequestState.SCHEDULED, RequestState.DELIVERED), false);
        assertThat(tryMove(delivered, RequestState.REPORTED)).isFalse();
        assertThatThrownBy(() -> jdbc.sql("""
                insert into partner_reach_report (request_id, participants, age_under_12, age_12_17, age_18_26, age_27_64,
                    age_65_plus, first_time, languages, duration_minutes, staff_hours, volunteer_hours, devices_lent, filed_by)
                values (?, 10, 0, 3, 0, 0, 0, 0, 'de', 60, 1, 0, 0, 'x')""").param(delivered).update())
                .as("age bands that do not add up are refused by the database too").isInstanceOf(DataAccessException.class);
    }

    @Test
    void thePromiseClockSkipsTheLabsHolidaysAndClosures() throws Exception {
        long lab = labs.idOf("groepelingen").orElseThrow();
        WorkingDays days = partners.workingDays(lab);
        LocalDate christmas = LocalDate.of(LocalDate.now().getYear(), 12, 25);
        assertThat(days.working(christmas)).isFalse();
        assertThat(days.working(christmas.plusDays(1))).isFalse();
        LocalDate friday = LocalDate.now(PartnerTesting.BREMEN).with(TemporalAdjusters.next(DayOfWeek.FRIDAY)).plusWeeks(2);
        while (!labs.schedule("groepelingen", friday, 1).get(0).open()) {
            friday = friday.plusWeeks(1);
        }
        assertThat(partners.workingDays(lab).working(friday)).isTrue();
        var coordinator = Logins.as(mvc, "coordinator");
        mvc.perform(post("/admin/labs/groepelingen/closures").session(coordinator).with(csrf())
                        .param("day", friday.toString()).param("kind", "CLOSED").param("reason", "BUILDING_WORK")
                        .param("decision", "keep"))
                .andExpect(status().is3xxRedirection());
        try {
            WorkingDays withClosure = partners.workingDays(lab);
            assertThat(withClosure.working(friday)).isFalse();
            LocalDate thursday = friday.minusDays(1);
            assertThat(withClosure.due(thursday, 1, List.of())).as("the closure is skipped").isEqualTo(friday.plusDays(3));
        } finally {
            mvc.perform(post("/admin/labs/groepelingen/closures/" + friday + "/delete").session(coordinator).with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
    }

    private boolean tryMove(long id, RequestState to) {
        Boolean done = transactions.execute(status -> {
            status.setRollbackOnly();
            try {
                jdbc.sql("update partner_request set state = ? where id = ?").params(to.name(), id).update();
                return true;
            } catch (DataAccessException e) {
                return false;
            }
        });
        return Boolean.TRUE.equals(done);
    }

    private long request(List<RequestState> path) {
        return request(path, true);
    }

    private long request(List<RequestState> path, boolean withReport) {
        long id = jdbc.sql("""
                insert into partner_request (organisation_id, lab_id, kind, topic, group_size, age_bands, languages, place,
                    created_by, decline_reason, decline_alternative, cancel_reason, scheduled_start, scheduled_end)
                values (?, 1, 'WORKSHOP', 'Übergänge', 5, 'AGE_12_17', 'de', 'LAB', 0, 'Grund', 'Alternative', 'LAB',
                    now() + interval '1 day', now() + interval '1 day 2 hours') returning id""")
                .param(organisation()).query(Long.class).single();
        if (withReport) {
            jdbc.sql("""
                    insert into partner_reach_report (request_id, participants, age_under_12, age_12_17, age_18_26, age_27_64,
                        age_65_plus, first_time, languages, duration_minutes, staff_hours, volunteer_hours, devices_lent, filed_by)
                    values (?, 5, 0, 5, 0, 0, 0, 0, 'de', 60, 1, 0, 0, 'test')""").param(id).update();
        }
        for (RequestState step : path) {
            jdbc.sql("update partner_request set state = ? where id = ?").params(step.name(), id).update();
        }
        return id;
    }

    private long organisation() {
        return jdbc.sql("select id from partner_organisation order by id limit 1").query(Long.class).single();
    }
}
