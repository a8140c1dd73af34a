package eu.impactlab.consultations;

import eu.impactlab.labs.LabService;
import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import eu.impactlab.platform.BadInputException;
import eu.impactlab.platform.FormGuard;
import eu.impactlab.platform.InputDates;
import jakarta.servlet.http.HttpSession;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Booking help without an account, one question per page: topic → language → lab → time → way of meeting →
 * how we may reach you → check → done. Every step is a plain link or form, so it works without JavaScript; the
 * answers so far travel in the address.
 */
@Controller
@RequestMapping("/book")
class BookingController {

    static final String SESSION_TOKENS = "booking.tokens";
    static final String SESSION_STARTED = "booking.contactStartedAt";
    static final String SESSION_CONTACT = "booking.contact";
    static final int DAYS_SHOWN = 14;

    private final ConsultationService consultations;
    private final LabService labs;
    private final FormGuard guard;
    private final ConsultationsProperties properties;

    BookingController(ConsultationService consultations, LabService labs, FormGuard guard, ConsultationsProperties properties) {
        this.consultations = consultations;
        this.labs = labs;
        this.guard = guard;
        this.properties = properties;
    }

    /** The answers given so far; each page reads them from the address and passes them on. */
    static class Answers {
        private String topic;
        private String language;
        private String lab;
        private String start;
        private String mode;
        private String name;
        private String email;
        private String phone;
        private boolean consent;
        private String website; // the honeypot: people never see it, bots fill it in
        private String key;

        public String getTopic() { return topic; }
        public void setTopic(String topic) { this.topic = topic; }
        public String getLanguage() { return language; }
        public void setLanguage(String language) { this.language = language; }
        public String getLab() { return lab; }
        public void setLab(String lab) { this.lab = lab; }
        public String getStart() { return start; }
        public void setStart(String start) { this.start = start; }
        public String getMode() { return mode; }
        public void setMode(String mode) { this.mode = mode; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public String getPhone() { return phone; }
        public void setPhone(String phone) { this.phone = phone; }
        public boolean isConsent() { return consent; }
        public void setConsent(boolean consent) { this.consent = consent; }
        public String getWebsite() { return website; }
        public void setWebsite(String website) { this.website = website; }
        public String getKey() { return key; }
        public void setKey(String key) { this.key = key; }

        /** Times travel as local Bremen time ("2026-11-27T09:00"): a "+01:00" would turn into a space in an address. */
        OffsetDateTime startTime() {
            try {
                OffsetDateTime time = start == null ? null
                        : java.time.LocalDateTime.parse(start).atZone(SlotFinder.BREMEN).toOffsetDateTime();
                return time == null || InputDates.plausible(time.toLocalDate()) ? time : null;
            } catch (DateTimeException e) {
                return null;
            }
        }

        Mode modeValue() {
            try {
                return mode == null ? null : Mode.valueOf(mode);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    @GetMapping
    String start() {
        return "consultations/book-start";
    }

    @GetMapping("/topic")
    String topic(@ModelAttribute("answers") Answers answers, Locale locale, Model model) {
        model.addAttribute("topics", consultations.topics(Language.forLocale(locale)));
        return "consultations/book-topic";
    }

    @GetMapping("/language")
    String language(@ModelAttribute("answers") Answers answers, Locale locale, Model model) {
        if (consultations.topic(answers.getTopic(), Language.DE).isEmpty()) {
            return "redirect:/book/topic";
        }
        Language ui = Language.forLocale(locale);
        List<Language> spoken = new ArrayList<>();
        for (Language language : Language.values()) {
            if (consultations.someoneSpeaks(language.tag())) {
                spoken.add(language);
            }
        }
        // The page's own language first, then German, then the others.
        spoken.sort(Comparator.comparing((Language l) -> l != ui).thenComparing(l -> l != Language.DE));
        model.addAttribute("languages", spoken);
        addTopic(answers, locale, model);
        return "consultations/book-language";
    }

    @GetMapping("/lab")
    String lab(@ModelAttribute("answers") Answers answers, Locale locale, Model model) {
        if (consultations.topic(answers.getTopic(), Language.DE).isEmpty() || Language.fromTag(answers.getLanguage()).isEmpty()) {
            return "redirect:/book/topic";
        }
        LocalDate today = LocalDate.now(SlotFinder.BREMEN);
        Map<LabView, Optional<Slot>> next = new LinkedHashMap<>();
        for (LabView lab : labs.labs(Language.forLocale(locale))) {
            next.put(lab, consultations.freeSlots(lab.slug(), answers.getTopic(), answers.getLanguage(), today,
                    today.plusDays(DAYS_SHOWN)).stream().findFirst());
        }
        model.addAttribute("labs", next);
        addTopic(answers, locale, model);
        return "consultations/book-lab";
    }

    @GetMapping("/time")
    String time(@ModelAttribute("answers") Answers answers,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String day, Locale locale, Model model) {
        if (consultations.topic(answers.getTopic(), Language.DE).isEmpty() || Language.fromTag(answers.getLanguage()).isEmpty()) {
            return "redirect:/book/topic";
        }
        LocalDate today = LocalDate.now(SlotFinder.BREMEN);
        List<LabView> candidates = labs.labs(Language.forLocale(locale)).stream()
                .filter(l -> "any".equals(answers.getLab()) || l.slug().equals(answers.getLab()))
                .toList();
        if (candidates.isEmpty()) {
            return "redirect:/book/lab?topic=" + answers.getTopic() + "&language=" + answers.getLanguage();
        }
        List<TimeChoice> times = new ArrayList<>();
        for (LabView lab : candidates) {
            consultations.freeSlots(lab.slug(), answers.getTopic(), answers.getLanguage(), today, today.plusDays(DAYS_SHOWN))
                    .forEach(slot -> times.add(new TimeChoice(lab, slot)));
        }
        times.sort(Comparator.comparing((TimeChoice t) -> t.slot().start()).thenComparing(t -> t.lab().id()));
        Map<LocalDate, List<TimeChoice>> byDay = times.stream().collect(Collectors.groupingBy(
                t -> t.slot().start().toLocalDate(), LinkedHashMap::new, Collectors.toList()));
        addDayChoice(byDay, day, model);
        model.addAttribute("anyLab", "any".equals(answers.getLab()));
        model.addAttribute("labView", candidates.size() == 1 ? candidates.get(0) : null);
        addTopic(answers, locale, model);
        return "consultations/book-time";
    }

    /**
     * Two weeks of times are too many for one phone screen: the page lists the days with their number of free times
     * and shows the times of one day, the chosen one or else the first, so the earliest time still needs no extra tap.
     */
    static <T> void addDayChoice(Map<LocalDate, List<T>> byDay, String wished, Model model) {
        LocalDate chosen = null;
        try {
            chosen = wished == null ? null : LocalDate.parse(wished);
        } catch (DateTimeParseException e) {
            // an unreadable day shows the first one
        }
        if (chosen == null || !byDay.containsKey(chosen)) {
            chosen = byDay.isEmpty() ? null : byDay.keySet().iterator().next();
        }
        Map<LocalDate, Integer> counts = new LinkedHashMap<>();
        byDay.forEach((date, times) -> counts.put(date, times.size()));
        model.addAttribute("days", counts);
        model.addAttribute("chosenDay", chosen);
        model.addAttribute("times", chosen == null ? List.of() : byDay.get(chosen));
    }

    record TimeChoice(LabView lab, Slot slot) {
        public String startParam() {
            return slot.start().toLocalDateTime().toString();
        }
    }

    @GetMapping("/mode")
    String mode(@ModelAttribute("answers") Answers answers, Locale locale, Model model) {
        Optional<Slot> slot = chosenSlot(answers);
        if (slot.isEmpty()) {
            return "redirect:/book/time?" + query(answers, "topic", "language", "lab") + "&taken";
        }
        model.addAttribute("modes", slot.get().modes().stream().sorted().toList());
        addSummary(answers, locale, model);
        return "consultations/book-mode";
    }

    /**
     * Name, e-mail, phone and consent as last typed, kept in the session rather than the address (where they would
     * land in histories and logs), so going back to change another answer never wipes them.
     */
    record ContactAnswers(String name, String email, String phone, boolean consent) implements java.io.Serializable {
    }

    @GetMapping("/contact")
    String contact(@ModelAttribute("answers") Answers answers, Locale locale, Model model, HttpSession session) {
        if (chosenSlot(answers).isEmpty() || answers.modeValue() == null) {
            return "redirect:/book/time?" + query(answers, "topic", "language", "lab") + "&taken";
        }
        if (session.getAttribute(SESSION_STARTED) == null) {
            session.setAttribute(SESSION_STARTED, Instant.now());
        }
        if (session.getAttribute(SESSION_CONTACT) instanceof ContactAnswers earlier) {
            answers.setName(earlier.name());
            answers.setEmail(earlier.email());
            answers.setPhone(earlier.phone());
            answers.setConsent(earlier.consent());
        }
        addSummary(answers, locale, model);
        return "consultations/book-contact";
    }

    @PostMapping("/check")
    String check(@ModelAttribute("answers") Answers answers, Locale locale, Model model, HttpSession session) {
        requireIntactChoices(answers);
        session.setAttribute(SESSION_CONTACT, new ContactAnswers(answers.getName(), answers.getEmail(), answers.getPhone(),
                answers.isConsent()));
        Map<String, String> errors = contactErrors(answers);
        if (answers.getWebsite() != null && !answers.getWebsite().isBlank()) {
            errors.put("[global]", "booking.error.tooFast");
        }
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            addSummary(answers, locale, model);
            return "consultations/book-contact";
        }
        // Sent faster than a person types: nothing to fix, so the same page asks calmly to send it once more; the
        // clock keeps running from the first showing, so a person gets through on a later tap, a form sent at machine speed never.
        Instant shownAt = (Instant) session.getAttribute(SESSION_STARTED);
        if (!guard.looksHuman(answers.getWebsite(), shownAt)) {
            if (shownAt == null) {
                session.setAttribute(SESSION_STARTED, Instant.now());
            }
            model.addAttribute("sendAgain", true);
            addSummary(answers, locale, model);
            return "consultations/book-contact";
        }
        answers.setKey(UUID.randomUUID().toString());
        addSummary(answers, locale, model);
        return "consultations/book-check";
    }

    @PostMapping("/confirm")
    String confirm(@ModelAttribute("answers") Answers answers, Locale locale, Model model, HttpSession session) {
        requireIntactChoices(answers);
        BookingOutcome outcome = consultations.book(new BookingRequest(answers.getLab(), answers.getTopic(),
                answers.getLanguage(), answers.startTime(), answers.modeValue(), answers.getName(), answers.getEmail(),
                answers.getPhone(), answers.isConsent(), Language.forLocale(locale).tag(),
                answers.getKey() == null ? null : "form:" + answers.getKey()));
        if (outcome instanceof BookingOutcome.Booked booked) {
            tokens(session).put(answers.getKey(), booked.manageToken());
            session.removeAttribute(SESSION_CONTACT);
            session.removeAttribute(SESSION_STARTED);
            return "redirect:/appointments/" + booked.manageToken() + "?booked";
        }
        if (outcome instanceof BookingOutcome.Repeated repeated) {
            String token = tokens(session).get(answers.getKey());
            if (token != null) {
                return "redirect:/appointments/" + token + "?booked";
            }
            model.addAttribute("appointment", repeated.appointment());
            return "consultations/book-repeated";
        }
        if (outcome instanceof BookingOutcome.Taken taken) {
            model.addAttribute("alternatives", taken.alternatives());
            addSummary(answers, locale, model);
            return "consultations/book-taken";
        }
        model.addAttribute("errors", ((BookingOutcome.Invalid) outcome).errors());
        addSummary(answers, locale, model);
        return "consultations/book-contact";
    }

    /**
     * The choices of the earlier steps come back in hidden fields; when one was changed into something no step offers,
     * the person starts again (a 400 page) instead of seeing a half-filled check page.
     */
    private void requireIntactChoices(Answers answers) {
        if (consultations.topic(answers.getTopic(), Language.DE).isEmpty() || Language.fromTag(answers.getLanguage()).isEmpty()
                || labs.idOf(answers.getLab()).isEmpty() || answers.startTime() == null || answers.modeValue() == null) {
            throw new BadInputException("input.error.choicesChanged", "/book");
        }
    }

    private Optional<Slot> chosenSlot(Answers answers) {
        OffsetDateTime start = answers.startTime();
        if (start == null || labs.idOf(answers.getLab() == null ? "" : answers.getLab()).isEmpty()) {
            return Optional.empty();
        }
        LocalDate day = start.atZoneSameInstant(SlotFinder.BREMEN).toLocalDate();
        return consultations.freeSlots(answers.getLab(), answers.getTopic(), answers.getLanguage(), day, day).stream()
                .filter(s -> s.start().toInstant().equals(start.toInstant()))
                .findFirst();
    }

    private static Map<String, String> contactErrors(Answers answers) {
        return ConsultationService.contactErrors(answers.getName(), answers.getEmail(), answers.getPhone(), answers.isConsent());
    }

    private void addTopic(Answers answers, Locale locale, Model model) {
        consultations.topic(answers.getTopic(), Language.forLocale(locale)).ifPresent(t -> model.addAttribute("topic", t));
        Language.fromTag(answers.getLanguage()).ifPresent(l -> model.addAttribute("language", l));
    }

    private void addSummary(Answers answers, Locale locale, Model model) {
        addTopic(answers, locale, model);
        labs.lab(answers.getLab() == null ? "" : answers.getLab(), Language.forLocale(locale)).ifPresent(l -> model.addAttribute("labView", l));
        OffsetDateTime start = answers.startTime();
        if (start != null) {
            model.addAttribute("startTime", start.atZoneSameInstant(SlotFinder.BREMEN));
            consultations.topic(answers.getTopic(), Language.DE).ifPresent(t ->
                    model.addAttribute("endTime", start.atZoneSameInstant(SlotFinder.BREMEN).plus(Duration.ofMinutes(t.minutes()))));
        }
        model.addAttribute("modeValue", answers.modeValue());
        model.addAttribute("retentionDays", properties.retentionDays());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> tokens(HttpSession session) {
        Map<String, String> tokens = (Map<String, String>) session.getAttribute(SESSION_TOKENS);
        if (tokens == null) {
            tokens = new HashMap<>();
            session.setAttribute(SESSION_TOKENS, tokens);
        }
        return tokens;
    }

    private static String query(Answers answers, String... fields) {
        Map<String, String> values = Map.of(
                "topic", String.valueOf(answers.getTopic()), "language", String.valueOf(answers.getLanguage()),
                "lab", String.valueOf(answers.getLab()));
        List<String> parts = new ArrayList<>();
        for (String field : fields) {
            parts.add(field + "=" + java.net.URLEncoder.encode(values.get(field), java.nio.charset.StandardCharsets.UTF_8));
        }
        return String.join("&", parts);
    }
}
