package eu.impactlab.equipment;

import eu.impactlab.labs.LabService;
import eu.impactlab.labs.Language;
import eu.impactlab.platform.ApiProblems;
import eu.impactlab.platform.BadInputException;
import eu.impactlab.platform.IdempotencyKeys;
import eu.impactlab.platform.ImpactLabProperties;
import eu.impactlab.platform.InputDates;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The public equipment API: machines, free times and reservations by pass code; no session or CSRF token. */
@RestController
@Tag(name = "Equipment", description = "Maker machines and reservations with a maker pass")
class EquipmentApiController {

    static final int MAX_DAYS = 31;

    private final MachineStore machines;
    private final Reservations reservations;
    private final LabService labs;
    private final MessageSource messages;
    private final ApiProblems problems;
    private final ImpactLabProperties properties;
    private final MachineTexts texts;

    EquipmentApiController(MachineStore machines, Reservations reservations, LabService labs, MessageSource messages, ApiProblems problems,
            ImpactLabProperties properties, MachineTexts texts) {
        this.texts = texts;
        this.machines = machines;
        this.reservations = reservations;
        this.labs = labs;
        this.messages = messages;
        this.problems = problems;
        this.properties = properties;
    }

    record MachineJson(long id, String name, String type, String state, boolean inductionRequired, String inductionType) {
    }

    record FreeTimeJson(OffsetDateTime start, OffsetDateTime end) {
        static FreeTimeJson of(FreeTime t) {
            return new FreeTimeJson(t.start().toOffsetDateTime(), t.end().toOffsetDateTime());
        }
    }

    record ReservationRequestJson(String passCode, String start, String end) {
    }

    record ReservationJson(long id, long machineId, String status, OffsetDateTime start, OffsetDateTime end, String manageUrl,
            String calendarUrl) {
    }

    record ConflictJson(String message, List<FreeTimeJson> alternatives) {
    }

    @GetMapping("/api/v1/labs/{slug}/machines")
    @Operation(summary = "The lab's machines (retired ones left out) with their state and whether an induction is needed; "
            + "names in the language of Accept-Language (or lang), German where a machine has no name in it")
    List<MachineJson> machines(@PathVariable String slug, java.util.Locale locale) {
        long lab = labs.idOf(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such lab"));
        List<Machine> list = machines.atLab(lab, false);
        var names = texts.in(list, eu.impactlab.labs.Language.forLocale(locale));
        return list.stream().map(m -> new MachineJson(m.id(), names.get(m.id()).name(), m.type().name(), m.state(),
                m.inductionRequired(), m.inductionType() == null ? null : m.inductionType().name())).toList();
    }

    @GetMapping("/api/v1/machines/{id}/slots")
    @Operation(summary = "Free times of a machine within the lab's opening hours; from/to (ISO dates) default to today and a week later")
    List<FreeTimeJson> slots(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Machine machine = machines.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such machine"));
        if (!InputDates.plausible(from) || !InputDates.plausible(to)) {
            throw new BadInputException("input.error.dateRange", null);
        }
        LocalDate first = from == null ? LocalDate.now(Reservations.BREMEN) : from;
        LocalDate last = to == null ? first.plusDays(7) : to;
        if (last.isBefore(first) || last.isAfter(first.plusDays(MAX_DAYS))) {
            throw new BadInputException("input.error.dateRange", null);
        }
        return reservations.freeTimes(machine, first, last).stream().map(FreeTimeJson::of).toList();
    }

    @PostMapping(path = "/api/v1/machines/{id}/reservations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Reserve a machine with a pass code: 201 reserved, 409 taken (with the nearest free times), "
            + "403 no valid induction, 400 bad input. Send an Idempotency-Key header to make retries safe.")
    ResponseEntity<?> reserve(@PathVariable long id, @RequestBody ReservationRequestJson body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        ZonedDateTime start = parse(body.start(), "start", errors);
        ZonedDateTime end = parse(body.end(), "end", errors);
        if (body.passCode() == null || body.passCode().isBlank()) {
            errors.put("passCode", "equipment.error.passUnknown");
        }
        if (idempotencyKey != null && !IdempotencyKeys.acceptable(idempotencyKey)) {
            errors.put("idempotencyKey", "input.error.idempotencyKey");
        }
        if (!errors.isEmpty()) {
            return problems.invalid(errors, locale);
        }
        ReservationOutcome outcome = reservations.reserve(new Reservations.Request(id, body.passCode(), start, end,
                Language.forLocale(locale).tag(), idempotencyKey == null ? null : "api:" + idempotencyKey));
        if (outcome instanceof ReservationOutcome.Reserved r) {
            ReservationJson json = json(r.reservation(), r.token());
            return ResponseEntity.created(URI.create(json.manageUrl())).body(json);
        }
        if (outcome instanceof ReservationOutcome.Repeated r) {
            return ResponseEntity.ok(json(r.reservation(), null));
        }
        if (outcome instanceof ReservationOutcome.Taken t) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(new ConflictJson(
                    messages.getMessage("equipment.taken", null, locale), t.alternatives().stream().map(FreeTimeJson::of).toList()));
        }
        if (outcome instanceof ReservationOutcome.Refused r) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, messages.getMessage(r.messageKey(), null, locale));
            problem.setTitle(messages.getMessage("equipment.refused.title", null, locale));
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
        }
        return problems.invalid(((ReservationOutcome.Invalid) outcome).errors(), locale);
    }

    private static ZonedDateTime parse(String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            errors.put(field, "equipment.error." + field);
            return null;
        }
        try {
            return OffsetDateTime.parse(value).atZoneSameInstant(Reservations.BREMEN);
        } catch (DateTimeParseException e) {
            errors.put(field, "equipment.error." + field);
            return null;
        }
    }

    /** The manage and calendar links exist only in the first answer: the database keeps just the token's hash. */
    private ReservationJson json(Reservation r, String token) {
        String manage = token == null ? null : properties.publicAddress() + "/reservations/" + token;
        return new ReservationJson(r.id(), r.machineId(), r.status(), r.start().toOffsetDateTime(), r.end().toOffsetDateTime(),
                manage, manage == null ? null : manage + "/calendar.ics");
    }
}
