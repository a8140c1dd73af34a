package eu.impactlab.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import eu.impactlab.TestCourses;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The funder's CSV, XLSX and PDF carry the labs' partner work (requests by kind and state, reply times, reach) and the
 * self-check figures (by area and level, before/after per course), with small numbers hidden; other roles do not.
 */
class PartnerAndSkillsExportsTest extends AbstractIntegrationTest {

    private static final String FROM = "2003-05-01";
    private static final String TO = "2003-05-31";
    private static final Instant IN_MAY = Instant.parse("2003-05-12T10:00:00Z");

    @Autowired
    JdbcClient jdbc;

    private long groepelingen;
    private long organisation;
    private Long course;

    @BeforeEach
    void figures() {
        groepelingen = jdbc.sql("select id from lab where slug = 'groepelingen'").query(Long.class).single();
        // six workshops with 10 participants each, five group consultations with 6, one lab visit with 3 (too few to show)
        for (int i = 0; i < 6; i++) {
            reach("WORKSHOP", 8, 2, 0);
        }
        for (int i = 0; i < 5; i++) {
            reach("GROUP_CONSULTATION", 0, 6, 0);
        }
        reach("LAB_VISIT", 0, 0, 3);
        organisation = jdbc.sql("insert into partner_organisation (name, kind, stadtteil, lab_id) values (?, 'SCHOOL', 'Walle', ?) returning id")
                .params("Exportschule " + System.nanoTime(), groepelingen).query(Long.class).single();
        for (int i = 0; i < 8; i++) {
            jdbc.sql("""
                    insert into partner_request (organisation_id, lab_id, kind, topic, group_size, age_bands, languages, place,
                        created_by, created_at, first_reply_at)
                    values (?, ?, ?, 'Export', 12, 'AGE_65_PLUS', 'de', 'LAB', 1, ?, ?)""")
                    .params(organisation, groepelingen, i < 6 ? "WORKSHOP" : "LAB_VISIT", Timestamp.from(IN_MAY),
                            Timestamp.from(IN_MAY.plusSeconds(24 * 3600 + i * 60))).update();
        }
        course = TestCourses.published(jdbc, "groepelingen", 20, "Exportkurs Datenschutz", 5);
        // six people rose from 0 to 2, one stayed at 2: seven pairs, one "did not rise" (too few to show)
        for (int person = 0; person < 7; person++) {
            check("COURSE", "BEFORE", "export-" + person + "-" + course, person < 6 ? 0 : 2);
            check("COURSE", "AFTER", "export-" + person + "-" + course, 2);
        }
        // anonymous self-checks in area 1: two just starting (too few to show), six on their own, nine confident
        for (int i = 0; i < 17; i++) {
            check("SHORT", null, null, i < 2 ? 0 : i < 8 ? 2 : 3);
        }
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from impact_partner_reach where day between date '2003-05-01' and date '2003-05-31'").update();
        jdbc.sql("delete from partner_request where organisation_id = ?").param(organisation).update();
        jdbc.sql("delete from partner_organisation where id = ?").param(organisation).update();
        jdbc.sql("delete from skills_check where course_id = ? or (language = 'de' and completed_at = ?)")
                .params(course, Timestamp.from(IN_MAY)).update();
        jdbc.sql("delete from course where id = ?").param(course).update();
    }

    @Test
    void theFundersCsvHoldsPartnerWorkAndSelfChecksWithSmallCellsHidden() throws Exception {
        MockHttpSession funder = Logins.as(mvc, "funder");
        String csv = new String(mvc.perform(get("/impact/export.csv").param("from", FROM).param("to", TO)
                        .param("lab", "groepelingen").session(funder))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        List<List<String>> requests = table(csv, "Anfragen nach Art und Stand");
        assertThat(requests.get(0)).startsWith("Art", "Neu");
        assertThat(row(requests, "Besuch im Lab")).as("2 lab visits are too few").startsWith("Besuch im Lab", "•");
        assertThat(row(requests, "Workshop für eine Gruppe")).as("and the 6 workshops beside them in the total")
                .startsWith("Workshop für eine Gruppe", "•");
        assertThat(row(table(csv, "Antwortzeiten nach Lab"), "Stunden bis zur ersten Antwort (Median)"))
                .containsExactly("Stunden bis zur ersten Antwort (Median)", "24", "24");
        assertThat(row(table(csv, "Teilnehmende nach Art des Angebots"), "Workshop für eine Gruppe"))
                .containsExactly("Workshop für eine Gruppe", "60", "60");
        assertThat(row(table(csv, "Teilnehmende nach Art des Angebots"), "Besuch im Lab"))
                .containsExactly("Besuch im Lab", "•", "•");
        assertThat(row(table(csv, "Teilnehmende nach Altersgruppe"), "12 bis 17 Jahre"))
                .containsExactly("12 bis 17 Jahre", "48", "48");
        assertThat(row(table(csv, "Teilnehmende nach Stadtteil der Partner"), "Walle")).contains("93");

        List<List<String>> areas = table(csv, "Abgeschlossene Selbstchecks nach Bereich und Stufe");
        List<String> information = row(areas, "Umgang mit Informationen und Daten");
        assertThat(information).as("two just starting are too few, and the six beside them are hidden with them")
                .containsExactly("Umgang mit Informationen und Daten", "•", "0", "•", "9", "17");
        List<String> change = row(table(csv, "Vorher und nachher je Kurs und Kompetenz"), "Exportkurs Datenschutz");
        assertThat(change).containsExactly(change.get(0), "7", "•", "•", "+1,7");
    }

    @Test
    void theXlsxHasASheetForPartnerWorkAndOneForSelfChecks() throws Exception {
        byte[] xlsx = mvc.perform(get("/impact/export.xlsx").param("from", FROM).param("to", TO).param("lab", "groepelingen")
                .session(Logins.as(mvc, "funder"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetName(1)).isEqualTo("Partnerarbeit");
            assertThat(book.getSheetName(2)).isEqualTo("Selbstchecks");
            StringBuilder partners = new StringBuilder();
            book.getSheetAt(1).forEach(row -> row.forEach(cell -> partners.append(cell.toString()).append('|')));
            assertThat(partners).contains("Anfragen nach Art und Stand|").contains("Workshop für eine Gruppe|60.0|60.0|")
                    .contains("Besuch im Lab|•|•|");
            StringBuilder skills = new StringBuilder();
            book.getSheetAt(2).forEach(row -> row.forEach(cell -> skills.append(cell.toString()).append('|')));
            assertThat(skills).contains("Umgang mit Informationen und Daten|").contains("|7.0|•|•|+1,7|");
        }
    }

    @Test
    void thePdfHasThePartnerAndSelfCheckSectionsWithCharts() throws Exception {
        byte[] pdf = mvc.perform(get("/impact/report.pdf").param("from", FROM).param("to", TO).param("lab", "groepelingen")
                .session(Logins.as(mvc, "funder"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Anfragen nach Art und Stand", "Antwortzeiten nach Lab",
                    "Teilnehmende nach Altersgruppe", "Abgeschlossene Selbstchecks je Bereich",
                    "Vorher und nachher je Kurs und Kompetenz", "Exportkurs", "+1,7", "•");
        }
    }

    @Test
    void onlyTheLabsOneMaySeeAreInTheExportsAndPartnersGetNone() throws Exception {
        long vegesack = jdbc.sql("select id from lab where slug = 'vegesack'").query(Long.class).single();
        var otherCoordinator = user("coordinator-vegesack").authorities(new SimpleGrantedAuthority("ROLE_COORDINATOR"),
                new SimpleGrantedAuthority("LAB_" + vegesack));
        String csv = mvc.perform(get("/impact/export.csv").param("from", FROM).param("to", TO).with(otherCoordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("Anfragen nach Art und Stand").doesNotContain("Exportkurs Datenschutz");
        assertThat(row(table(csv, "Teilnehmende nach Art des Angebots"), "Workshop für eine Gruppe")).doesNotContain("60");
        mvc.perform(get("/impact/export.csv").param("from", FROM).param("to", TO).param("lab", "groepelingen")
                .with(otherCoordinator)).andExpect(status().isBadRequest());
        for (String path : List.of("/impact/export.csv", "/impact/export.xlsx", "/impact/report.pdf")) {
            mvc.perform(get(path).with(user("partner").roles("PARTNER"))).andExpect(status().isForbidden());
            mvc.perform(get(path).with(user("helper").roles("HELPER"))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/impact/export.csv").param("from", FROM).param("to", TO).session(Logins.as(mvc, "funder")))
                .andExpect(status().isOk());
    }

    private void reach(String kind, int young, int adults, int seniors) {
        jdbc.sql("""
                insert into impact_partner_reach (event_id, day, lab_id, kind, stadtteil, participants, first_time, under_12,
                    age_12_17, age_18_26, age_27_64, age_65_plus, languages, duration_minutes, devices_lent)
                values (gen_random_uuid(), date '2003-05-12', ?, ?, 'Walle', ?, 1, 0, ?, 0, ?, ?, 'de,tr', 90, 0)""")
                .params(groepelingen, kind, young + adults + seniors, young, adults, seniors).update();
    }

    private void check(String mode, String phase, String pairKey, int answer) {
        long id = jdbc.sql("""
                insert into skills_check (resume_token_hash, mode, framework, item_set, language, course_id, phase, pair_key,
                    competences, started_at, completed_at)
                values (md5(random()::text), ?, 'DigComp 2.2', 'test', 'de', ?, ?, ?, ?, ?, ?) returning id""")
                .params(mode, mode.equals("COURSE") ? course : null, phase, pairKey, mode.equals("COURSE") ? "1.1" : null,
                        Timestamp.from(IN_MAY), Timestamp.from(IN_MAY)).query(Long.class).single();
        jdbc.sql("insert into skills_answer (check_id, question_id, competence, answer) values (?, 'q1.1', '1.1', ?)")
                .params(id, answer).update();
    }

    /** The rows of the table under this caption (its header first), up to the next blank line. */
    private static List<List<String>> table(String csv, String caption) throws Exception {
        List<CSVRecord> records = CSVFormat.EXCEL.builder().setDelimiter(';').get().parse(new StringReader(csv)).getRecords();
        List<List<String>> rows = new ArrayList<>();
        boolean in = false;
        for (CSVRecord record : records) {
            List<String> cells = record.toList();
            if (!in) {
                in = cells.size() == 1 && cells.get(0).equals(caption);
                continue;
            }
            if (cells.isEmpty() || cells.size() == 1 && cells.get(0).isEmpty()) {
                break;
            }
            if (cells.size() > 1) {
                rows.add(cells);
            }
        }
        assertThat(in).as("a table %s", caption).isTrue();
        return rows;
    }

    private static List<String> row(List<List<String>> table, String label) {
        return table.stream().filter(r -> r.get(0).startsWith(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label + " in " + table));
    }
}
