package eu.impactlab.consultations;

import eu.impactlab.platform.BremenDistricts;
import eu.impactlab.platform.ImpactLabProperties;

import eu.impactlab.consultations.ConsultationCompleted.Result;
import eu.impactlab.labs.LabAccess;
import eu.impactlab.labs.LabService;
import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The helper's day on a tablet: their appointments with "arrived", "no-show" and "done", the walk-in queue of their
 * labs, short help counted in three taps, and the anonymous outcome form after each help.
 */
@Controller
@RequestMapping("/staff")
class StaffDayController {

    static final String VIEW_DAY = "consultations/staff-day";
    static final String VIEW_CONTACT = "consultations/staff-contact";
    static final String VIEW_OUTCOME = "consultations/outcome";
    static final String VIEW_QUEUE = "consultations/staff-day :: queue";
    static final String VIEW_SHORT_HELP = "consultations/staff-day :: shortHelp";
    static final String VIEW_TICKET = "consultations/ticket";

    private final StaffDesk desk;
    private final WalkInQueue walkIns;
    private final Outcomes outcomes;
    private final ConsultationService consultations;
    private final LabService labs;
    private final ImpactLabProperties properties;

    StaffDayController(StaffDesk desk, WalkInQueue walkIns, Outcomes outcomes, ConsultationService consultations,
            LabService labs, ImpactLabProperties properties) {
        this.properties = properties;
        this.desk = desk;
        this.walkIns = walkIns;
        this.outcomes = outcomes;
        this.consultations = consultations;
        this.labs = labs;
    }

    /** A lab's queue on the day page, with fresh keys for its forms so a double click acts once. */
    record LabQueue(LabView lab, List<WalkInQueue.TicketView> tickets, WalkInQueue.Board board, String drawKey,
            String callKey) {
    }

    // --- the day ---

    @GetMapping("/day")
    String day(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Authentication who, Locale locale, Model model) {
        addDay(date == null ? walkIns.today() : date, null, Map.of(), who, Language.forLocale(locale), model);
        return VIEW_DAY;
    }

    private void addDay(LocalDate date, ShortHelp shortHelp, Map<String, String> errors, Authentication who,
            Language language, Model model) {
        LocalDate today = walkIns.today();
        model.addAttribute("date", date);
        model.addAttribute("today", today);
        model.addAttribute("appointments", desk.appointments(who, date, language));
        if (date.equals(today)) {
            List<LabView> myLabs = desk.labsOf(who, language);
            model.addAttribute("queues", myLabs.stream().map(lab -> queue(lab, language)).toList());
            addShortHelp(myLabs, shortHelp, errors, language, model);
        }
    }

    private LabQueue queue(LabView lab, Language language) {
        return new LabQueue(lab, walkIns.tickets(lab.id(), language), walkIns.board(lab.id()),
                UUID.randomUUID().toString(), UUID.randomUUID().toString());
    }

    private void addShortHelp(List<LabView> myLabs, ShortHelp shortHelp, Map<String, String> errors, Language language,
            Model model) {
        model.addAttribute("myLabs", myLabs);
        model.addAttribute("topics", consultations.topics(language));
        model.addAttribute("languages", List.of(Language.values()));
        model.addAttribute("results", List.of(Result.values()));
        ShortHelp form = shortHelp != null ? shortHelp : new ShortHelp();
        if (form.getLab() == null && !myLabs.isEmpty()) {
            form.setLab(myLabs.get(0).slug());
        }
        if (form.getKey() == null || !errors.isEmpty()) {
            form.setKey(UUID.randomUUID().toString());
        }
        model.addAttribute("shortHelp", form);
        model.addAttribute("errors", errors);
    }

    // --- appointments ---

    @PostMapping("/appointments/{id}/{action:arrived|no-show|done}")
    String step(@PathVariable long id, @PathVariable String action, Authentication who, RedirectAttributes redirect) {
        StaffDesk.Step step = StaffDesk.Step.fromPath(action);
        boolean changed = desk.take(id, step, who);
        if (changed && step == StaffDesk.Step.DONE) {
            return "redirect:/staff/appointments/" + id + "/outcome";
        }
        redirect.addFlashAttribute("saved", changed ? "staff.saved." + step.name() : "staff.notChanged");
        LocalDate day = desk.appointmentFor(id, who).startsAt().atZone(SlotFinder.BREMEN).toLocalDate();
        return dayRedirect(day);
    }

    /** A helper looks up how to reach the person (to say they run late, or the video link fails); audited. */
    @GetMapping("/appointments/{id}/contact")
    String contact(@PathVariable long id, Authentication who, Model model) {
        ConsultationStore.Row row = desk.contactFor(id, who);
        model.addAttribute("appointment", row);
        model.addAttribute("day", row.startsAt().atZone(SlotFinder.BREMEN).toLocalDate());
        model.addAttribute("from", row.startsAt().atZone(SlotFinder.BREMEN).toLocalTime());
        model.addAttribute("to", row.endsAt().atZone(SlotFinder.BREMEN).toLocalTime());
        return VIEW_CONTACT;
    }

    // --- the walk-in queue ---

    // An htmx request gets the lab's queue section back with the result in it, next to the buttons; without JavaScript
    // the browser is sent back to that section (the anchor) and the same result shows there.

    @PostMapping("/labs/{slug}/tickets")
    String draw(@PathVariable String slug, @RequestParam(required = false) String topic,
            @RequestParam(required = false) String language, @RequestParam(required = false) String key,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Authentication who, Locale locale, Model model, RedirectAttributes redirect) {
        long labId = labId(slug, who);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("resultLab", slug);
        if (topic == null || consultations.topic(topic, Language.DE).isEmpty()
                || language == null || Language.fromTag(language).isEmpty()) {
            result.put("queueMessage", "queue.error.ticket");
        } else {
            QueueStore.Ticket ticket = walkIns.draw(labId, topic, Language.fromTag(language).get().tag(), blankToNull(key), who);
            result.put("drawn", ticket.number());
            result.put("drawnId", ticket.id());
            result.put("drawnLab", labName(slug, locale));
            result.put("drawnTopic", consultations.topic(topic, Language.forLocale(locale)).map(TopicView::title).orElse(topic));
        }
        return queueResult(slug, result, htmx, locale, model, redirect);
    }

    @PostMapping("/labs/{slug}/call-next")
    String callNext(@PathVariable String slug, @RequestParam(required = false) String key,
            @RequestParam(required = false) String desk,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Authentication who,
            Locale locale, Model model, RedirectAttributes redirect, jakarta.servlet.http.HttpSession session) {
        long labId = labId(slug, who);
        String myDesk = blankToNull(desk) == null ? null : desk.strip().substring(0, Math.min(desk.strip().length(), 40));
        // The helper's desk stays for their next calls in this session.
        session.setAttribute("desk", myDesk);
        Optional<QueueStore.Ticket> called = walkIns.callNext(labId, blankToNull(key), myDesk, who);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("resultLab", slug);
        if (called.isPresent()) {
            result.put("called", called.get().number());
            result.put("calledLab", labName(slug, locale));
        } else {
            result.put("queueMessage", "queue.nobodyWaiting");
        }
        return queueResult(slug, result, htmx, locale, model, redirect);
    }

    private String queueResult(String slug, Map<String, Object> result, String htmx, Locale locale, Model model,
            RedirectAttributes redirect) {
        if (htmx == null) {
            result.forEach(redirect::addFlashAttribute);
            return "redirect:/staff/day#queue-" + slug;
        }
        LabView lab = labs.lab(slug, Language.forLocale(locale)).orElseThrow();
        model.addAllAttributes(result);
        model.addAttribute("q", queue(lab, Language.forLocale(locale)));
        model.addAttribute("topics", consultations.topics(Language.forLocale(locale)));
        model.addAttribute("languages", List.of(Language.values()));
        return VIEW_QUEUE;
    }

    /** A slip to hand to a walk-in visitor: the number, the lab, when it was drawn and where to watch for it. */
    @GetMapping("/tickets/{id}/slip")
    String ticketSlip(@PathVariable long id, Authentication who, Locale locale, Model model) {
        Language language = Language.forLocale(locale);
        QueueStore.Ticket ticket = walkIns.ticketFor(id, who);
        LabView lab = labs.labs(language).stream().filter(l -> l.id() == ticket.labId()).findFirst().orElseThrow();
        model.addAttribute("ticket", ticket);
        model.addAttribute("lab", lab);
        model.addAttribute("drawnAt", ticket.createdAt().atZone(SlotFinder.BREMEN));
        model.addAttribute("topicTitle", consultations.topic(ticket.topicKey(), language).map(TopicView::title)
                .orElse(ticket.topicKey()));
        model.addAttribute("nowServingUrl", properties.baseUrlWithoutSlash() + "/labs/" + lab.slug() + "/now-serving");
        return VIEW_TICKET;
    }

    @PostMapping("/tickets/{id}/served")
    String served(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        if (walkIns.served(id, who)) {
            return "redirect:/staff/tickets/" + id + "/outcome";
        }
        redirect.addFlashAttribute("saved", "staff.notChanged");
        return "redirect:/staff/day";
    }

    @PostMapping("/tickets/{id}/left")
    String left(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        redirect.addFlashAttribute("saved", walkIns.left(id, who) ? "queue.saved.left" : "staff.notChanged");
        return "redirect:/staff/day";
    }

    // --- short help ---

    /** Short help, three taps: topic, result, save. */
    static class ShortHelp {
        private String lab;
        private String topic;
        private String result;
        private String key;

        public String getLab() { return lab; }
        public void setLab(String lab) { this.lab = lab; }
        public String getTopic() { return topic; }
        public void setTopic(String topic) { this.topic = topic; }
        public String getResult() { return result; }
        public void setResult(String result) { this.result = result; }
        public String getKey() { return key; }
        public void setKey(String key) { this.key = key; }
    }

    @PostMapping("/short-help")
    String shortHelp(@ModelAttribute("shortHelpForm") ShortHelp form,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Authentication who, Locale locale,
            Model model, RedirectAttributes redirect) {
        Optional<Long> labId = labs.idOf(form.getLab() == null ? "" : form.getLab());
        if (labId.isPresent() && !LabAccess.actsFor(who, labId.get())) {
            throw new AccessDeniedException("does not act for this lab");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (labId.isEmpty()) {
            errors.put("short-lab", "shortHelp.error.lab");
        }
        if (form.getTopic() == null || consultations.topic(form.getTopic(), Language.DE).isEmpty()) {
            errors.put("short-topic", "shortHelp.error.topic");
        }
        Result result = OutcomeForm.parse(Result.class, form.getResult());
        if (result == null) {
            errors.put("short-result", "shortHelp.error.result");
        }
        Language language = Language.forLocale(locale);
        if (!errors.isEmpty()) {
            if (htmx != null) {
                addShortHelp(desk.labsOf(who, language), form, errors, language, model);
                return VIEW_SHORT_HELP;
            }
            addDay(walkIns.today(), form, errors, who, language, model);
            return VIEW_DAY;
        }
        outcomes.shortHelp(labId.get(), form.getTopic(), result, blankToNull(form.getKey()), who);
        String savedTopic = consultations.topic(form.getTopic(), language).map(TopicView::title).orElse(form.getTopic());
        if (htmx != null) {
            ShortHelp fresh = new ShortHelp();
            fresh.setLab(form.getLab());
            addShortHelp(desk.labsOf(who, language), fresh, Map.of(), language, model);
            model.addAttribute("shortHelpSaved", savedTopic);
            model.addAttribute("shortHelpResult", result);
            return VIEW_SHORT_HELP;
        }
        redirect.addFlashAttribute("shortHelpSaved", savedTopic);
        redirect.addFlashAttribute("shortHelpResult", result);
        return "redirect:/staff/day#short-help-result";
    }

    // --- outcomes ---

    @GetMapping("/appointments/{id}/outcome")
    String appointmentOutcome(@PathVariable long id, Authentication who, Locale locale, Model model,
            RedirectAttributes redirect) {
        return outcomeForm(outcomes.appointment(id, who), null, locale, model, redirect);
    }

    @PostMapping("/appointments/{id}/outcome")
    String saveAppointmentOutcome(@PathVariable long id, @ModelAttribute("form") OutcomeForm form, BindingResult errors,
            Authentication who, Locale locale, Model model, RedirectAttributes redirect) {
        return saveOutcome(outcomes.appointment(id, who), form, errors, who, locale, model, redirect);
    }

    @GetMapping("/tickets/{id}/outcome")
    String ticketOutcome(@PathVariable long id, Authentication who, Locale locale, Model model,
            RedirectAttributes redirect) {
        return outcomeForm(outcomes.ticket(id, who), null, locale, model, redirect);
    }

    @PostMapping("/tickets/{id}/outcome")
    String saveTicketOutcome(@PathVariable long id, @ModelAttribute("form") OutcomeForm form, BindingResult errors,
            Authentication who, Locale locale, Model model, RedirectAttributes redirect) {
        return saveOutcome(outcomes.ticket(id, who), form, errors, who, locale, model, redirect);
    }

    private String outcomeForm(Outcomes.Subject subject, OutcomeForm form, Locale locale, Model model,
            RedirectAttributes redirect) {
        Optional<String> notNow = notReady(subject);
        if (notNow.isPresent()) {
            redirect.addFlashAttribute("saved", notNow.get());
            return dayRedirect(subject.day());
        }
        Language language = Language.forLocale(locale);
        model.addAttribute("subject", subject);
        model.addAttribute("subjectTopic", consultations.topic(subject.topicKey(), language).map(TopicView::title)
                .orElse(subject.topicKey()));
        model.addAttribute("subjectLanguage", Language.fromTag(subject.language()).orElse(null));
        model.addAttribute("topics", consultations.topics(language));
        model.addAttribute("results", List.of(Result.values()));
        model.addAttribute("referrals", List.of(ConsultationCompleted.Referral.values()));
        model.addAttribute("ageBands", List.of(ConsultationCompleted.AgeBand.values()));
        model.addAttribute("genders", List.of(ConsultationCompleted.Gender.values()));
        model.addAttribute("firstVisits", List.of(ConsultationCompleted.FirstVisit.values()));
        model.addAttribute("districts", BremenDistricts.GROUPS);
        model.addAttribute("districtLabels", BremenDistricts.ALL.stream()
                .collect(Collectors.toMap(d -> d, BremenDistricts::label)));
        if (form != null) {
            model.addAttribute("form", form);
        } else if (!model.containsAttribute("form")) {
            model.addAttribute("form", OutcomeForm.prefilled(subject.topicKey(), subject.suggestedMinutes()));
        }
        model.addAttribute("action", subject.kind() == ConsultationCompleted.Kind.APPOINTMENT
                ? "/staff/appointments/" + subject.id() + "/outcome"
                : "/staff/tickets/" + subject.id() + "/outcome");
        return VIEW_OUTCOME;
    }

    private String saveOutcome(Outcomes.Subject subject, OutcomeForm form, BindingResult errors, Authentication who,
            Locale locale, Model model, RedirectAttributes redirect) {
        Set<String> known = consultations.topics(Language.DE).stream().map(TopicView::key).collect(Collectors.toSet());
        Optional<OutcomeForm.Answers> answers = form.validate(errors, known);
        if (answers.isEmpty()) {
            return outcomeForm(subject, form, locale, model, redirect);
        }
        Optional<String> notNow = notReady(subject);
        if (notNow.isPresent()) {
            redirect.addFlashAttribute("saved", notNow.get());
            return dayRedirect(subject.day());
        }
        boolean saved = outcomes.record(subject, answers.get(), who.getName());
        redirect.addFlashAttribute("saved", saved ? "outcome.saved" : "outcome.alreadySaved");
        return dayRedirect(subject.day());
    }

    private static Optional<String> notReady(Outcomes.Subject subject) {
        if (subject.recorded()) {
            return Optional.of("outcome.alreadySaved");
        }
        return subject.ready() ? Optional.empty() : Optional.of("outcome.notReady");
    }

    private long labId(String slug, Authentication who) {
        long labId = labs.idOf(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!LabAccess.actsFor(who, labId)) {
            throw new AccessDeniedException("does not act for this lab");
        }
        return labId;
    }

    private String labName(String slug, Locale locale) {
        return labs.lab(slug, Language.forLocale(locale)).map(LabView::name).orElse(slug);
    }

    private String dayRedirect(LocalDate day) {
        return day.equals(walkIns.today()) ? "redirect:/staff/day" : "redirect:/staff/day?date=" + day;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
