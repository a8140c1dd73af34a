package eu.impactlab.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;

/** Funders find the equipment figures and the door visits by hour in every export, with small numbers hidden. */
class EquipmentExportsTest extends AbstractIntegrationTest {

    private static final String FROM = "2024-03-01";
    private static final String TO = "2024-03-31";

    @Autowired
    JdbcClient jdbc;

    private void visits(int n, int hour, String reason) {
        jdbc.sql("""
                insert into impact_equipment_figure (event_id, day, hour, lab_id, kind, key, amount)
                select gen_random_uuid(), date '2024-03-12', :hour, (select id from lab where slug = 'vegesack'), 'DOOR_VISIT', :reason, 1
                from generate_series(1, :n)""").param("hour", hour).param("reason", reason).param("n", n).update();
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from impact_equipment_figure where day between date '2024-03-01' and date '2024-03-31'").update();
    }

    @Test
    void doorVisitsByHourAndEquipmentFiguresAreInTheDashboardCsvXlsxPdfAndOpenDataWithSmallNumbersHidden() throws Exception {
        // 10 o'clock: 12 visits, 11 o'clock: 3 (too few), 12 o'clock: 7; by reason 15 for a course and 7 other.
        visits(12, 10, "COURSE");
        visits(3, 11, "COURSE");
        visits(7, 12, "OTHER");
        jdbc.sql("""
                insert into impact_equipment_figure (event_id, day, lab_id, kind, key, amount)
                select gen_random_uuid(), date '2024-03-05', (select id from lab where slug = 'vegesack'), 'LOAN', 'LAPTOP', 1
                from generate_series(1, 6)""").update();
        MockHttpSession funder = Logins.as(mvc, "funder");

        String page = mvc.perform(get("/impact").param("from", FROM).param("to", TO).session(funder)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Besuche an der Tür nach Uhrzeit").contains("<svg").contains("10:00");

        String csv = new String(mvc.perform(get("/impact/export.csv").param("from", FROM).param("to", TO).session(funder))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).contains("Besuche an der Tür nach Uhrzeit").contains("10:00;12")
                .as("3 visits are hidden, and so is the next smallest hour, so the 3 cannot be worked out from the total")
                .contains("11:00;•").contains("12:00;•").contains("Zusammen;22")
                .contains("Ausleihen: Laptop;6");

        byte[] xlsx = mvc.perform(get("/impact/export.xlsx").param("from", FROM).param("to", TO).session(funder))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            StringBuilder cells = new StringBuilder();
            book.getSheetAt(0).forEach(row -> row.forEach(cell -> cells.append(cell.toString()).append('|')));
            assertThat(cells).contains("Besuche an der Tür nach Uhrzeit|").contains("10:00|12.0|").contains("11:00|•|");
        }
        byte[] pdf = mvc.perform(get("/impact/report.pdf").param("from", FROM).param("to", TO).session(funder))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        String open = mvc.perform(get("/api/v1/open-data/equipment").param("month", "2024-03")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(open).contains("\"lab\":\"vegesack\",\"kind\":\"DOOR_VISIT\",\"key\":\"COURSE\",\"count\":15")
                .contains("\"kind\":\"LOAN\",\"key\":\"LAPTOP\",\"count\":6");
        mvc.perform(get("/api/v1/open-data/equipment").param("month", "2999-01")).andExpect(status().isBadRequest());
        assertThat(mvc.perform(get("/api/v1/open-data/equipment").param("month", "2024-03").param("format", "csv"))
                .andReturn().getResponse().getContentAsString()).contains("2024-03,vegesack,DOOR_VISIT,OTHER,7");
    }
}
