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

    @Autowired
    FactStore store;

    static boolean filled;

    /** The funder's question of issue 18: people helped in 2005 who did not get help in German, by district. */
    static final String NOT_GERMAN = "from=2005-01-01&to=2005-12-31&language=not-de&by=stadtbezirk";

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
        // 2005, Gröpelingen: 9 walk-ins in Arabic from Gröpelingen, 6 appointments in German from Gröpelingen, 7 walk-ins
        // in Turkish from Vegesack and 2 from Blumenthal, and 8 short help (which records no language and no district)
        fact2005(west, Activity.WALK_IN, "ar", "Gröpelingen", 9);
        fact2005(west, Activity.APPOINTMENT, "de", "Gröpelingen", 6);
        fact2005(west, Activity.WALK_IN, "tr", "Vegesack", 7);
        fact2005(west, Activity.WALK_IN, "tr", "Blumenthal", 2);
        fact2005(west, Activity.SHORT_HELP, null, null, 8);
        events.awaitFact(last);
        Events.await(() -> jdbc.sql("select count(*) from impact_fact where day between '2004-01-01' and '2004-12-31'")
                .query(Long.class).single() == 24, "24 facts of 2004");
        filled = true;
    }

    private void fact2005(long lab, Activity activity, String language, String stadtteil, int times) {
        for (int i = 0; i < times; i++) {
            Fact fact = Fact.of(UUID.randomUUID(), LocalDate.of(2005, 5, 10 + i), lab, activity).withLanguage(language)
                    .withVisitor(stadtteil == null ? null : "FROM_30_TO_44", stadtteil == null ? null : "FEMALE", stadtteil)
                    .withOutcome(stadtteil == null ? null : "NO", "SOLVED", "NONE");
            assertThat(store.add(fact)).isTrue();
        }
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
        int walkIns = column(html, "breakdown", "ohne Termin");
        assertThat(rows).filteredOn(r -> r.get(0).equals("männlich")).first().extracting(r -> r.get(walkIns)).isEqualTo("•");
        assertThat(rows).filteredOn(r -> r.get(0).equals("Gesamt")).first().extracting(r -> r.get(1)).isEqualTo("24");
        assertNoSmallNumbers(html);
        // in the district table Walle (3) is hidden, and so is a second cell of West, so Walle cannot be computed
        List<List<String>> districts = rows(html, "districts");
        assertThat(districts).filteredOn(r -> r.get(0).equals("Walle")).first().extracting(r -> r.get(1)).isEqualTo("•");
        assertThat(districts).filteredOn(r -> r.get(0).equals("Gröpelingen")).first().extracting(r -> r.get(1)).isEqualTo("12");
        assertThat(districts).filteredOn(r -> r.get(0).equals("Osterholz (Tenever)")).first().extracting(r -> r.get(1)).isEqualTo("0");
        long westHidden = districts.stream().filter(r -> List.of("Stadtbezirk West", "Blockland", "Findorff", "Gröpelingen", "Walle")
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
        assertRowsInPdf(html, "breakdown", pdfText);
        assertThat(pdfText).contains("Kleine Zahlen schützen wir").contains("01.01.2004 – 31.12.2004");
    }

    /** Each row of a table as the PDF prints it: split between column groups; the label may wrap, the cells do not. */
    static void assertRowsInPdf(String html, String id, String pdfText) {
        for (List<String> row : rows(html, id)) {
            for (int[] part : pdfParts(html, id)) {
                assertThat(pdfText).as(id).contains(String.join(" ", row.subList(1 + part[0], 1 + part[1])));
            }
            assertThat(pdfText).contains(row.get(0).split(" "));
        }
    }

    @Test
    void theFundersQuestionNotInGermanByDistrictIsAnsweredOnOneScreenAndEquallyInCsvAndPdf() throws Exception {
        MockHttpSession funder = Logins.as(mvc, "funder");
        String html = page(funder, NOT_GERMAN);
        List<List<String>> rows = rows(html, "breakdown");
        int people = column(html, "breakdown", "Menschen, denen geholfen wurde");
        // Arabic in West (9), Turkish in Nord (7 + 2); German help and short help are not counted
        assertThat(rows).filteredOn(r -> r.get(0).equals("West")).first().extracting(r -> r.get(people)).isEqualTo("9");
        assertThat(rows).filteredOn(r -> r.get(0).equals("Nord")).first().extracting(r -> r.get(people)).isEqualTo("9");
        assertThat(rows).filteredOn(r -> r.get(0).equals("Keine Angabe")).first().extracting(r -> r.get(people)).isEqualTo("0");
        assertThat(rows).filteredOn(r -> r.get(0).equals("Gesamt")).first().extracting(r -> r.get(people)).isEqualTo("18");
        assertThat(figure(html, "Menschen, denen geholfen wurde")).isEqualTo("18");
        // the page says what the figures leave out, with the number: the 8 short help without a language
        String text = HtmlUtils.htmlUnescape(html);
        String leftOut = "8 Menschen, denen ohne erfasste Sprache geholfen wurde, sind hier nicht mitgezählt";
        assertThat(text).contains("nicht Deutsch (eine andere Sprache erfasst)").contains(leftOut);
        // per district no figure that the facts do not carry: no-shows and bookings record no place of residence
        assertThat(headers(html, "breakdown")).doesNotContain("nicht erschienen", "Anteil nicht erschienen", "gebucht",
                "kurze Hilfe", "Wartezeit (Median, Minuten)", "Antworten");
        assertThat(text).contains("Wohnort, Alter und Geschlecht erfassen nur Beratungen mit und ohne Termin");
        // the district table: Blumenthal's 2 hidden, and a second Stadtteil of Nord with it
        List<List<String>> districts = rows(html, "districts");
        assertThat(districts).filteredOn(r -> r.get(0).equals("Stadtbezirk West")).first().extracting(r -> r.get(1)).isEqualTo("9");
        assertThat(districts).filteredOn(r -> r.get(0).startsWith("Blumenthal")).first().extracting(r -> r.get(1)).isEqualTo("•");
        assertThat(districts.stream().filter(r -> List.of("Blumenthal (Lüssum-Bockhorn, Rönnebeck, Farge, Rekum)", "Burglesum",
                "Vegesack").contains(r.get(0))).filter(r -> r.get(1).equals("•")).count()).isGreaterThanOrEqualTo(2);
        assertNoSmallNumbers(html);

        // the same answer, word for word and number for number, in the CSV and the PDF
        String csv = new String(mvc.perform(get("/impact/export.csv?" + NOT_GERMAN).session(funder)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8).substring(1);
        List<List<String>> csvRows = new ArrayList<>();
        for (CSVRecord record : CSVFormat.EXCEL.builder().setDelimiter(';').get().parse(new StringReader(csv))) {
            csvRows.add(record.toList());
        }
        assertThat(csvRows).containsAll(rows).containsAll(rows(html, "districts"));
        assertThat(csvRows).anySatisfy(line -> assertThat(line.get(0)).contains(leftOut));
        byte[] pdf = mvc.perform(get("/impact/report.pdf?" + NOT_GERMAN).session(funder)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        String pdfText;
        try (var document = Loader.loadPDF(pdf)) {
            pdfText = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertThat(pdfText).contains(leftOut).contains("nicht Deutsch (eine andere Sprache erfasst)");
        assertRowsInPdf(html, "breakdown", pdfText);
        assertRowsInPdf(html, "districts", pdfText);
    }

    @Test
    void withoutAFilterEveryShareStandsBesideItsCountsAndNotStatedIsCountedOverWhatCanCarryADistrict() throws Exception {
        String html = page(Logins.as(mvc, "funder"), "from=2005-01-01&to=2005-12-31&by=stadtbezirk");
        List<String> headers = headers(html, "breakdown");
        assertThat(headers).containsSubsequence("Beratungen mit erfasster Sprache", "davon nicht auf Deutsch", "Anteil nicht auf Deutsch");
        List<String> west = rows(html, "breakdown").stream().filter(r -> r.get(0).equals("West")).findFirst().orElseThrow();
        int withLanguage = column(html, "breakdown", "Beratungen mit erfasster Sprache");
        // West: 15 consultations with a language, 9 of them not in German: 60 %
        assertThat(west.subList(withLanguage, withLanguage + 3)).containsExactly("15", "9", "60 %");
        // the 8 short help stand under "not stated", but the not-stated share counts only what can carry a district
        assertThat(HtmlUtils.htmlUnescape(html)).contains("Kursanmeldungen): 0 von 24 (0 %)");
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

    /** The column headings of a table (after the row label column). */
    static List<String> headers(String html, String id) {
        int start = html.indexOf("id=\"table-" + id + "\"");
        String table = html.substring(start, html.indexOf("</thead>", start));
        List<String> headers = new ArrayList<>();
        Matcher m = Pattern.compile("<th scope=\"col\">([^<]*)</th>").matcher(table);
        while (m.find()) {
            headers.add(HtmlUtils.htmlUnescape(m.group(1).strip()));
        }
        return headers.subList(1, headers.size());
    }

    /** The index of a column in the rows of {@link #rows} (0 is the row label). */
    static int column(String html, String id, String header) {
        int index = headers(html, id).indexOf(header);
        assertThat(index).as("column " + header + " in " + id).isNotNegative();
        return index + 1;
    }

    /** The column ranges the PDF prints a table in: whole column groups, at most PDF_COLUMNS columns each. */
    static List<int[]> pdfParts(String html, String id) {
        int start = html.indexOf("id=\"table-" + id + "\"");
        String table = html.substring(start, html.indexOf("</thead>", start));
        List<Integer> spans = new ArrayList<>();
        Matcher m = Pattern.compile("<th scope=\"colgroup\" colspan=\"(\\d+)\"").matcher(table);
        while (m.find()) {
            spans.add(Integer.parseInt(m.group(1)));
        }
        if (spans.isEmpty()) {
            spans.add(headers(html, id).size());
        }
        return Presentation.parts(spans, ImpactController.PDF_COLUMNS);
    }

    static void assertNoSmallNumbers(String html) {
        Matcher m = Pattern.compile("<(?:td|dd)[^>]*>\\s*([1-4])\\s*</(?:td|dd)>").matcher(html);
        assertThat(m.find()).as("a cell shows a number from 1 to 4").isFalse();
    }
}
