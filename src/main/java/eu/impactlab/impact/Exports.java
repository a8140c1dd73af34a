package eu.impactlab.impact;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import eu.impactlab.platform.HtmlToPdf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * CSV, XLSX and PDF from the very grids the dashboard shows. CSV is UTF-8 with a byte order mark and semicolons:
 * that is what Excel with German settings opens correctly by double-click (commas would land in one column).
 */
final class Exports {

    private Exports() {
    }

    /** The lines every export starts with: title, period, labs, filters and the suppression note. */
    static List<List<String>> heading(Report report, Presentation text) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of(text.message("impact.title")));
        lines.add(List.of(text.message("impact.period"), report.from() + " – " + report.to()));
        lines.add(List.of(text.message("impact.labs"), report.labNames()));
        if (!report.filters().isEmpty()) {
            lines.add(List.of(text.message("impact.filters"), String.join(", ", report.filters())));
        }
        lines.add(List.of(text.message("impact.suppression.note")));
        text.filterNotes(report).forEach(note -> lines.add(List.of(note)));
        return lines;
    }

    static List<List<String>> lines(Report report, Presentation text, List<Presentation.Grid> more) {
        List<List<String>> lines = heading(report, text);
        lines.add(List.of());
        List<String> figures = new ArrayList<>();
        lines.add(List.of(text.message("impact.keyFigures")));
        for (Presentation.Figure figure : text.figures(report)) {
            lines.add(List.of(figure.label(), figure.value()));
        }
        List<Presentation.Grid> grids = new ArrayList<>(text.grids(report));
        grids.addAll(more);
        for (Presentation.Grid grid : grids) {
            lines.add(List.of());
            lines.add(List.of(grid.caption()));
            grid.notes().forEach(note -> lines.add(List.of(note)));
            if (!grid.groups().isEmpty()) {
                // the column groups above their columns, as on screen
                List<String> groups = new ArrayList<>();
                groups.add("");
                for (Presentation.Group group : grid.groups()) {
                    groups.add(group.label());
                    for (int i = 1; i < group.span(); i++) {
                        groups.add("");
                    }
                }
                lines.add(groups);
            }
            List<String> header = new ArrayList<>();
            header.add(grid.firstHeader());
            header.addAll(grid.headers());
            lines.add(header);
            for (Presentation.GridRow row : grid.rows()) {
                lines.add(row(row));
            }
            if (grid.total() != null) {
                lines.add(row(grid.total()));
            }
        }
        return lines;
    }

    private static List<String> row(Presentation.GridRow row) {
        List<String> cells = new ArrayList<>();
        cells.add(row.label());
        cells.addAll(row.cells());
        return cells;
    }

    static byte[] csv(Report report, Presentation text, List<Presentation.Grid> more) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                var printer = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setDelimiter(';').get())) {
            writer.write('\uFEFF');
            for (List<String> line : lines(report, text, more)) {
                printer.printRecord(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] xlsx(Report report, Presentation text, List<Presentation.Grid> more) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Impact");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            int r = 0;
            for (List<String> line : lines(report, text, more)) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < line.size(); c++) {
                    String value = line.get(c);
                    var cell = row.createCell(c);
                    if (c > 0 && value.matches("-?\\d{1,15}")) {
                        cell.setCellValue(Long.parseLong(value));
                    } else {
                        cell.setCellValue(value);
                    }
                    if (line.size() == 1) {
                        cell.setCellStyle(bold);
                    }
                }
            }
            sheet.setColumnWidth(0, 40 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The PDF from XHTML rendered by Thymeleaf, with the bundled DejaVu fonts so every language's letters print, and
     * ICU's bidi support (as the courses certificates) so Arabic runs right to left with joined letters.
     */
    static byte[] pdf(String xhtml, boolean rightToLeft) {
        // PdfLayout lists a right-to-left page's table cells mirrored, so the tag tree is turned back to reading order.
        return HtmlToPdf.render(xhtml, rightToLeft, rightToLeft);
    }
}
