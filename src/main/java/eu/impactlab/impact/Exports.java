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
        lines.addAll(gridLines(grids));
        return lines;
    }

    /** A section after the dashboard's tables: a blank line, its heading, the suppression note, then its tables. */
    static List<List<String>> sectionLines(ExportSections.Section section, Presentation text) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of());
        lines.add(List.of(section.heading()));
        lines.add(List.of(text.message("impact.suppression.note")));
        lines.addAll(gridLines(section.grids()));
        return lines;
    }

    private static List<List<String>> gridLines(List<Presentation.Grid> grids) {
        List<List<String>> lines = new ArrayList<>();
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

    /**
     * One CSV file: the sections follow the dashboard's tables under their own headings, as the tables already do,
     * because a funder opens the file by double-click in a spreadsheet and a zip of several files would not open so.
     */
    static byte[] csv(Report report, Presentation text, List<Presentation.Grid> more, List<ExportSections.Section> sections) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                var printer = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setDelimiter(';').get())) {
            writer.write('\uFEFF');
            List<List<String>> all = new ArrayList<>(lines(report, text, more));
            sections.forEach(section -> all.addAll(sectionLines(section, text)));
            for (List<String> line : all) {
                printer.printRecord(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The dashboard's tables on the first sheet, each section on a sheet of its own (partner work, self-checks). */
    static byte[] xlsx(Report report, Presentation text, List<Presentation.Grid> more, List<ExportSections.Section> sections) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Impact");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            write(sheet, lines(report, text, more), bold);
            for (ExportSections.Section section : sections) {
                List<List<String>> lines = heading(report, text);
                lines.addAll(sectionLines(section, text));
                write(workbook.createSheet(org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(section.sheet())), lines, bold);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Sheet sheet, List<List<String>> lines, CellStyle bold) {
        int r = 0;
        for (List<String> line : lines) {
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
