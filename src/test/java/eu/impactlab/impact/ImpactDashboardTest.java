package eu.impactlab.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import eu.impactlab.consultations.ConsultationCompleted;
import eu.impactlab.consultations.Mode;
import eu.impactlab.labs.LabService;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * The dashboard as coordinators and funders use it, in a year (2004) that only this test fills: who may see what,
 * bad questions, small numbers hidden everywhere, exports with exactly the screen's numbers, and the open data feed.
 */
class ImpactDashboardTest extends AbstractIntegrationTest {

    static final String YEAR = "from=2004-01-01&to=2004-12-31";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LabService labs;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate transactions;

    static boolean filled;

    @BeforeEach
    void fill() {
        if (filled) {
            return;
        }
        Events events = new Events(publisher, transactions, jdbc);
        long west = labs.idOf("groepelingen").orElseThrow();
        long north = labs.idOf("vegesack").orElseThrow();
        UUID last = null;
        // Gröpelingen: 12 walk-ins by women from Gröpelingen, 3 by men from Walle, 7 by diverse people from Findorff;
        // Vegesack: 2 appointments of men from Vegesack.
        for (int i = 0; i < 22; i++) {
            last = UUID.randomUUID();
            events.publish(consultation(last, west, ConsultationCompleted.Kind.WALK_IN,
                    i < 12 ? ConsultationCompleted.Gender.FEMALE : i < 15 ? ConsultationCompleted.Gender.MALE : ConsultationCompleted.Gender.DIVERSE,
                    i < 12 ? "Gröpelingen" : i < 15 ? "Walle" : "Findorff"));
        }
        for (int i = 0; i < 2; i++) {
            last = UUID.randomUUID();
            events.publish(consultation(last, north, ConsultationCompleted.Kind.APPOINTMENT, ConsultationCompleted.Gender.MALE, "Vegesack"));
        }
        events.awaitFact(last);
        Events.await(() -> jdbc.sql("select count(*) from impact_fact where day between '2004-01-01' and '2004-12-31'")
                .query(Long.class).single() == 24, "24 facts of 2004");
        filled = true;
    }

    static ConsultationCompleted consultation(UUID id, long lab, ConsultationCompleted.Kind kind,
            ConsultationCompleted.Gender gender, String stadtteil) {
        return new ConsultationCompleted(id, LocalDate.of(2004, 3, 10), lab, kind, List.of("smartphone"), "ar",
                Mode.IN_PERSON, ConsultationCompleted.Result.SOLVED, ConsultationCompleted.Referral.NONE, 20,
                ConsultationCompleted.AgeBand.FROM_45_TO_64, gender, stadtteil, ConsultationCompleted.FirstVisit.NO, 5);
    }

    String page(MockHttpSession session, String query) throws Exception {
        return mvc.perform(get("/impact?" + query).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void anonymousPeopleAreSentToLoginAndHelpersAndPartnersAreRefused() throws Exception {
        mvc.perform(get("/impact")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/impact/export.csv")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/impact").session(Logins.as(mvc, "helper"))).andExpect(status().isForbidden());
        mvc.perform(get("/impact/report.pdf").session(Logins.as(mvc, "partner"))).andExpect(status().isForbidden());
    }

    @Test
    void theCoordinatorSeesGroepelingenOnlyAndIsRefusedVegesack() throws Exception {
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        String html = page(coordinator, YEAR + "&by=lab");
        assertThat(labsLine(html)).contains("Gröpelingen").doesNotContain("Vegesack");
        assertThat(rows(html, "breakdown")).extracting(r -> r.get(0)).noneMatch(label -> label.contains("Vegesack"));
        assertThat(figure(html, "Menschen, denen geholfen wurde")).isEqualTo("22");

        String refused = mvc.perform(get("/impact?lab=vegesack").session(coordinator)).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("Sie dürfen seine Zahlen nicht sehen").doesNotContain("Exception");
        mvc.perform(get("/impact/export.csv?lab=vegesack").session(coordinator)).andExpect(status().isBadRequest());
    }

    @Test
    void theFunderSeesAllLabsTogetherAndSmallNumbersAreHidden() throws Exception {
        String html = page(Logins.as(mvc, "funder"), YEAR + "&by=gender");
        assertThat(labsLine(html)).contains("Gröpelingen", "Vegesack", "Osterholz");
        assertThat(figure(html, "Menschen, denen geholfen wurde")).isEqualTo("24");
        List<List<String>> rows = rows(html, "breakdown");
        // women: 12 visible; men's 3 walk-ins hidden, and with them what would let one compute them
        assertThat(rows).filteredOn(r -> r.get(0).equals("weiblich")).first().extracting(r -> r.get(1)).isEqualTo("12");
        assertThat(rows).filteredOn(r -> r.get(0).equals("männlich")).first().extracting(r -> r.get(4)).isEqualTo("•");
        assertThat(rows).filteredOn(r -> r.get(0).equals("Gesamt")).first().extracting(r -> r.get(1)).isEqualTo("24");
        assertNoSmallNumbers(html);
        // in the district table Walle (3) is hidden, and so is a second cell of West, so Walle cannot be computed
        List<List<String>> districts = rows(html, "districts");
        assertThat(districts).filteredOn(r -> r.get(0).equals("Walle")).first().extracting(r -> r.get(1)).isEqualTo("•");
        assertThat(districts).filteredOn(r -> r.get(0).equals("Gröpelingen")).first().extracting(r -> r.get(1)).isEqualTo("12");
        assertThat(districts).filteredOn(r -> r.get(0).equals("Osterholz (Tenever)")).first().extracting(r -> r.get(1)).isEqualTo("0");
        long westHidden = districts.stream().filter(r -> List.of("West", "Blockland", "Findorff", "Gröpelingen", "Walle")
                .contains(r.get(0))).filter(r -> r.get(1).equals("•")).count();
        assertThat(westHidden).isGreaterThanOrEqualTo(2);
    }

    @Test
    void badQuestionsGetAClearMessageInTheUsersLanguage() throws Exception {
        MockHttpSession funder = Logins.as(mvc, "funder");
        assertThat(bad(funder, "from=2024-05-01&to=2024-01-01")).contains("Das Enddatum liegt vor dem Anfangsdatum");
        assertThat(bad(funder, "from=2024-05-01&to=2024-01-01&lang=en")).contains("The end date is before the start date");
        assertThat(bad(funder, "from=2001-01-01&to=2024-01-01")).contains("höchstens 20 Jahre");
        assertThat(bad(funder, "by=shoeSize")).contains("Nach diesem Merkmal können wir nicht aufteilen");
        assertThat(bad(funder, "from=yesterday")).contains("Ein Datum ist ungültig");
        assertThat(bad(funder, "lab=atlantis")).contains("Dieses Lab kennen wir nicht");
        assertThat(bad(funder, "gender=ROBOT")).contains("Ein Filter hat einen Wert");
    }

    private String bad(MockHttpSession session, String query) throws Exception {
        String html = mvc.perform(get("/impact?" + query).session(session)).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("at eu.impactlab").doesNotContain("Exception");
        return HtmlUtils.htmlUnescape(html);
    }

    @Test
    void csvXlsxAndPdfCarryExactlyTheNumbersOnScreen() throws Exception {
        MockHttpSession funder = Logins.as(mvc, "funder");
        String query = YEAR + "&by=lab";
        String html = page(funder, query);
        List<List<String>> screen = rows(html, "breakdown");
        assertThat(screen).isNotEmpty();

        byte[] csv = mvc.perform(get("/impact/export.csv?" + query).session(funder)).andExpect(status().isOk())
                .andExpect(content().contentType("text/csv;charset=UTF-8")).andReturn().getResponse().getContentAsByteArray();
        assertThat(csv[0]).isEqualTo((byte) 0xEF);
        assertThat(csv[1]).isEqualTo((byte) 0xBB);
        String csvText = new String(csv, StandardCharsets.UTF_8).substring(1);
        List<List<String>> csvRows = new ArrayList<>();
        for (CSVRecord record : CSVFormat.EXCEL.builder().setDelimiter(';').get().parse(new StringReader(csvText))) {
            csvRows.add(record.toList());
        }
        assertThat(csvRows).containsAll(screen);

        byte[] xlsx = mvc.perform(get("/impact/export.xlsx?" + query).session(funder)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        List<List<String>> sheetRows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            DataFormatter formatter = new DataFormatter();
            workbook.getSheetAt(0).forEach(row -> {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(formatter.formatCellValue(cell)));
                sheetRows.add(cells);
            });
        }
        assertThat(sheetRows).containsAll(screen);

        byte[] pdf = mvc.perform(get("/impact/report.pdf?" + query).session(funder)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        String pdfText;
        try (var document = Loader.loadPDF(pdf)) {
            pdfText = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        for (List<String> row : screen) {
            // wide tables are split into parts of seven columns; the label may wrap, the cells stay on one line
            for (int from = 1; from < row.size(); from += ImpactController.PDF_COLUMNS) {
                assertThat(pdfText).contains(String.join(" ", row.subList(from, Math.min(row.size(), from + ImpactController.PDF_COLUMNS))));
            }
            assertThat(pdfText).contains(row.get(0).split(" "));
        }
        assertThat(pdfText).contains("Kleine Zahlen schützen wir").contains("01.01.2004 – 31.12.2004");
    }

    @Test
    void openDataIsPublicAggregatedAndSuppressed() throws Exception {
        long west = labs.idOf("groepelingen").orElseThrow();
        mvc.perform(get("/api/v1/open-data/impact?month=2004-03"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.figures[?(@.lab == 'groepelingen' && @.activity == 'WALK_IN')].count").value(org.hamcrest.Matchers.contains(22)))
                .andExpect(jsonPath("$.figures[?(@.lab == 'vegesack' && @.activity == 'APPOINTMENT')].count").value(org.hamcrest.Matchers.contains((Object) null)));
        String csv = mvc.perform(get("/api/v1/open-data/impact.csv?month=2004-03")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("month,lab,lab_name,activity,count").contains("2004-03,groepelingen,");
        mvc.perform(get("/api/v1/open-data/impact?month=2004-13")).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/open-data/impact")).andExpect(status().isBadRequest());
        String docs = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(docs).contains("/api/v1/open-data/impact");
        assertThat(west).isPositive();
    }

    // --- reading the page as a person would ---

    static String labsLine(String html) {
        Matcher m = Pattern.compile("id=\"impact-labs\">([^<]*)<").matcher(html);
        assertThat(m.find()).isTrue();
        return HtmlUtils.htmlUnescape(m.group(1));
    }

    static String figure(String html, String label) {
        Matcher m = Pattern.compile("<dt>" + Pattern.quote(label) + "</dt>\\s*<dd class=\"figure-value\">([^<]*)</dd>").matcher(html);
        assertThat(m.find()).as("figure " + label).isTrue();
        return m.group(1);
    }

    /** The rows of a table (body and total): the row header, then the cells. */
    static List<List<String>> rows(String html, String id) {
        int start = html.indexOf("id=\"table-" + id + "\"");
        assertThat(start).as("table " + id).isPositive();
        String table = html.substring(start, html.indexOf("</table>", start));
        List<List<String>> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(table);
        while (row.find()) {
            if (!row.group(1).contains("scope=\"row\"")) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            Matcher cell = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>", Pattern.DOTALL).matcher(row.group(1));
            while (cell.find()) {
                cells.add(HtmlUtils.htmlUnescape(cell.group(1).strip()));
            }
            rows.add(cells);
        }
        return rows;
    }

    static void assertNoSmallNumbers(String html) {
        Matcher m = Pattern.compile("<(?:td|dd)[^>]*>\\s*([1-4])\\s*</(?:td|dd)>").matcher(html);
        assertThat(m.find()).as("a cell shows a number from 1 to 4").isFalse();
    }
}
