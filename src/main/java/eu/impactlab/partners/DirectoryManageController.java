package eu.impactlab.partners;

import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import eu.impactlab.platform.ContactRules;
import eu.impactlab.platform.TextRules;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Editing and reviewing directory entries: the partner's one short form at /partner/directory (submitted for review,
 * and "still correct" once a year), and the coordinators' review at /admin/partners/directory with the reports beside.
 */
@Controller
class DirectoryManageController {

    static final int MAX_DESCRIPTION = 600;
    private static final Pattern WEBSITE = Pattern.compile("https?://[^\\s<>\"]{3,190}");

    private final DirectoryService directory;
    private final PartnerService partners;

    DirectoryManageController(DirectoryService directory, PartnerService partners) {
        this.directory = directory;
        this.partners = partners;
    }

    // --- the partner ---

    @GetMapping("/partner/directory")
    String edit(Authentication who, Model model) {
        PartnerService.Membership me = partners.membership(who.getName());
        Optional<Directory.Entry> entry = directory.entryOf(me);
        Map<String, String> values = new HashMap<>();
        List<String> offers = List.of();
        List<String> languages = List.of();
        List<String> access = List.of();
        if (entry.isPresent()) {
            Directory.Entry e = entry.get();
            values.put("description", e.description());
            values.put("openingHours", e.openingHours());
            values.put("website", e.website() == null ? "" : e.website());
            values.put("contactEmail", e.contactEmail() == null ? "" : e.contactEmail());
            values.put("contactPerson", e.contactPerson() == null ? "" : e.contactPerson());
            values.put("contactConsent", e.contactPerson() == null ? "" : "true");
            offers = e.offers();
            languages = e.languages();
            access = e.accessibility();
        }
        return form(me, entry.orElse(null), values, offers, languages, access, List.of(), model);
    }

    @PostMapping({"/partner/directory", "/partner/directory/{id}"})
    String submit(@PathVariable(required = false) Long id, @RequestParam Map<String, String> values,
            @RequestParam(name = "offers", required = false) List<String> offers,
            @RequestParam(name = "languages", required = false) List<String> languages,
            @RequestParam(name = "accessibility", required = false) List<String> accessibility,
            Authentication who, Model model, RedirectAttributes redirect) {
        PartnerService.Membership me = partners.membership(who.getName());
        List<String> problems = new ArrayList<>();
        List<String> chosenOffers = chosen(Directory.Offer.class, offers);
        List<String> chosenAccess = chosen(Directory.AccessFact.class, accessibility);
        List<String> chosenLanguages = (languages == null ? List.<String>of() : languages).stream().map(Language::fromTag)
                .flatMap(Optional::stream).map(Language::tag).distinct().toList();
        String description = values.getOrDefault("description", "").strip();
        if (description.isEmpty()) {
            problems.add("partners.error.description");
        } else if (description.length() > MAX_DESCRIPTION || !TextRules.multiLine(description)) {
            problems.add("partners.error.descriptionLong");
        }
        String hours = values.getOrDefault("openingHours", "").strip();
        if (hours.length() > 200 || !TextRules.multiLine(hours)) {
            problems.add("partners.error.openingHours");
        }
        if (chosenOffers.isEmpty()) {
            problems.add("partners.error.offers");
        }
        if (chosenLanguages.isEmpty()) {
            problems.add("partners.error.languages");
        }
        String website = values.getOrDefault("website", "").strip();
        if (!website.isEmpty() && !validWebsite(website)) {
            problems.add("partners.error.website");
        }
        String email = values.getOrDefault("contactEmail", "").strip();
        if (!email.isEmpty() && (!ContactRules.emailAcceptable(email) || email.length() > ContactRules.MAX_EMAIL)) {
            problems.add("partners.error.contactEmail");
        }
        String person = values.getOrDefault("contactPerson", "").strip();
        boolean consent = "true".equals(values.get("contactConsent"));
        if (!person.isEmpty() && (person.length() > 120 || !TextRules.singleLine(person))) {
            problems.add("partners.error.contactPerson");
        } else if (!person.isEmpty() && !consent) {
            problems.add("partners.error.contactConsent");
        }
        Optional<Directory.Entry> entry = id == null ? directory.entryOf(me) : Optional.empty();
        if (problems.isEmpty()) {
            try {
                directory.submit(me, id, new Directory.Input(description, hours, chosenOffers, chosenLanguages, chosenAccess,
                        website.isEmpty() ? null : website, email.isEmpty() ? null : email, person.isEmpty() ? null : person,
                        consent));
                redirect.addFlashAttribute("saved", "partners.saved.directorySubmitted");
                return "redirect:/partner/directory";
            } catch (PartnerException e) {
                problems.add(e.messageKey());
            }
        }
        Directory.Entry current = id == null ? entry.orElse(null) : directory.entryOf(me).filter(e -> e.id() == id).orElse(null);
        return form(me, current, values, chosenOffers, chosenLanguages, chosenAccess, problems, model);
    }

    @PostMapping("/partner/directory/{id}/confirm")
    String confirm(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        directory.confirm(partners.membership(who.getName()), id);
        redirect.addFlashAttribute("saved", "partners.saved.directoryConfirmed");
        return "redirect:/partner/directory";
    }

    private String form(PartnerService.Membership me, Directory.Entry entry, Map<String, String> values, List<String> offers,
            List<String> languages, List<String> access, List<String> problems, Model model) {
        model.addAttribute("me", me);
        model.addAttribute("entry", entry);
        model.addAttribute("hidden", entry != null && directory.hidden(entry));
        model.addAttribute("values", values);
        model.addAttribute("chosenOffers", offers);
        model.addAttribute("chosenLanguages", languages);
        model.addAttribute("chosenAccess", access);
        model.addAttribute("problems", problems);
        model.addAttribute("offers", Directory.Offer.values());
        model.addAttribute("accessFacts", Directory.AccessFact.values());
        model.addAttribute("languages", RequestForm.groupLanguages());
        model.addAttribute("consentVersion", Directory.CONSENT_VERSION);
        return "partners/directory-edit";
    }

    // --- the coordinators ---

    @GetMapping("/admin/partners/directory")
    String review(@RequestParam(required = false) String lab, Authentication who, Model model) {
        List<LabView> labs = partners.labsOf(who);
        if (labs.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        LabView current = labs.stream().filter(l -> l.slug().equals(lab)).findFirst().orElse(labs.get(0));
        List<Directory.Entry> entries = directory.ofLab(who, current.id());
        model.addAttribute("labs", labs);
        model.addAttribute("lab", current);
        model.addAttribute("entries", entries);
        model.addAttribute("hiddenIds", entries.stream().filter(directory::hidden).map(Directory.Entry::id).toList());
        model.addAttribute("reports", directory.openReports(who, current.id()));
        return "partners/admin-directory";
    }

    @PostMapping("/admin/partners/directory/{id}/publish")
    String publish(@PathVariable long id, @RequestParam(required = false) String lab, Authentication who,
            RedirectAttributes redirect) {
        return act(lab, redirect, "partners.saved.directoryPublished", () -> directory.publish(who, id));
    }

    @PostMapping("/admin/partners/directory/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
            @RequestParam(required = false) String lab, Authentication who, RedirectAttributes redirect) {
        return act(lab, redirect, "partners.saved.directoryRejected", () -> directory.reject(who, id, reason));
    }

    @PostMapping("/admin/partners/directory/{id}/unpublish")
    String unpublish(@PathVariable long id, @RequestParam(required = false) String lab, Authentication who,
            RedirectAttributes redirect) {
        return act(lab, redirect, "partners.saved.directoryUnpublished", () -> directory.unpublish(who, id));
    }

    @PostMapping("/admin/partners/directory/reports/{id}/handled")
    String handled(@PathVariable long id, @RequestParam(required = false) String lab, Authentication who,
            RedirectAttributes redirect) {
        return act(lab, redirect, "partners.saved.directoryReportHandled", () -> directory.reportHandled(who, id));
    }

    private static String act(String lab, RedirectAttributes redirect, String savedKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("saved", savedKey);
        } catch (PartnerException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return lab == null || !lab.matches("[a-z0-9-]{1,60}") ? "redirect:/admin/partners/directory"
                : "redirect:/admin/partners/directory?lab=" + lab;
    }

    static boolean validWebsite(String website) {
        if (!WEBSITE.matcher(website).matches()) {
            return false;
        }
        try {
            URI uri = URI.create(website);
            return uri.getHost() != null && uri.getHost().contains(".");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static <E extends Enum<E>> List<String> chosen(Class<E> type, List<String> values) {
        return (values == null ? List.<String>of() : values).stream().map(v -> Choices.parse(type, v)).flatMap(Optional::stream)
                .map(Enum::name).distinct().toList();
    }
}
