package eu.impactlab.consultations;

import eu.impactlab.accounts.AccountService;
import eu.impactlab.accounts.AccountView;
import eu.impactlab.accounts.Role;
import eu.impactlab.labs.LabAccess;
import eu.impactlab.labs.LabBookings;
import eu.impactlab.labs.LabService;
import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Coordinators set what their helpers know, which languages they speak, when they are at the lab and when away. */
@Controller
@RequestMapping("/admin/consultations")
class HelperAdminController {

    private final HelperAdmin helpers;
    private final LabService labs;
    private final AccountService accounts;
    private final ConsultationService consultations;
    private final AppointmentsAtLab appointments;

    HelperAdminController(HelperAdmin helpers, LabService labs, AccountService accounts, ConsultationService consultations,
            AppointmentsAtLab appointments) {
        this.appointments = appointments;
        this.helpers = helpers;
        this.labs = labs;
        this.accounts = accounts;
        this.consultations = consultations;
    }

    @GetMapping("/{slug}")
    String list(@PathVariable String slug, Authentication who, Locale locale, Model model) {
        LabView lab = manageable(slug, who, locale);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AccountView helper : staff(lab)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("helper", helper);
            row.put("languages", helpers.languages(helper.id()));
            row.put("topics", helpers.topics(helper.id()).size());
            row.put("hours", helpers.availability(helper.id(), lab.id()));
            row.put("absences", helpers.absences(helper.id(), LocalDate.now(SlotFinder.BREMEN)));
            rows.add(row);
        }
        model.addAttribute("lab", lab);
        model.addAttribute("rows", rows);
        return "consultations/admin-helpers";
    }

    @GetMapping("/{slug}/helpers/{id}")
    String edit(@PathVariable String slug, @PathVariable long id, Authentication who, Locale locale, Model model) {
        LabView lab = manageable(slug, who, locale);
        AccountView helper = helperOf(lab, id);
        model.addAttribute("lab", lab);
        model.addAttribute("helper", helper);
        model.addAttribute("allTopics", consultations.topics(Language.forLocale(locale)));
        model.addAttribute("allLanguages", Language.values());
        model.addAttribute("topics", helpers.topics(id));
        model.addAttribute("languages", helpers.languages(id));
        model.addAttribute("week", week(helpers.availability(id, lab.id())));
        model.addAttribute("absences", helpers.absences(id, LocalDate.now(SlotFinder.BREMEN)));
        model.addAttribute("modes", Mode.values());
        return "consultations/admin-helper";
    }

    @PostMapping("/{slug}/helpers/{id}")
    String save(@PathVariable String slug, @PathVariable long id, @RequestParam(required = false) List<String> topic,
            @RequestParam(required = false) List<String> language, @RequestParam Map<String, String> form,
            Authentication who, Locale locale, Model model, RedirectAttributes redirect) {
        LabView lab = manageable(slug, who, locale);
        helperOf(lab, id);
        List<HelperAdmin.Hours> hours = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            String from = form.getOrDefault("starts-" + day.getValue(), "").strip();
            String to = form.getOrDefault("ends-" + day.getValue(), "").strip();
            if (from.isEmpty() && to.isEmpty()) {
                continue;
            }
            try {
                LocalTime starts = LocalTime.parse(from);
                LocalTime ends = LocalTime.parse(to);
                Set<Mode> modes = EnumSet.noneOf(Mode.class);
                for (Mode mode : Mode.values()) {
                    if (form.containsKey("mode-" + day.getValue() + "-" + mode)) {
                        modes.add(mode);
                    }
                }
                if (!starts.isBefore(ends)) {
                    errors.put("starts-" + day.getValue(), "admin.lab.error.order");
                } else if (modes.isEmpty()) {
                    errors.put("starts-" + day.getValue(), "helpers.error.mode");
                } else {
                    hours.add(new HelperAdmin.Hours(day, starts, ends, modes));
                }
            } catch (DateTimeParseException e) {
                errors.put("starts-" + day.getValue(), "admin.lab.error.bothTimes");
            }
        }
        Set<String> languages = new java.util.TreeSet<>();
        for (String tag : language == null ? List.<String>of() : language) {
            Language.fromTag(tag).ifPresent(l -> languages.add(l.tag()));
        }
        if (languages.isEmpty()) {
            errors.put("language", "admin.lab.error.noLanguage");
        }
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            return edit(slug, id, who, locale, model);
        }
        Set<String> topics = new java.util.TreeSet<>(topic == null ? List.of() : topic);
        helpers.save(id, lab.id(), topics, languages, hours, who.getName());
        redirect.addFlashAttribute("saved", "helpers.saved");
        return "redirect:/admin/consultations/" + slug + "/helpers/" + id;
    }

    @PostMapping("/{slug}/helpers/{id}/absences")
    String addAbsence(@PathVariable String slug, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String decision, @RequestParam(required = false) List<String> cancel,
            @RequestParam(required = false) String cancelChosen, Authentication who, Locale locale, Model model,
            RedirectAttributes redirect) {
        LabView lab = manageable(slug, who, locale);
        helperOf(lab, id);
        if (from == null || to == null || to.isBefore(from)) {
            model.addAttribute("errors", Map.of("from", "helpers.error.absence"));
            return edit(slug, id, who, locale, model);
        }
        // Like a change of the lab's hours: nothing is saved before the coordinator has seen whom the absence affects.
        List<LabBookings.Booking> affected = appointments.ofHelper(id, from, to, Language.forLocale(locale));
        if (!affected.isEmpty() && !"cancel".equals(decision) && !"keep".equals(decision)) {
            model.addAttribute("affected", affected);
            model.addAttribute("absenceFrom", from);
            model.addAttribute("absenceTo", to);
            return edit(slug, id, who, locale, model);
        }
        helpers.addAbsence(id, from, to, lab.id(), who.getName());
        redirect.addFlashAttribute("saved", "helpers.saved.absence");
        if ("cancel".equals(decision)) {
            List<LabBookings.Booking> toCancel = LabBookings.chosen(affected, cancel, cancelChosen);
            redirect.addFlashAttribute("cancelledCount", appointments.cancelAndTell(toCancel, who.getName()));
            if (toCancel.size() < affected.size()) {
                redirect.addFlashAttribute("keptBookings", true);
            }
        } else if ("keep".equals(decision) && !affected.isEmpty()) {
            redirect.addFlashAttribute("keptBookings", true);
        }
        return "redirect:/admin/consultations/" + slug + "/helpers/" + id;
    }

    @PostMapping("/{slug}/helpers/{id}/absences/{absence}/delete")
    String removeAbsence(@PathVariable String slug, @PathVariable long id, @PathVariable long absence, Authentication who,
            Locale locale, RedirectAttributes redirect) {
        LabView lab = manageable(slug, who, locale);
        helperOf(lab, id);
        helpers.removeAbsence(id, absence, lab.id(), who.getName());
        redirect.addFlashAttribute("saved", "helpers.saved.absenceRemoved");
        return "redirect:/admin/consultations/" + slug + "/helpers/" + id;
    }

    /** One row per weekday for the form: the first period of that day, if any. */
    private static Map<DayOfWeek, HelperAdmin.Hours> week(List<HelperAdmin.Hours> hours) {
        Map<DayOfWeek, HelperAdmin.Hours> week = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, hours.stream().filter(h -> h.day() == day).findFirst().orElse(null));
        }
        return week;
    }

    private List<AccountView> staff(LabView lab) {
        return accounts.staffOf(lab.id()).stream()
                .filter(a -> a.role() == Role.HELPER || a.role() == Role.COORDINATOR)
                .toList();
    }

    private AccountView helperOf(LabView lab, long id) {
        return staff(lab).stream().filter(a -> a.id() == id).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "not a helper of this lab"));
    }

    private LabView manageable(String slug, Authentication who, Locale locale) {
        LabView lab = labs.lab(slug, Language.forLocale(locale))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such lab"));
        if (!LabAccess.canManage(who, lab.id())) {
            throw new AccessDeniedException("not a coordinator of this lab");
        }
        return lab;
    }

}
