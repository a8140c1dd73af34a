package eu.impactlab.privacy;

import eu.impactlab.labs.Language;
import eu.impactlab.platform.HtmlToPdf;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * The admin's register of processing activities (Art. 30), generated from the modules' declarations, with the
 * deletion runs; as a page to print and as a PDF. And the audit trail with its filters.
 */
@Controller
class RegisterController {

    static final List<String> MEASURES = List.of("tokens", "passwords", "deletion", "noThirdParty", "access", "audit");

    private final PrivacyService privacy;
    private final Notices notices;
    private final DeletionRuns runs;
    private final AuditTrail audit;
    private final TemplateEngine templates;
    private final ApplicationContext application;
    private final Clock clock;

    RegisterController(PrivacyService privacy, Notices notices, DeletionRuns runs, AuditTrail audit,
            TemplateEngine templates, ApplicationContext application, Clock clock) {
        this.privacy = privacy;
        this.notices = notices;
        this.runs = runs;
        this.audit = audit;
        this.templates = templates;
        this.application = application;
        this.clock = clock;
    }

    private Map<String, List<Notices.Explained>> register(Locale locale) {
        Map<String, List<Notices.Explained>> byModule = new LinkedHashMap<>();
        privacy.usesByModule().forEach((module, uses) -> byModule.put(module, notices.explain(uses, locale)));
        return byModule;
    }

    @GetMapping("/admin/privacy/register")
    String page(Model model, Locale locale) {
        model.addAttribute("modules", register(locale));
        model.addAttribute("measures", MEASURES);
        model.addAttribute("runs", runs.latest(30));
        return "privacy/register";
    }

    @GetMapping("/admin/privacy/register.pdf")
    ResponseEntity<byte[]> pdf(Locale locale) {
        boolean rightToLeft = Language.forLocale(locale).rightToLeft();
        Context context = new Context(locale);
        // makes @dates usable in a template rendered outside a web view
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application, null));
        context.setVariable("modules", register(locale));
        context.setVariable("measures", MEASURES);
        context.setVariable("runs", runs.latest(30));
        context.setVariable("rtl", rightToLeft);
        context.setVariable("generated", LocalDateTime.now(clock));
        byte[] pdf = HtmlToPdf.render(templates.process("privacy/register-pdf", context), rightToLeft);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"register-of-processing.pdf\"")
                .contentType(MediaType.APPLICATION_PDF).body(pdf);
    }

    @GetMapping("/admin/privacy/audit")
    String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String objectType,
            @RequestParam(required = false) String objectId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Model model) {
        LocalDate fromDay = day(from, model);
        LocalDate toDay = day(to, model);
        Long actorId = null;
        if (actor != null && !actor.isBlank()) {
            actorId = audit.actorId(actor.strip());
            if (actorId == null) {
                model.addAttribute("error", "privacy.audit.error.actor");
            }
        }
        model.addAttribute("entries", model.containsAttribute("error") ? List.of()
                : audit.find(actorId, blank(objectType), blank(objectId), fromDay, toDay, 200));
        model.addAttribute("actor", actor);
        model.addAttribute("objectType", objectType);
        model.addAttribute("objectId", objectId);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "privacy/audit";
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static LocalDate day(String value, Model model) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            model.addAttribute("error", "privacy.audit.error.date");
            return null;
        }
    }
}
