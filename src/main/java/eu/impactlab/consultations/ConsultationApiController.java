package eu.impactlab.consultations;

import eu.impactlab.labs.LabService;
import eu.impactlab.labs.Language;
import eu.impactlab.platform.ApiProblems;
import eu.impactlab.platform.BadInputException;
import eu.impactlab.platform.IdempotencyKeys;
import eu.impactlab.platform.ImpactLabProperties;
import eu.impactlab.platform.InputDates;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.ObjectMapper;

/** The public booking API: no account, session or CSRF token; messages in the caller's language. */
@RestController
@Tag(name = "Consultations", description = "Book an hour of help without an account")
class ConsultationApiController {

    static final int MAX_DAYS = 31;

    private final ConsultationService consultations;
    private final LabService labs;
    private final MessageSource messages;
    private final ApiProblems problems;
    private final ImpactLabProperties properties;
    private final KeptFreeTimes kept;
    private final ObjectMapper json;

    ConsultationApiController(ConsultationService consultations, LabService labs, MessageSource messages, ApiProblems problems,
            ImpactLabProperties properties, KeptFreeTimes kept, ObjectMapper json) {
        this.kept = kept;
        this.json = json;
        this.consultations = consultations;
        this.labs = labs;
        this.messages = messages;
        this.problems = problems;
        this.properties = properties;
    }

    record TopicJson(String key, String title, int minutes) {
    }

    record SlotJson(OffsetDateTime start, OffsetDateTime end, Set<Mode> modes, int available) {
        static SlotJson of(Slot slot) {
            return new SlotJson(slot.start().toOffsetDateTime(), slot.end().toOffsetDateTime(), slot.modes(), slot.available());
        }
    }

    record AppointmentRequestJson(String lab, String topic, String language, String start, String mode, String name,
            String email, String phone, Boolean consent) {
    }

    record AppointmentJson(String code, OffsetDateTime start, OffsetDateTime end, String lab, String topic, String language,
            Mode mode, String status, String meetingUrl, String manageUrl, String calendarUrl) {
    }

    record ConflictJson(String message, List<SlotJson> alternatives) {
    }

    @GetMapping("/api/v1/topics")
    @Operation(summary = "Consultation topics with their title in the requested language (Accept-Language or lang) and duration in minutes")
    List<TopicJson> topics(Locale locale) {
        return consultations.topics(Language.forLocale(locale)).stream()
                .map(t -> new TopicJson(t.key(), t.title(), t.minutes())).toList();
    }

    @GetMapping("/api/v1/labs/{slug}/slots")
    @Operation(summary = "Free times at a lab for a topic and a language; from/to default to today and a week later")
    ResponseEntity<?> slots(@PathVariable String slug, @RequestParam String topic, @RequestParam String language,
            @Parameter(description = "first day, ISO date") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "last day, ISO date") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(hidden = true) @RequestAttribute(name = KeptFreeTimes.MISSED, required = false) KeptFreeTimes.Lookup missed,
            Locale locale) {
        if (!InputDates.plausible(from) || !InputDates.plausible(to)) {
            throw new BadInputException("input.error.dateRange", null);
        }
        LocalDate first = from == null ? LocalDate.now(SlotFinder.BREMEN) : from;
        LocalDate last = to == null ? first.plusDays(7) : to;
        // Only answers to valid questions are kept, so a kept answer needs no checks (and no queries) of its own.
        KeptFreeTimes.Lookup lookup = kept.look(slug, topic, language, first, last, missed);
        if (lookup.kept() != null) {
            return json(lookup.kept());
        }
        if (labs.idOf(slug).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such lab");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (consultations.topic(topic, Language.DE).isEmpty()) {
            errors.put("topic", "booking.error.topic");
        }
        if (Language.fromTag(language).isEmpty()) {
            errors.put("language", "booking.error.language");
        }
        if (last.isBefore(first) || last.isAfter(first.plusDays(MAX_DAYS))) {
            errors.put("to", "booking.error.range");
        }
        if (!errors.isEmpty()) {
            return invalid(errors, locale);
        }
        return json(kept.compute(lookup, () -> consultations.freeSlots(slug, topic, language, first, last),
                free -> json.writeValueAsBytes(free.stream().map(SlotJson::of).toList())));
    }

    /** The kept bytes with their tag: {@code 304} when the caller holds them already (Spring checks the tag). */
    private static ResponseEntity<byte[]> json(KeptFreeTimes.Answer answer) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).eTag(answer.etag()).body(answer.json());
    }

    @PostMapping(path = "/api/v1/appointments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Book an appointment: 201 booked, 409 taken meanwhile (with the nearest free times), 400 bad input. "
            + "Send an Idempotency-Key header to make retries safe.")
    ResponseEntity<?> book(@RequestBody AppointmentRequestJson body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        OffsetDateTime start = null;
        try {
            start = body.start() == null ? null : OffsetDateTime.parse(body.start());
        } catch (DateTimeParseException e) {
            errors.put("start", "booking.error.start");
        }
        Mode mode = null;
        try {
            mode = body.mode() == null ? null : Mode.valueOf(body.mode());
        } catch (IllegalArgumentException e) {
            errors.put("mode", "booking.error.mode");
        }
        if (idempotencyKey != null && !IdempotencyKeys.acceptable(idempotencyKey)) {
            errors.put("idempotencyKey", "input.error.idempotencyKey");
        }
        BookingRequest request = new BookingRequest(body.lab(), body.topic(), body.language(), start, mode, body.name(),
                body.email(), body.phone(), Boolean.TRUE.equals(body.consent()), Language.forLocale(locale).tag(),
                idempotencyKey == null ? null : "api:" + idempotencyKey);
        if (!errors.isEmpty()) {
            // The other fields get their messages too, so the caller can fix everything at once.
            consultations.validate(request).forEach(errors::putIfAbsent);
            return invalid(errors, locale);
        }
        BookingOutcome outcome = consultations.book(request);
        if (outcome instanceof BookingOutcome.Booked booked) {
            AppointmentJson json = json(booked.appointment(), booked.manageToken());
            return ResponseEntity.created(URI.create(json.manageUrl())).body(json);
        }
        if (outcome instanceof BookingOutcome.Repeated repeated) {
            return ResponseEntity.ok(json(repeated.appointment(), null));
        }
        if (outcome instanceof BookingOutcome.Taken taken) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(new ConflictJson(
                    messages.getMessage("booking.taken", null, locale), taken.alternatives().stream().map(SlotJson::of).toList()));
        }
        return invalid(((BookingOutcome.Invalid) outcome).errors(), locale);
    }

    /** "message" stays beside "detail" in field errors for callers written against the first version. */
    private ResponseEntity<ProblemDetail> invalid(Map<String, String> keys, Locale locale) {
        ResponseEntity<ProblemDetail> answer = problems.invalid(keys, locale);
        if (answer.getStatusCode().value() == 400) {
            answer.getBody().setProperty("message", answer.getBody().getDetail());
        }
        return answer;
    }

    /** The manage and calendar links exist only in the first answer: the database keeps just the token's hash. */
    AppointmentJson json(AppointmentView a, String token) {
        String manage = token == null ? null : properties.publicAddress() + "/appointments/" + token;
        return new AppointmentJson(a.code(), a.start().toOffsetDateTime(), a.end().toOffsetDateTime(), a.labSlug(),
                a.topicKey(), a.language(), a.mode(), a.status().name(), a.meetingUrl(), manage,
                manage == null ? null : manage + "/calendar.ics");
    }
}
