package eu.impactlab.privacy;

import eu.impactlab.labs.Language;
import eu.impactlab.platform.PersonalData.Found;
import eu.impactlab.platform.PersonalData.Use;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The citizen's side: "what we store about you" behind any private link (view, download, delete now) and the privacy
 * notice of each public form, both built from the modules' declarations. The token in the link is the only key.
 */
@Controller
class PrivacyController {

    static final List<String> FORMS = List.of("booking", "course-registration", "skills-check", "idea");

    private final PrivacyService privacy;
    private final Notices notices;
    private final MessageSource messages;
    private final Clock clock;

    PrivacyController(PrivacyService privacy, Notices notices, MessageSource messages, Clock clock) {
        this.privacy = privacy;
        this.notices = notices;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/privacy/notice/{form}")
    String notice(@PathVariable String form, Model model, Locale locale, HttpServletResponse response) {
        if (!FORMS.contains(form)) {
            return unknown(response);
        }
        model.addAttribute("form", form);
        model.addAttribute("uses", notices.explain(privacy.usesOf(form), locale));
        return "privacy/notice";
    }

    @GetMapping("/privacy/my-data/{token}")
    String myData(@PathVariable String token, Model model, Locale locale, HttpServletResponse response) {
        List<Found> records = privacy.byLink(token);
        if (records.isEmpty()) {
            return unknown(response);
        }
        model.addAttribute("token", token);
        model.addAttribute("records", records);
        model.addAttribute("uses", notices.explain(usesOf(records), locale));
        // what stays after deletion (age group, district) is anonymous; names and contacts are what "gone" means
        model.addAttribute("nothingLeft", nothingLeft(records));
        return "privacy/my-data";
    }

    private static boolean nothingLeft(List<Found> records) {
        // what "deleted" means is each holder's to say: no name, no contact, no link that ties answers to a person
        return records.stream().noneMatch(Found::identifying);
    }

    private static String unknown(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "privacy/link-unknown";
    }

    private List<Use> usesOf(List<Found> records) {
        return records.stream().map(Found::form).filter(f -> f != null).distinct()
                .flatMap(f -> privacy.usesOf(f).stream()).distinct().toList();
    }

    record Export(String exportedAt, List<ExportedRecord> records, List<Notices.Explained> uses) {
    }

    record ExportedRecord(String kind, String title, Map<String, String> fields, List<String> keptAfterDeletion) {
    }

    @GetMapping(path = "/privacy/my-data/{token}/data.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Export> download(@PathVariable String token, Locale locale) {
        List<Found> records = privacy.byLink(token);
        if (records.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"my-data.json\"")
                .header("Cache-Control", "no-store")
                .body(export(records, usesOf(records), locale));
    }

    Export export(List<Found> records, List<Use> uses, Locale locale) {
        return new Export(clock.instant().toString(), records.stream().map(r -> new ExportedRecord(
                messages.getMessage("privacy.record." + r.kind(), null, r.kind(), locale), r.title(), r.fields(),
                r.kept().stream().map(k -> messages.getMessage(k, null, locale)).toList())).toList(),
                uses.stream().map(u -> notices.explain(u, locale)).toList());
    }

    /** The same as a page of its own to keep or print, in the reader's language: readable where JSON is not. */
    @GetMapping(path = "/privacy/my-data/{token}/data.html", produces = MediaType.TEXT_HTML_VALUE)
    String downloadPage(@PathVariable String token, Model model, Locale locale, HttpServletResponse response) {
        List<Found> records = privacy.byLink(token);
        if (records.isEmpty()) {
            return unknown(response);
        }
        Language language = Language.forLocale(locale);
        response.setHeader("Content-Disposition", "attachment; filename=\"my-data.html\"");
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("lang", language.htmlLang());
        model.addAttribute("dir", language.direction());
        model.addAttribute("records", records);
        model.addAttribute("uses", notices.explain(usesOf(records), locale));
        model.addAttribute("nothingLeft", nothingLeft(records));
        ZonedDateTime now = clock.instant().atZone(ZoneId.of("Europe/Berlin"));
        // Leichte Sprache writes the month as a word and the time with "Uhr" (7. Dezember 2026, 14:30 Uhr).
        model.addAttribute("asOf", now.format(language == Language.LS
                ? DateTimeFormatter.ofPattern("d. MMMM yyyy, H:mm 'Uhr'", Locale.GERMAN)
                : DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm")));
        return "privacy/my-data-print";
    }

    /** Deleting cannot be undone, so the page only links here and this page asks first. */
    @GetMapping("/privacy/my-data/{token}/delete")
    String askDelete(@PathVariable String token, Model model, HttpServletResponse response) {
        List<Found> records = privacy.byLink(token);
        if (records.isEmpty()) {
            return unknown(response);
        }
        model.addAttribute("token", token);
        model.addAttribute("records", records);
        return "privacy/my-data-delete";
    }

    @PostMapping("/privacy/my-data/{token}/delete")
    String delete(@PathVariable String token, RedirectAttributes redirect, HttpServletResponse response) {
        if (privacy.byLink(token).isEmpty()) {
            return unknown(response);
        }
        privacy.eraseLink(token);
        redirect.addFlashAttribute("saved", "privacy.mydata.deleted");
        return "redirect:/privacy/my-data/" + token;
    }
}
