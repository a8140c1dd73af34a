package eu.impactlab.impact;

import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import eu.impactlab.platform.InputDates;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The funders' figures beside the dashboard, for the labs the viewer may see and suppressed like it: participation
 * (/impact/participation) and the labs' partner work (/impact/partners).
 */
@Controller
class ParticipationImpactController {

    private final ImpactService impact;
    private final ParticipationFigures figures;
    private final PartnerFigures partnerFigures;
    private final MessageSource messages;
    private final Clock clock;

    ParticipationImpactController(ImpactService impact, ParticipationFigures figures, PartnerFigures partnerFigures,
            MessageSource messages, Clock clock) {
        this.impact = impact;
        this.figures = figures;
        this.partnerFigures = partnerFigures;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/impact/participation")
    String participation(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String lab, Authentication who, Locale locale, Model model) {
        List<LabView> chosen = period(from, to, lab, who, locale, model, "/impact/participation", "participation.impact");
        LocalDate start = (LocalDate) model.getAttribute("from");
        LocalDate end = (LocalDate) model.getAttribute("to");
        ParticipationFigures.Figures result = figures.figures(start, end, chosen,
                messages.getMessage("participation.impact.total", null, locale));
        model.addAttribute("figures", result);
        model.addAttribute("charts", charts(result.grids(), "participation.impact", locale));
        return "impact/figures";
    }

    @GetMapping("/impact/partners")
    String partners(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String lab, Authentication who, Locale locale, Model model) {
        List<LabView> chosen = period(from, to, lab, who, locale, model, "/impact/partners", "partners.figures");
        LocalDate start = (LocalDate) model.getAttribute("from");
        LocalDate end = (LocalDate) model.getAttribute("to");
        PartnerFigures.Figures result = partnerFigures.figures(start, end, chosen,
                messages.getMessage("participation.impact.total", null, locale));
        model.addAttribute("figures", result);
        model.addAttribute("charts", charts(result.grids(), "partners.figures", locale));
        return "impact/figures";
    }

    /**
     * A chart of each table's total column (one bar per row, no bar for "•"), drawn before the table as on the
     * dashboard; tables whose rows are unlike things (a share beside counts, first-timers beside devices) get none.
     */
    private Map<String, String> charts(List<ParticipationFigures.Grid> grids, String prefix, Locale locale) {
        Map<String, String> charts = new HashMap<>();
        for (ParticipationFigures.Grid grid : grids) {
            if (grid.rows().isEmpty() || grid.id().equals("realised") || grid.id().equals("more")) {
                continue;
            }
            List<Presentation.Bar> bars = grid.rows().stream()
                    .filter(row -> !"participation.impact.total".equals(row.labelKey()))
                    .map(row -> {
                        String label = row.literal() != null ? row.literal() : messages.getMessage(row.labelKey(), null, locale);
                        String cell = row.cells().get(row.cells().size() - 1);
                        return new Presentation.Bar(label, cell.matches("\\d+") ? Long.valueOf(cell) : null, cell);
                    }).toList();
            charts.put(grid.id(), Charts.horizontal(messages.getMessage(prefix + ".grid." + grid.id(), null, locale), bars));
        }
        return charts;
    }

    /** The period (the last year unless chosen) and the labs asked for, among those the viewer may see. */
    private List<LabView> period(String from, String to, String lab, Authentication who, Locale locale, Model model,
            String action, String prefix) {
        if (!ImpactService.mayUseDashboard(who)) {
            throw new AccessDeniedException("no dashboard for this role");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate end = date(to, today);
        LocalDate start = date(from, end.minusYears(1).plusDays(1));
        if (start.isAfter(end) || !InputDates.plausible(start) || !InputDates.plausible(end)) {
            start = today.minusYears(1).plusDays(1);
            end = today;
        }
        List<LabView> visible = impact.visibleLabs(who, Language.forLocale(locale));
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("labs", visible);
        model.addAttribute("lab", lab);
        model.addAttribute("action", action);
        model.addAttribute("prefix", prefix);
        return lab == null || lab.isBlank() ? visible : visible.stream().filter(l -> l.slug().equals(lab)).toList();
    }

    private static LocalDate date(String value, LocalDate fallback) {
        try {
            return value == null || value.isBlank() ? fallback : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
