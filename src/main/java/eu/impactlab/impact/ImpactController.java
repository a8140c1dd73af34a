package eu.impactlab.impact;

import eu.impactlab.labs.Language;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/** The impact dashboard and its exports; all take the same filter parameters and show the same numbers. */
@Controller
class ImpactController {

    static final String VIEW_DASHBOARD = "impact/dashboard";
    static final String VIEW_BAD_QUESTION = "impact/bad-question";
    static final String VIEW_PDF = "impact/report-pdf";
    /** Columns per table in the PDF at most, so a wide table splits (between column groups) instead of running off the page. */
    static final int PDF_COLUMNS = 7;

    private final ImpactService impact;
    private final MessageSource messages;
    private final TemplateEngine templates;
    private final ApplicationContext application;
    private final Clock clock;
    private final EquipmentFigureListeners equipment;
    private final ExportSections exportSections;

    ImpactController(ImpactService impact, MessageSource messages, TemplateEngine templates,
            ApplicationContext application, Clock clock, EquipmentFigureListeners equipment, ExportSections exportSections) {
        this.equipment = equipment;
        this.exportSections = exportSections;
        this.impact = impact;
        this.messages = messages;
        this.templates = templates;
        this.application = application;
        this.clock = clock;
    }

    private Report report(Map<String, String> params, Authentication who, Locale locale) {
        if (!ImpactService.mayUseDashboard(who)) {
            throw new AccessDeniedException("no dashboard for this role");
        }
        return impact.report(new ImpactService.Question(params.get("from"), params.get("to"), params.get("lab"),
                params.get("by"), params.get("activity"), params.get("topic"), params.get("targetGroup"),
                params.get("language"), params.get("ageBand"), params.get("gender")), who, locale);
    }

    @GetMapping("/impact")
    String dashboard(@RequestParam Map<String, String> params, Authentication who, Locale locale, Model model) {
        Report report = report(params, who, locale);
        Presentation text = new Presentation(messages, locale);
        model.addAttribute("report", report);
        model.addAttribute("params", params);
        model.addAttribute("choices", impact.choices(who, locale));
        model.addAttribute("figures", text.figures(report));
        model.addAttribute("notes", text.filterNotes(report));
        model.addAttribute("grids", text.grids(report));
        model.addAttribute("query", query(params));
        model.addAttribute("byParam", report.by().param());
        // a breakdown the reader chose is their question: its table goes above the key figures, on the first screen
        model.addAttribute("breakdownFirst", params.get("by") != null && !params.get("by").isBlank());
        model.addAttribute("equipment", equipment.totals(slugs(report), report.from(), report.to()));
        model.addAttribute("doorHours", equipment.grids(slugs(report), report.from(), report.to(), text).stream()
                .filter(g -> g.id().equals("door-hours")).findFirst().orElse(null));
        model.addAttribute("charts", charts(report, text).stream().collect(Collectors.groupingBy(
                Presentation.Chart::gridId, Collectors.mapping(Charts::svg, Collectors.toList()))));
        return VIEW_DASHBOARD;
    }

    @GetMapping("/impact/export.csv")
    ResponseEntity<byte[]> csv(@RequestParam Map<String, String> params, Authentication who, Locale locale) {
        Report report = report(params, who, locale);
        Presentation text = new Presentation(messages, locale);
        return file(Exports.csv(report, text, equipmentGrids(report, text), sections(report, who, text)),
                "text/csv;charset=UTF-8", name(report, "csv"));
    }

    @GetMapping("/impact/export.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam Map<String, String> params, Authentication who, Locale locale) {
        Report report = report(params, who, locale);
        Presentation text = new Presentation(messages, locale);
        return file(Exports.xlsx(report, text, equipmentGrids(report, text), sections(report, who, text)),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name(report, "xlsx"));
    }

    @GetMapping("/impact/report.pdf")
    ResponseEntity<byte[]> pdf(@RequestParam Map<String, String> params, Authentication who, Locale locale) {
        Report report = report(params, who, locale);
        Presentation text = new Presentation(messages, locale);
        java.util.List<ExportSections.Section> more = sections(report, who, text);
        java.util.List<Presentation.Chart> allCharts = new java.util.ArrayList<>(charts(report, text));
        more.forEach(section -> allCharts.addAll(section.charts()));
        Map<String, java.util.List<Presentation.Chart>> charts = allCharts.stream()
                .collect(Collectors.groupingBy(Presentation.Chart::gridId));
        boolean rightToLeft = Language.forLocale(locale).rightToLeft();
        Context context = new Context(locale);
        // makes @dates (web.DateTexts) usable in a template rendered outside a web view
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application, null));
        context.setVariable("report", report);
        context.setVariable("rtl", rightToLeft);
        context.setVariable("generated", LocalDateTime.now(clock));
        context.setVariable("pageLine", PdfLayout.pageLine(text.message("impact.pdf.page")));
        PdfLayout layout = new PdfLayout(rightToLeft);
        context.setVariable("figureLines", layout.figureLines(text.figures(report), 4));
        context.setVariable("notes", text.filterNotes(report));
        java.util.List<Presentation.Grid> grids = new java.util.ArrayList<>(text.grids(report));
        grids.addAll(equipmentGrids(report, text));
        more.forEach(section -> grids.addAll(section.grids()));
        context.setVariable("sections", grids.stream()
                .map(grid -> new PdfLayout.Section(grid.caption(), grid.notes(), charts.getOrDefault(grid.id(), java.util.List.of()),
                        Presentation.split(grid, PDF_COLUMNS).stream().flatMap(part -> layout.tables(part).stream()).toList()))
                .toList());
        String xhtml = templates.process(VIEW_PDF, context);
        return file(Exports.pdf(xhtml, rightToLeft), MediaType.APPLICATION_PDF_VALUE, name(report, "pdf"));
    }

    @ExceptionHandler(ImpactQueryException.class)
    String badQuestion(ImpactQueryException e, Locale locale, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("problem", messages.getMessage(e.messageKey(), e.args(), locale));
        return VIEW_BAD_QUESTION;
    }

    private static java.util.List<String> slugs(Report report) {
        return report.labs().stream().map(Report.Choice::value).toList();
    }

    /** The equipment module's figures and door visits by hour, printed in every export after the dashboard's tables. */
    private java.util.List<Presentation.Grid> equipmentGrids(Report report, Presentation text) {
        return equipment.grids(slugs(report), report.from(), report.to(), text);
    }

    /** The partner work and self-check sections, for the labs of this report (among those this person may see). */
    private java.util.List<ExportSections.Section> sections(Report report, Authentication who, Presentation text) {
        java.util.Set<String> chosen = new java.util.HashSet<>(slugs(report));
        java.util.List<eu.impactlab.labs.LabView> labs = impact.visibleLabs(who, Language.forLocale(text.locale())).stream()
                .filter(lab -> chosen.contains(lab.slug())).toList();
        return exportSections.sections(report.from(), report.to(), labs, text);
    }

    private java.util.List<Presentation.Chart> charts(Report report, Presentation text) {
        java.util.List<Presentation.Chart> charts = new java.util.ArrayList<>(text.charts(report));
        charts.addAll(equipment.charts(slugs(report), report.from(), report.to(), text));
        return charts;
    }

    private static String name(Report report, String extension) {
        return "impact-" + report.from() + "-" + report.to() + "." + extension;
    }

    private static ResponseEntity<byte[]> file(byte[] body, String type, String filename) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(type))
                .body(body);
    }

    /** The filter as a query string for the export links, computed here because templates may not build it. */
    private static String query(Map<String, String> params) {
        StringBuilder query = new StringBuilder();
        for (String name : new String[] {"from", "to", "lab", "by", "activity", "topic", "targetGroup", "language", "ageBand", "gender"}) {
            String value = params.get(name);
            if (value != null && !value.isBlank()) {
                query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                        .append(java.net.URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
            }
        }
        return query.toString();
    }
}
