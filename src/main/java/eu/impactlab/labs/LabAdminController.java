package eu.impactlab.labs;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Coordinators change their own lab: weekly hours, closures and other hours, texts per language, facts. */
@Controller
@RequestMapping("/admin/labs")
class LabAdminController {

    static final String VIEW_LIST = "labs/admin-list";
    static final String VIEW_OVERVIEW = "labs/admin-overview";
    static final String VIEW_HOURS = "labs/admin-hours";
    static final String VIEW_CLOSURE = "labs/admin-closure";
    static final String VIEW_TEXTS = "labs/admin-texts";
    static final String VIEW_FACTS = "labs/admin-facts";

    private final LabService labs;

    LabAdminController(LabService labs) {
        this.labs = labs;
    }

    @GetMapping
    String list(Authentication who, Model model) {
        model.addAttribute("labs", labs.manageable(who));
        return VIEW_LIST;
    }

    @GetMapping("/{slug}")
    String overview(@PathVariable String slug, Authentication who, Model model) {
        LabForEdit edit = labs.forEdit(slug, who);
        model.addAttribute("edit", edit);
        model.addAttribute("days", labs.twoWeeks(slug));
        return VIEW_OVERVIEW;
    }

    // --- weekly hours ---

    @GetMapping("/{slug}/hours")
    String hours(@PathVariable String slug, Authentication who, Model model) {
        LabForEdit edit = labs.forEdit(slug, who);
        model.addAttribute("edit", edit);
        model.addAttribute("form", HoursForm.of(edit.weekly()));
        return VIEW_HOURS;
    }

    /**
     * Saves the weekly hours. When the new hours would leave booked times outside, nothing is saved yet: the page
     * shows those bookings and asks whether to cancel them and tell the people, or to keep them ({@code decision}).
     */
    @PostMapping("/{slug}/hours")
    String saveHours(@PathVariable String slug, @ModelAttribute("form") HoursForm form, BindingResult errors,
            @RequestParam(required = false) String decision, @RequestParam(required = false) List<String> cancel,
            @RequestParam(required = false) String cancelChosen, Authentication who, Locale locale, Model model,
            RedirectAttributes redirect) {
        LabForEdit edit = labs.forEdit(slug, who);
        Map<DayOfWeek, List<DaySchedule.TimeRange>> hours = form.toHours(errors);
        if (errors.hasErrors()) {
            model.addAttribute("edit", edit);
            return VIEW_HOURS;
        }
        Decision chosen = Decision.of(decision);
        List<LabBookings.Booking> affected = labs.affectedByWeeklyHours(slug, hours, who, Language.forLocale(locale));
        if (chosen == Decision.ASK && !affected.isEmpty()) {
            model.addAttribute("edit", edit);
            model.addAttribute("affected", affected);
            return VIEW_HOURS;
        }
        labs.updateWeeklyHours(slug, hours, who);
        redirect.addFlashAttribute("saved", "admin.lab.saved.hours");
        settle(slug, chosen, LabBookings.chosen(affected, cancel, cancelChosen), affected, who, redirect);
        return "redirect:/admin/labs/" + slug;
    }

    /** What the coordinator chose for the bookings a change leaves outside the hours. */
    enum Decision {
        ASK, CANCEL, KEEP;

        static Decision of(String value) {
            if ("cancel".equals(value)) {
                return CANCEL;
            }
            return "keep".equals(value) ? KEEP : ASK;
        }
    }

    /**
     * Cancels the ticked ones of what the change left outside the hours (as found just before saving), or notes that
     * they stay.
     */
    private void settle(String slug, Decision chosen, List<LabBookings.Booking> toCancel,
            List<LabBookings.Booking> affected, Authentication who, RedirectAttributes redirect) {
        if (affected.isEmpty()) {
            return;
        }
        if (chosen == Decision.CANCEL) {
            redirect.addFlashAttribute("cancelledCount", labs.cancelAndTell(slug, toCancel, who));
            if (toCancel.size() < affected.size()) {
                redirect.addFlashAttribute("keptBookings", true);
            }
        } else if (chosen == Decision.KEEP) {
            redirect.addFlashAttribute("keptBookings", true);
        }
    }

    // --- closures and other hours on one date ---

    @GetMapping("/{slug}/closures/new")
    String newClosure(@PathVariable String slug, Authentication who, Model model) {
        model.addAttribute("edit", labs.forEdit(slug, who));
        model.addAttribute("form", new ClosureForm());
        model.addAttribute("reasons", ClosureReason.values());
        return VIEW_CLOSURE;
    }

    @PostMapping("/{slug}/closures")
    String saveClosure(@PathVariable String slug, @Valid @ModelAttribute("form") ClosureForm form, BindingResult errors,
            @RequestParam(required = false) String decision, @RequestParam(required = false) List<String> cancel,
            @RequestParam(required = false) String cancelChosen, Authentication who, Locale locale, Model model,
            RedirectAttributes redirect) {
        LabForEdit edit = labs.forEdit(slug, who);
        form.check(errors, labs.today());
        if (errors.hasErrors()) {
            model.addAttribute("edit", edit);
            model.addAttribute("reasons", ClosureReason.values());
            return VIEW_CLOSURE;
        }
        boolean closed = !"OTHER_HOURS".equals(form.getKind());
        LocalTime opens = closed ? null : parse(form.getOpens());
        LocalTime closes = closed ? null : parse(form.getCloses());
        Decision chosen = Decision.of(decision);
        List<LabBookings.Booking> affected = labs.affectedByException(slug, form.getDay(), closed, opens, closes, who,
                Language.forLocale(locale));
        if (chosen == Decision.ASK && !affected.isEmpty()) {
            model.addAttribute("edit", edit);
            model.addAttribute("reasons", ClosureReason.values());
            model.addAttribute("affected", affected);
            return VIEW_CLOSURE;
        }
        labs.saveException(slug, form.getDay(), closed, opens, closes, form.getReason(), who);
        redirect.addFlashAttribute("saved", "admin.lab.saved.closure");
        settle(slug, chosen, LabBookings.chosen(affected, cancel, cancelChosen), affected, who, redirect);
        return "redirect:/admin/labs/" + slug;
    }

    @PostMapping("/{slug}/closures/{day}/delete")
    String deleteClosure(@PathVariable String slug, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            Authentication who, RedirectAttributes redirect) {
        labs.removeException(slug, day, who);
        redirect.addFlashAttribute("saved", "admin.lab.saved.closureRemoved");
        return "redirect:/admin/labs/" + slug;
    }

    // --- texts per language ---

    @GetMapping("/{slug}/texts")
    String texts(@PathVariable String slug, @RequestParam(defaultValue = "de") String language, Authentication who,
            Model model) {
        Language lang = Language.fromTag(language).filter(Language::ui).orElse(Language.DE);
        LabForEdit edit = labs.forEdit(slug, who);
        LabForEdit.Texts texts = edit.texts().getOrDefault(lang.tag(), new LabForEdit.Texts("", ""));
        TextsForm form = new TextsForm();
        form.setDescription(texts.description());
        form.setDirections(texts.directions());
        model.addAttribute("edit", edit);
        model.addAttribute("form", form);
        model.addAttribute("textLanguage", lang);
        return VIEW_TEXTS;
    }

    @PostMapping("/{slug}/texts")
    String saveTexts(@PathVariable String slug, @RequestParam String language, @Valid @ModelAttribute("form") TextsForm form,
            BindingResult errors, Authentication who, Model model, RedirectAttributes redirect) {
        Language lang = Language.fromTag(language).filter(Language::ui).orElse(Language.DE);
        LabForEdit edit = labs.forEdit(slug, who);
        if (lang == Language.DE && form.getDescription().isBlank()) {
            errors.rejectValue("description", "admin.lab.error.germanRequired");
        }
        if (errors.hasErrors()) {
            model.addAttribute("edit", edit);
            model.addAttribute("textLanguage", lang);
            return VIEW_TEXTS;
        }
        labs.updateTexts(slug, lang, form.getDescription(), form.getDirections(), who);
        redirect.addFlashAttribute("saved", "admin.lab.saved.texts");
        return "redirect:/admin/labs/" + slug;
    }

    // --- languages, accessibility, offers, contact ---

    @GetMapping("/{slug}/facts")
    String facts(@PathVariable String slug, Authentication who, Model model) {
        LabForEdit edit = labs.forEdit(slug, who);
        FactsForm form = new FactsForm();
        LabView lab = edit.lab();
        form.setLanguages(lab.languages().stream().map(Language::tag).toList());
        form.setAccessibility(new ArrayList<>(lab.accessibility()));
        form.setOffers(new ArrayList<>(lab.offers()));
        form.setPhone(lab.phone());
        form.setEmail(lab.email());
        model.addAttribute("edit", edit);
        model.addAttribute("form", form);
        addFactChoices(model);
        return VIEW_FACTS;
    }

    @PostMapping("/{slug}/facts")
    String saveFacts(@PathVariable String slug, @Valid @ModelAttribute("form") FactsForm form, BindingResult errors,
            Authentication who, Model model, RedirectAttributes redirect) {
        LabForEdit edit = labs.forEdit(slug, who);
        Set<Language> languages = new LinkedHashSet<>();
        for (String tag : form.getLanguages()) {
            Language.fromTag(tag).ifPresentOrElse(languages::add,
                    () -> errors.rejectValue("languages", "admin.lab.error.language"));
        }
        if (languages.isEmpty()) {
            errors.rejectValue("languages", "admin.lab.error.noLanguage");
        }
        if (errors.hasErrors()) {
            model.addAttribute("edit", edit);
            addFactChoices(model);
            return VIEW_FACTS;
        }
        Set<AccessibilityFeature> accessibility = form.getAccessibility().isEmpty()
                ? EnumSet.noneOf(AccessibilityFeature.class) : EnumSet.copyOf(form.getAccessibility());
        Set<Offer> offers = form.getOffers().isEmpty() ? EnumSet.noneOf(Offer.class) : EnumSet.copyOf(form.getOffers());
        labs.updateFacts(slug, languages, accessibility, offers, form.getPhone(), form.getEmail(), who);
        redirect.addFlashAttribute("saved", "admin.lab.saved.facts");
        return "redirect:/admin/labs/" + slug;
    }

    private static void addFactChoices(Model model) {
        model.addAttribute("allLanguages", Language.values());
        model.addAttribute("allAccessibility", AccessibilityFeature.values());
        model.addAttribute("allOffers", Offer.values());
    }

    static LocalTime parse(String time) {
        if (time == null || time.isBlank()) {
            return null;
        }
        return LocalTime.parse(time.strip());
    }

    /** One row per weekday with up to two periods; times stay text so what was typed survives an error. */
    static class HoursForm {
        private List<DayRow> days = new ArrayList<>();

        static HoursForm of(Map<DayOfWeek, List<DaySchedule.TimeRange>> weekly) {
            HoursForm form = new HoursForm();
            for (DayOfWeek day : DayOfWeek.values()) {
                DayRow row = new DayRow();
                row.setDay(day);
                List<DaySchedule.TimeRange> periods = weekly.getOrDefault(day, List.of());
                if (!periods.isEmpty()) {
                    row.setOpens1(periods.get(0).opens().toString());
                    row.setCloses1(periods.get(0).closes().toString());
                }
                if (periods.size() > 1) {
                    row.setOpens2(periods.get(1).opens().toString());
                    row.setCloses2(periods.get(1).closes().toString());
                }
                form.days.add(row);
            }
            return form;
        }

        Map<DayOfWeek, List<DaySchedule.TimeRange>> toHours(BindingResult errors) {
            Map<DayOfWeek, List<DaySchedule.TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
            if (days.size() != 7) {
                errors.reject("admin.lab.error.hours");
                return hours;
            }
            for (int i = 0; i < 7; i++) {
                DayRow row = days.get(i);
                DayOfWeek day = DayOfWeek.of(i + 1);
                List<DaySchedule.TimeRange> periods = new ArrayList<>();
                DaySchedule.TimeRange first = period(row.getOpens1(), row.getCloses1(), "days[" + i + "].opens1", errors);
                DaySchedule.TimeRange second = period(row.getOpens2(), row.getCloses2(), "days[" + i + "].opens2", errors);
                if (first != null) {
                    periods.add(first);
                }
                if (second != null) {
                    if (first != null && !second.opens().isAfter(first.closes())) {
                        errors.rejectValue("days[" + i + "].opens2", "admin.lab.error.overlap");
                    }
                    periods.add(second);
                }
                hours.put(day, periods);
            }
            return hours;
        }

        private static DaySchedule.TimeRange period(String opens, String closes, String field, BindingResult errors) {
            boolean noOpens = opens == null || opens.isBlank();
            boolean noCloses = closes == null || closes.isBlank();
            if (noOpens && noCloses) {
                return null;
            }
            if (noOpens || noCloses) {
                errors.rejectValue(field, "admin.lab.error.bothTimes");
                return null;
            }
            try {
                LocalTime from = parse(opens);
                LocalTime to = parse(closes);
                if (!from.isBefore(to)) {
                    errors.rejectValue(field, "admin.lab.error.order");
                    return null;
                }
                return new DaySchedule.TimeRange(from, to);
            } catch (DateTimeParseException e) {
                errors.rejectValue(field, "admin.lab.error.time");
                return null;
            }
        }

        public List<DayRow> getDays() {
            return days;
        }

        public void setDays(List<DayRow> days) {
            this.days = days;
        }
    }

    static class DayRow {
        private DayOfWeek day;
        private String opens1;
        private String closes1;
        private String opens2;
        private String closes2;

        public DayOfWeek getDay() { return day; }
        public void setDay(DayOfWeek day) { this.day = day; }
        public String getOpens1() { return opens1; }
        public void setOpens1(String opens1) { this.opens1 = opens1; }
        public String getCloses1() { return closes1; }
        public void setCloses1(String closes1) { this.closes1 = closes1; }
        public String getOpens2() { return opens2; }
        public void setOpens2(String opens2) { this.opens2 = opens2; }
        public String getCloses2() { return closes2; }
        public void setCloses2(String closes2) { this.closes2 = closes2; }
    }

    static class ClosureForm {
        @NotNull
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate day;
        @NotBlank
        private String kind = "CLOSED";
        private String opens;
        private String closes;
        @NotNull
        private ClosureReason reason = ClosureReason.TEAM_DAY;

        void check(BindingResult errors, LocalDate today) {
            if (day != null && day.isBefore(today)) {
                errors.rejectValue("day", "admin.lab.error.past");
            }
            if ("OTHER_HOURS".equals(kind)) {
                HoursForm.period(opens == null ? "" : opens, closes == null ? "" : closes, "opens", errors);
                if ((opens == null || opens.isBlank()) && (closes == null || closes.isBlank())) {
                    errors.rejectValue("opens", "admin.lab.error.bothTimes");
                }
            }
        }

        public LocalDate getDay() { return day; }
        public void setDay(LocalDate day) { this.day = day; }
        public String getKind() { return kind; }
        public void setKind(String kind) { this.kind = kind; }
        public String getOpens() { return opens; }
        public void setOpens(String opens) { this.opens = opens; }
        public String getCloses() { return closes; }
        public void setCloses(String closes) { this.closes = closes; }
        public ClosureReason getReason() { return reason; }
        public void setReason(ClosureReason reason) { this.reason = reason; }
    }

    static class TextsForm {
        @Size(max = 2000)
        private String description = "";
        @Size(max = 2000)
        private String directions = "";

        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description == null ? "" : description; }
        public String getDirections() { return directions; }
        public void setDirections(String directions) { this.directions = directions == null ? "" : directions; }
    }

    static class FactsForm {
        private List<String> languages = new ArrayList<>();
        private List<AccessibilityFeature> accessibility = new ArrayList<>();
        private List<Offer> offers = new ArrayList<>();
        @Size(max = 40)
        private String phone;
        @Email
        @Size(max = 120)
        private String email;

        public List<String> getLanguages() { return languages; }
        public void setLanguages(List<String> languages) { this.languages = languages == null ? new ArrayList<>() : languages; }
        public List<AccessibilityFeature> getAccessibility() { return accessibility; }
        public void setAccessibility(List<AccessibilityFeature> accessibility) { this.accessibility = accessibility == null ? new ArrayList<>() : accessibility; }
        public List<Offer> getOffers() { return offers; }
        public void setOffers(List<Offer> offers) { this.offers = offers == null ? new ArrayList<>() : offers; }
        public String getPhone() { return phone; }
        public void setPhone(String phone) { this.phone = phone; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
    }
}
