package eu.impactlab.equipment;

import eu.impactlab.labs.LabService;
import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import eu.impactlab.platform.FormGuard;
import eu.impactlab.platform.ImpactLabProperties;
import eu.impactlab.platform.QrCodes;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * The citizen's pages: a lab's machines, a machine with its free times and the reservation form (pass code, day,
 * time, length), the private reservation page with cancel and calendar file, and the maker pass with its card.
 */
@Controller
class MachinePagesController {

    static final List<Integer> LENGTHS = List.of(30, 60, 90, 120, 180, 240);

    private final MachineStore machines;
    private final Reservations reservations;
    private final MakerPasses passes;
    private final ReservationMails mails;
    private final LabService labs;
    private final MessageSource messages;
    private final ImpactLabProperties properties;

    static final String SESSION_SHOWN = "equipment.form.shownAt";

    private final MachineTexts texts;
    private final FormGuard guard;
    private final Clock clock;

    MachinePagesController(MachineStore machines, Reservations reservations, MakerPasses passes, ReservationMails mails,
            LabService labs, MessageSource messages, ImpactLabProperties properties, MachineTexts texts,
            FormGuard guard, Clock clock) {
        this.texts = texts;
        this.guard = guard;
        this.clock = clock;
        this.machines = machines;
        this.reservations = reservations;
        this.passes = passes;
        this.mails = mails;
        this.labs = labs;
        this.messages = messages;
        this.properties = properties;
    }

    @GetMapping("/labs/{slug}/machines")
    String list(@PathVariable String slug, Locale locale, Model model) {
        LabView lab = labs.lab(slug, Language.forLocale(locale)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("lab", lab);
        List<Machine> list = machines.atLab(lab.id(), false);
        model.addAttribute("machines", list);
        model.addAttribute("texts", texts.in(list, Language.forLocale(locale)));
        return "equipment/machines";
    }

    /** The form's answers as typed, so an error shows them again. */
    record Form(String passCode, String day, String time, Integer minutes) {
    }

    @GetMapping("/machines/{id}")
    String machine(@PathVariable long id, Locale locale, Model model, HttpSession session) {
        session.setAttribute(SESSION_SHOWN, Instant.now(clock));
        return page(machine(id), new Form("", null, null, 60), Map.of(), null, locale, model);
    }

    @PostMapping("/machines/{id}/reserve")
    String reserve(@PathVariable long id, @RequestParam(defaultValue = "") String passCode, @RequestParam(required = false) String day,
            @RequestParam(required = false) String time, @RequestParam(required = false) Integer minutes,
            @RequestParam(required = false) String formKey, @RequestParam(required = false) String website, Locale locale,
            Model model, HttpSession session) {
        Machine machine = machine(id);
        Form form = new Form(passCode.strip(), day, time, minutes);
        // Sent faster than a person types, or with the hidden field filled: nothing reserved, the same page asks calmly to
        // send it again; the clock runs from the first showing, so a person gets through, a script at machine speed never.
        Instant shownAt = (Instant) session.getAttribute(SESSION_SHOWN);
        if (!guard.looksHuman(website, shownAt)) {
            if (shownAt == null) {
                session.setAttribute(SESSION_SHOWN, Instant.now(clock));
            }
            model.addAttribute("sendAgain", true);
            return page(machine, form, Map.of(), null, locale, model);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.passCode().isEmpty()) {
            errors.put("passCode", "equipment.error.passMissing");
        }
        ZonedDateTime start = null;
        try {
            start = LocalDate.parse(day).atTime(LocalTime.parse(time)).atZone(Reservations.BREMEN);
        } catch (DateTimeParseException | NullPointerException e) {
            errors.put("time", "equipment.error.start");
        }
        if (minutes == null || !LENGTHS.contains(minutes)) {
            errors.put("minutes", "equipment.error.end");
        }
        if (!errors.isEmpty()) {
            return page(machine, form, errors, null, locale, model);
        }
        ReservationOutcome outcome = reservations.reserve(new Reservations.Request(id, form.passCode(), start,
                start.plusMinutes(minutes), Language.forLocale(locale).tag(),
                formKey == null || formKey.isBlank() || formKey.length() > 60 ? null : "form:" + formKey));
        if (outcome instanceof ReservationOutcome.Reserved r) {
            return "redirect:/reservations/" + r.token() + "?reserved";
        }
        if (outcome instanceof ReservationOutcome.Repeated) {
            model.addAttribute("repeated", true);
            return page(machine, form, Map.of(), null, locale, model);
        }
        if (outcome instanceof ReservationOutcome.Taken t) {
            return page(machine, form, Map.of("time", "equipment.taken"), t.alternatives(), locale, model);
        }
        if (outcome instanceof ReservationOutcome.Refused r) {
            return page(machine, form, Map.of("passCode", r.messageKey()), null, locale, model);
        }
        Map<String, String> invalid = new LinkedHashMap<>(((ReservationOutcome.Invalid) outcome).errors());
        // The form asks for a day and a time, the service speaks of start and end: errors go beside the field asked.
        String startError = invalid.remove("start");
        String endError = invalid.remove("end");
        if (startError != null) {
            invalid.put("time", startError);
        }
        if (endError != null) {
            invalid.put("minutes", endError);
        }
        invalid.remove("idempotencyKey");
        return page(machine, form, invalid, null, locale, model);
    }

    private String page(Machine machine, Form form, Map<String, String> errors, List<FreeTime> alternatives, Locale locale, Model model) {
        LocalDate today = LocalDate.now(Reservations.BREMEN);
        model.addAttribute("machine", machine);
        model.addAttribute("text", texts.in(machine, Language.forLocale(locale)));
        model.addAttribute("lab", labs.lab(reservations.slug(machine.labId()), Language.forLocale(locale)).orElseThrow());
        List<FreeTime> free = reservations.freeTimes(machine, today, today.plusDays(13));
        model.addAttribute("free", free);
        model.addAttribute("days", free.stream().map(f -> f.start().toLocalDate()).distinct().toList());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("alternatives", alternatives);
        model.addAttribute("lengths", LENGTHS.stream().filter(m -> m <= machine.maxMinutes()).toList());
        model.addAttribute("formKey", java.util.UUID.randomUUID().toString());
        return "equipment/machine";
    }

    private Machine machine(long id) {
        return machines.byId(id).filter(m -> !"RETIRED".equals(m.state()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** A machine's photo; its address carries the photo's hash, so browsers and proxies may keep it for a year. */
    @GetMapping("/machines/{id}/photo")
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        machine(id);
        MachineTexts.Photo photo = texts.photo(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType())).eTag(photo.sha256())
                .cacheControl(org.springframework.http.CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .body(photo.data());
    }

    // --- the private reservation link ---

    @GetMapping("/reservations/{token}")
    String reservation(@PathVariable String token, Locale locale, Model model) {
        Reservation r = reservations.byToken(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("reservation", r);
        model.addAttribute("lab", labs.lab(reservations.slug(r.labId()), Language.forLocale(locale)).orElseThrow());
        model.addAttribute("token", token);
        model.addAttribute("manageUrl", properties.publicAddress() + "/reservations/" + token);
        // there is no SMS channel: without an e-mail address on the pass nothing reminds them, so the page says so
        model.addAttribute("noMail", r.passCode() == null
                || passes.byCode(r.passCode()).map(p -> p.email() == null || p.email().isBlank()).orElse(true));
        return "equipment/reservation";
    }

    @GetMapping("/reservations/{token}/cancel")
    String askCancel(@PathVariable String token, Locale locale, Model model) {
        reservation(token, locale, model);
        return "equipment/reservation-cancel";
    }

    /** The form's and the API's cancel: JSON callers get the new status, people the reservation page again. */
    @PostMapping("/reservations/{token}/cancel")
    Object cancel(@PathVariable String token, @RequestHeader(name = "Accept", defaultValue = "") String accept) {
        Reservation r = reservations.byToken(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean cancelled = reservations.cancel(token);
        if (accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
            return ResponseEntity.status(cancelled || "CANCELLED".equals(r.status()) ? HttpStatus.OK : HttpStatus.CONFLICT)
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("status", cancelled ? "CANCELLED" : r.status()));
        }
        return "redirect:/reservations/" + token + (cancelled ? "?cancelled" : "");
    }

    @GetMapping("/reservations/{token}/calendar.ics")
    ResponseEntity<byte[]> calendar(@PathVariable String token) {
        Reservation r = reservations.byToken(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().header("Content-Type", "text/calendar; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"reservierung.ics\"")
                .body(mails.calendarFile(r, properties.publicAddress() + "/reservations/" + token));
    }

    // --- the maker pass ---

    @GetMapping("/passes/{token}")
    String pass(@PathVariable String token, Locale locale, Model model) {
        MakerPasses.Pass pass = passes.byToken(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("pass", pass);
        model.addAttribute("token", token);
        model.addAttribute("inductions", passes.inductions(pass.id()));
        model.addAttribute("reservations", reservations.ofPass(pass.id()));
        model.addAttribute("now", Instant.now());
        // the template cannot reach the package-private zone constant, so it gets it here
        model.addAttribute("zone", Reservations.BREMEN);
        model.addAttribute("lab", labs.lab(reservations.slug(pass.labId()), Language.forLocale(locale)).orElseThrow());
        return "equipment/pass";
    }

    @GetMapping("/passes/{token}/card")
    String card(@PathVariable String token, Locale locale, Model model) {
        pass(token, locale, model);
        // The way back to the pass for people without e-mail: its private link as a QR code on the printed card.
        model.addAttribute("qr", QrCodes.svg(properties.publicAddress() + "/passes/" + token,
                messages.getMessage("equipment.card.qr", null, locale)));
        return "equipment/card";
    }

    @GetMapping(path = "/passes/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> passJson(@PathVariable String token) {
        MakerPasses.Pass pass = passes.byToken(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return Map.of("code", pass.code(), "inductions", passes.inductions(pass.id()).stream()
                .map(i -> Map.of("type", i.type().name(), "validUntil", i.validUntil().toString())).toList());
    }
}
