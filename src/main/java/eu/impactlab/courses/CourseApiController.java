package eu.impactlab.courses;

import com.fasterxml.jackson.annotation.JsonInclude;
import eu.impactlab.labs.Language;
import eu.impactlab.platform.ApiProblems;
import eu.impactlab.platform.BadInputException;
import eu.impactlab.platform.IdempotencyKeys;
import eu.impactlab.platform.ImpactLabProperties;
import eu.impactlab.platform.InputDates;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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

/** The public courses API: no account, session or CSRF token; messages in the caller's language. */
@RestController
@Tag(name = "Courses", description = "Upcoming courses and registration without an account")
class CourseApiController {

    static final int MAX_COURSES = 200;

    private final CourseService courses;
    private final MessageSource messages;
    private final ApiProblems problems;
    private final ImpactLabProperties properties;

    CourseApiController(CourseService courses, MessageSource messages, ApiProblems problems, ImpactLabProperties properties) {
        this.courses = courses;
        this.messages = messages;
        this.problems = problems;
        this.properties = properties;
    }

    record SessionJson(OffsetDateTime start, OffsetDateTime end) {
    }

    record CourseJson(long id, String title, String summary, String lab, String labName, boolean online,
            @Schema(description = "language of instruction") String language, String level, List<String> targetGroups,
            List<String> competences, List<SessionJson> sessions, int capacity, int freeSeats, int waitlistLength,
            @Schema(description = "OPEN, WAITLIST, NOT_YET_OPEN, CLOSED, STARTED, ENDED or CANCELLED") String registration,
            String url) {
    }

    record RegistrationRequestJson(
            @Schema(description = "name or nickname, for the attendance list and the certificate", maxLength = 80) String name,
            @Schema(description = "optional, for the confirmation and news about the seat", maxLength = 120) String email,
            @Schema(description = "optional", maxLength = 40) String phone,
            @Schema(description = "must be true: the lab may use the data for this course") Boolean consent,
            @Schema(description = "optional: UNDER_18, FROM_18_TO_29, FROM_30_TO_44, FROM_45_TO_64, FROM_65, NOT_STATED") String ageBand,
            @Schema(description = "optional: FEMALE, MALE, DIVERSE, NOT_STATED") String gender,
            @Schema(description = "optional: a Stadtteil of Bremen, OUTSIDE_BREMEN or NOT_STATED") String stadtteil) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RegistrationJson(@Schema(description = "CONFIRMED, WAITLISTED or CANCELLED") String status,
            @Schema(description = "1 for the first on the waitlist; only when WAITLISTED") Integer waitlistPosition,
            @Schema(description = "the private link; only in the first answer (a retry with the same Idempotency-Key gets null)")
            String manageUrl) {
    }

    @GetMapping("/api/v1/courses")
    @Operation(summary = "Upcoming published courses, soonest first, with titles in the requested language "
            + "(lang or Accept-Language; German where no translation exists)")
    List<CourseJson> list(
            @Parameter(description = "a lab's slug, e.g. groepelingen") @RequestParam(required = false) String lab,
            @Parameter(description = "YOUTH, SCHOOL_LEAVERS, JOB_SEEKERS, WOMEN_AND_GIRLS, SENIORS, FAMILIES, NEWCOMERS, SMALL_BUSINESSES")
            @RequestParam(required = false) String targetGroup,
            @Parameter(description = "first day, ISO date") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "last day, ISO date") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "language of the titles: de, en, tr, ar, ru, uk, pl") @RequestParam(required = false) String lang,
            @Parameter(description = "language of instruction, e.g. tr") @RequestParam(required = false) String language,
            @Parameter(description = "DigComp 2.2 competence (4.2) or area (4)") @RequestParam(required = false) String competence,
            Locale locale) {
        if (!InputDates.plausible(from) || !InputDates.plausible(to)) {
            throw new BadInputException("input.error.dateRange", null);
        }
        Language wanted = Language.fromTag(lang).filter(Language::ui).orElse(Language.forLocale(locale));
        return courses.upcoming(new CourseService.Filter(lab, targetGroup, language, from, to, competence), wanted, MAX_COURSES)
                .stream().map(this::json).toList();
    }

    @PostMapping(path = "/api/v1/courses/{id}/registrations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register for a course: 201 with a seat (CONFIRMED) or a waitlist place (WAITLISTED); 409 when "
            + "the course takes no registrations (closed, not yet open, started or cancelled); 400 with field errors; "
            + "404 for an unknown course. Send an Idempotency-Key header to make retries safe (a retry answers 200).")
    ResponseEntity<?> register(@PathVariable long id, @RequestBody RegistrationRequestJson body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Locale locale) {
        RegistrationRequest request = new RegistrationRequest(id, body.name(), body.email(), body.phone(),
                Boolean.TRUE.equals(body.consent()), body.ageBand(), body.gender(), body.stadtteil(),
                Language.forLocale(locale).tag(), idempotencyKey == null ? null : "api:" + idempotencyKey, "api");
        if (idempotencyKey != null && !IdempotencyKeys.acceptable(idempotencyKey)) {
            Map<String, String> errors = new LinkedHashMap<>(Map.of("idempotencyKey", "input.error.idempotencyKey"));
            Seats.errors(new RegistrationRequest(id, body.name(), body.email(), body.phone(), Boolean.TRUE.equals(body.consent()),
                    body.ageBand(), body.gender(), body.stadtteil(), "de", null, "api")).forEach(errors::putIfAbsent);
            return problems.invalid(errors, locale);
        }
        RegistrationOutcome outcome = courses.register(request);
        if (outcome instanceof RegistrationOutcome.Registered registered) {
            String manage = properties.publicAddress() + "/courses/registrations/" + registered.manageToken();
            return ResponseEntity.created(URI.create(manage)).body(json(registered.registration(), manage));
        }
        if (outcome instanceof RegistrationOutcome.Repeated repeated) {
            return ResponseEntity.ok(json(repeated.registration(), null));
        }
        if (outcome instanceof RegistrationOutcome.Refused refused) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    messages.getMessage(refused.reason().messageKey(), null, locale));
            problem.setTitle(messages.getMessage("courses.register.closed.title", null, locale));
            problem.setProperty("reason", refused.reason().name());
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
        if (outcome instanceof RegistrationOutcome.Invalid invalid) {
            return problems.invalid(invalid.errors(), locale);
        }
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetail.forStatus(HttpStatus.NOT_FOUND));
    }

    private static RegistrationJson json(Registration r, String manageUrl) {
        return new RegistrationJson(r.status().name(), r.waitlistPosition(), manageUrl);
    }

    private CourseJson json(CourseView c) {
        return new CourseJson(c.id(), c.title().value(), c.summary().value(), c.lab().slug(), c.lab().name(), c.online(),
                c.language(), c.level(), c.targetGroups().stream().map(Enum::name).toList(), c.competences(),
                c.sessions().stream().map(s -> new SessionJson(s.start().toOffsetDateTime(), s.end().toOffsetDateTime())).toList(),
                c.capacity(), c.freeSeats(), c.waitlistLength(), c.state().name(),
                properties.publicAddress() + "/courses/" + c.id());
    }
}
