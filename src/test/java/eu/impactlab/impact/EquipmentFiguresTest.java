package eu.impactlab.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Taps at the demo kiosk in Gröpelingen reach the coordinator's impact dashboard as anonymous door visits. */
class EquipmentFiguresTest extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void doorVisitsShowOnTheCoordinatorsDashboardAndAFewAreSuppressed() throws Exception {
        List<String> taps = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String tap = UUID.randomUUID().toString();
            taps.add(tap);
            mvc.perform(post("/api/v1/kiosk/taps").header("Authorization", "Bearer demo-kiosk-groepelingen")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"tapId\":\"" + tap + "\",\"reason\":\"MAKER_SPACE\"}"))
                    .andExpect(status().isAccepted());
        }
        // One tap sent twice, as after a network drop: it counts once.
        mvc.perform(post("/api/v1/kiosk/taps").header("Authorization", "Bearer demo-kiosk-groepelingen")
                .contentType(MediaType.APPLICATION_JSON).content("{\"tapId\":\"" + taps.get(0) + "\",\"reason\":\"MAKER_SPACE\"}"))
                .andExpect(status().isAccepted());
        mvc.perform(post("/api/v1/kiosk/taps").header("Authorization", "Bearer not-a-kiosk")
                .contentType(MediaType.APPLICATION_JSON).content("{\"tapId\":\"" + UUID.randomUUID() + "\",\"reason\":\"OTHER\"}"))
                .andExpect(status().isForbidden());
        Events.await(() -> jdbc.sql("select count(*) from impact_equipment_figure where event_id::text in (:ids)")
                .param("ids", taps).query(Long.class).single() == 6, "six door visits as figures");

        String today = LocalDate.now(ZoneId.of("Europe/Berlin")).toString();
        String page = mvc.perform(get("/impact").param("from", today).param("to", today).param("lab", "groepelingen")
                        .session(Logins.as(mvc, "coordinator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Besuche an der Tür").contains("Der Maker-Space");
        // Nobody tapped "just looking" six times today at this lab in this test: if anyone did fewer than five, it shows as –.
        assertThat(jdbc.sql("select count(*) from impact_equipment_figure where kind = 'DOOR_VISIT' and hour is null")
                .query(Long.class).single()).as("door visits keep their hour, nothing finer").isZero();
    }
}
