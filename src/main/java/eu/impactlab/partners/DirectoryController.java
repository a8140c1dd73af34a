package eu.impactlab.partners;

import eu.impactlab.labs.Language;
import eu.impactlab.platform.BremenDistricts;
import eu.impactlab.platform.FormGuard;
import eu.impactlab.platform.TextRules;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public neighbourhood directory: the list with its filters (the primary view), the schematic map of the
 * Stadtteile beside it, one entry, and "report this entry" for the coordinators. Nothing here is cached: unpublishing
 * takes effect with the next request.
 */
@Controller
class DirectoryController {

    static final String SESSION_SHOWN = "partners.directory.reportShownAt";
    static final int MAX_REPORT = 500;

    private final DirectoryService directory;
    private final FormGuard guard;
    private final Clock clock;

    DirectoryController(DirectoryService directory, FormGuard guard, Clock clock) {
        this.directory = directory;
        this.guard = guard;
        this.clock = clock;
    }

    @GetMapping("/partners")
    String list(@RequestParam(required = false) String stadtteil, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String offer, @RequestParam(required = false) String language,
            @RequestParam(defaultValue = "0") int page, Model model) {
        DirectoryService.Filter filter = new DirectoryService.Filter(
                stadtteil != null && BremenDistricts.ALL.contains(stadtteil) ? stadtteil : null,
                Choices.parse(Choices.OrganisationKind.class, kind).map(Enum::name).orElse(null),
                Choices.parse(Directory.Offer.class, offer).map(Enum::name).orElse(null),
                Language.fromTag(language).map(Language::tag).orElse(null));
        int safePage = Math.max(0, Math.min(page, 10_000));
        long total = directory.countPublished(filter);
        model.addAttribute("entries", directory.published(filter, safePage));
        model.addAttribute("total", total);
        model.addAttribute("filter", filter);
        model.addAttribute("page", safePage);
        model.addAttribute("hasNext", (long) (safePage + 1) * DirectoryService.PAGE_SIZE < total);
        model.addAttribute("tiles", DirectoryMap.tiles(directory.countsByStadtteil()));
        model.addAttribute("mapWidth", DirectoryMap.width());
        model.addAttribute("mapHeight", DirectoryMap.height());
        model.addAttribute("stadtteile", BremenDistricts.GROUPS);
        model.addAttribute("kinds", Choices.OrganisationKind.values());
        model.addAttribute("offers", Directory.Offer.values());
        model.addAttribute("languages", RequestForm.groupLanguages());
        return "partners/directory-list";
    }

    @GetMapping("/partners/{id:\\d+}")
    String entry(@PathVariable long id, Model model) {
        Directory.Entry entry = found(id);
        model.addAttribute("entry", entry);
        model.addAttribute("entryLanguages", entry.languages().stream().map(Language::fromTag).flatMap(Optional::stream).toList());
        return "partners/directory-entry";
    }

    @GetMapping("/partners/{id:\\d+}/report")
    String reportForm(@PathVariable long id, Model model, HttpSession session) {
        session.setAttribute(SESSION_SHOWN, Instant.now(clock));
        return reportPage(found(id), null, "", List.of(), model);
    }

    @PostMapping("/partners/{id:\\d+}/report")
    String report(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String body, @RequestParam(required = false) String website, Model model,
            HttpSession session) {
        Directory.Entry entry = found(id);
        Optional<Directory.ReportReason> why = Choices.parse(Directory.ReportReason.class, reason);
        String text = body.strip();
        if (!guard.looksHuman(website, (Instant) session.getAttribute(SESSION_SHOWN))) {
            session.setAttribute(SESSION_SHOWN, Instant.now(clock));
            return reportPage(entry, reason, body, List.of("partners.error.tooFast"), model);
        }
        if (why.isEmpty()) {
            return reportPage(entry, reason, body, List.of("partners.error.reportReason"), model);
        }
        if (text.length() > MAX_REPORT || !TextRules.multiLine(text)) {
            return reportPage(entry, reason, body, List.of("partners.error.reportText"), model);
        }
        directory.report(id, why.get(), text);
        session.removeAttribute(SESSION_SHOWN);
        return "redirect:/partners/" + id + "?reported";
    }

    private String reportPage(Directory.Entry entry, String reason, String body, List<String> problems, Model model) {
        model.addAttribute("entry", entry);
        model.addAttribute("reasons", Directory.ReportReason.values());
        model.addAttribute("reason", reason);
        model.addAttribute("body", body);
        model.addAttribute("problems", problems);
        return "partners/directory-report";
    }

    private Directory.Entry found(long id) {
        return directory.publishedEntry(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
