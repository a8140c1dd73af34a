package eu.impactlab.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.util.HtmlUtils;

/**
 * The funder report as PDF for last year of the demo data, read back with PDFBox as a funder would read it: the same
 * key figures, charts and tables as the dashboard, page numbers, and in Arabic right to left with joined letters.
 */
class ImpactReportPdfTest extends AbstractIntegrationTest {

    static final int YEAR = LocalDate.now().getYear() - 1;
    static final String QUERY = "from=" + YEAR + "-01-01&to=" + YEAR + "-12-31";

    record Pdf(String text, int pages, String glyphs, List<String> fonts) {
    }

    @Test
    void theGermanReportHasTheScreensFiguresChartsAndTablesWithPageNumbers() throws Exception {
        MockHttpSession funder = Logins.as(mvc, "funder");
        String html = page(funder, QUERY);
        Pdf pdf = pdf(funder, QUERY);

        // the period in the header of every page and under the title
        assertThat(count(pdf.text(), "01.01." + YEAR + " – 31.12." + YEAR)).isEqualTo(pdf.pages() + 1);
        assertThat(pdf.text()).contains("Zeitraum: 01.01." + YEAR + " – 31.12." + YEAR).contains("Erstellt am ").contains("Kleine Zahlen schützen wir")
                .contains("Seite 1 von " + pdf.pages()).contains("Seite " + pdf.pages() + " von " + pdf.pages());
        assertThat(pdf.pages()).isGreaterThan(2);
        assertThat(pdf.fonts()).isNotEmpty().allMatch(f -> f.contains("DejaVuSans"));
        // the four charts, each before its table
        assertThat(pdf.text()).contains("Menschen, denen geholfen wurde, nach Monat (Balken)",
                "Menschen, denen geholfen wurde, nach Monat", "Antworten auf „Hat Ihnen das geholfen?“");
        // one chart per level: the Stadtbezirke, then the Stadtteile, each once; the sum rows say "Stadtbezirk Mitte"
        assertThat(count(pdf.text(), "Erreichte Menschen nach Stadtbezirk (Wohnort)")).isEqualTo(1);
        assertThat(count(pdf.text(), "Erreichte Menschen nach Stadtteil (Wohnort)")).isEqualTo(1);
        assertThat(pdf.text().indexOf("Wen die Labs wo erreichen")).isPositive()
                .isLessThan(pdf.text().indexOf("Erreichte Menschen nach Stadtbezirk (Wohnort)"));
        assertThat(pdf.text()).contains("Stadtbezirk Mitte");
        assertSameNumbers(html, pdf, false);
    }

    @Test
    void theArabicReportRunsRightToLeftShapedWithTheSameNumbers() throws Exception {
        MockHttpSession funder = Logins.as(mvc, "funder");
        String html = page(funder, QUERY + "&lang=ar");
        Pdf pdf = pdf(funder, QUERY + "&lang=ar");

        assertThat(pdf.text()).contains("أثر المختبرات", "الأرقام الرئيسية", "31.12." + YEAR + " – 01.01." + YEAR);
        // "صفحة 1 من 8" on every page (text extraction puts the parts of this mixed line in its own order)
        assertThat(count(pdf.text(), "صفحة")).isEqualTo(pdf.pages());
        assertThat(pdf.text()).containsAnyOf(pdf.pages() + " من 1صفحة", "صفحة 1 من " + pdf.pages());
        // shaped: the letters are drawn as their joined forms (Arabic presentation forms), not as isolated letters
        assertThat(pdf.glyphs().codePoints().filter(c -> c >= 0xFE70 && c <= 0xFEFF).count()).isGreaterThan(100);
        assertThat(pdf.fonts()).isNotEmpty().allMatch(f -> f.contains("DejaVuSans"));
        assertSameNumbers(html, pdf, true);
        // Latin digits, as on screen
        assertThat(pdf.text()).doesNotContainPattern("[\u0660-\u0669\u06F0-\u06F9]");
    }

    /** Every key figure with its label, every table row and the trend chart's values as on the dashboard, mirrored in Arabic. */
    private static void assertSameNumbers(String html, Pdf pdf, boolean rightToLeft) {
        String text = percents(pdf.text());
        Matcher figure = Pattern.compile("<dt>([^<]*)</dt>\\s*<dd class=\"figure-value\">([^<]*)</dd>").matcher(html);
        int figures = 0;
        while (figure.find()) {
            figures++;
            // each card: its label, then its value
            assertThat(text).contains(percents(HtmlUtils.htmlUnescape(figure.group(1) + " " + figure.group(2))));
        }
        assertThat(figures).isEqualTo(16);
        for (String id : List.of("breakdown", "trend", "districts", "feedback")) {
            List<List<String>> rows = ImpactDashboardTest.rows(html, id);
            assertThat(rows).as(id).isNotEmpty();
            for (List<String> row : rows) {
                for (int[] range : ImpactDashboardTest.pdfParts(html, id)) {
                    List<String> part = row.subList(1 + range[0], 1 + range[1]);
                    assertThat(text).as(id).contains(percents(String.join(" ", drawn(part, rightToLeft))));
                }
            }
        }
        // the trend chart prints each period's value under its column (time runs left to right, as on screen)
        List<List<String>> trend = ImpactDashboardTest.rows(html, "trend");
        List<String> people = trend.subList(0, trend.size() - 1).stream().map(r -> r.get(1)).toList();
        assertThat(people).hasSize(12);
        assertThat(text).contains(String.join(" ", people));
    }

    @Test
    void longTablesAreCutIntoEqualPartsThatFitOnAPageAndWideOnesBetweenColumnGroups() {
        PdfLayout layout = new PdfLayout(false);
        for (int rows = 1; rows <= 120; rows++) {
            List<Presentation.GridRow> body = new ArrayList<>();
            for (int i = 0; i < rows - 1; i++) {
                body.add(new Presentation.GridRow("row " + i, false, List.of("1")));
            }
            Presentation.Grid grid = new Presentation.Grid("t", "T", "Label", List.of(), List.of("n"), body,
                    new Presentation.GridRow("Gesamt", true, List.of("1")), List.of());
            List<PdfLayout.PdfTable> tables = layout.tables(grid);
            List<Integer> sizes = tables.stream().map(t -> t.rows().size()).toList();
            assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(rows);
            // every part fits on a page, and no part is a lonely row or two beside a long one
            assertThat(sizes).allMatch(size -> size <= PdfLayout.PAGE_ROWS);
            assertThat(java.util.Collections.max(sizes) - java.util.Collections.min(sizes)).as(rows + " rows: " + sizes)
                    .isLessThanOrEqualTo(tables.size());
            assertThat(tables.get(tables.size() - 1).rows().get(tables.get(tables.size() - 1).rows().size() - 1).kind())
                    .isEqualTo("total");
        }
        // the 24 columns of the breakdown: reach 3, language 3, consultations 7, appointments 4, queue 1, courses 5, feedback 1
        assertThat(Presentation.parts(List.of(3, 3, 7, 4, 1, 5, 1), 7)).extracting(p -> p[0] + "-" + p[1])
                .containsExactly("0-6", "6-13", "13-18", "18-24");
        assertThat(Presentation.parts(List.of(19), 7)).extracting(p -> p[0] + "-" + p[1]).containsExactly("0-7", "7-14", "14-19");
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static List<String> drawn(List<String> cells, boolean rightToLeft) {
        List<String> copy = new ArrayList<>(cells);
        if (rightToLeft) {
            Collections.reverse(copy);
        }
        return copy;
    }

    /** "9 %" and "9%" alike (text extraction decides spaces by distance), and a word broken at its hyphen made whole. */
    private static String percents(String text) {
        return text.replace(" %", "%").replace("- ", "-");
    }

    private String page(MockHttpSession session, String query) throws Exception {
        return mvc.perform(get("/impact?" + query).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private Pdf pdf(MockHttpSession session, String query) throws Exception {
        byte[] bytes = mvc.perform(get("/impact/report.pdf?" + query).session(session)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf")).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            StringBuilder glyphs = new StringBuilder();
            PDFTextStripper raw = new PDFTextStripper() {
                @Override
                protected void writeString(String string, List<TextPosition> positions) throws IOException {
                    positions.forEach(p -> glyphs.append(p.getUnicode()));
                }
            };
            raw.getText(document);
            List<String> fonts = new ArrayList<>();
            for (var p : document.getPages()) {
                for (var name : p.getResources().getFontNames()) {
                    PDFont font = p.getResources().getFont(name);
                    fonts.add(font.getName());
                }
            }
            return new Pdf(text, document.getNumberOfPages(), glyphs.toString(), fonts);
        }
    }
}
