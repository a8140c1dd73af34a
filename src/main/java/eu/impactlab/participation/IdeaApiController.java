package eu.impactlab.participation;

import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import eu.impactlab.platform.ApiProblems;
import eu.impactlab.platform.ImpactLabProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestHeader;
import eu.impactlab.platform.IdempotencyKeys;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public ideas API: open data and proposing and supporting without an account, session or CSRF token. */
@RestController
@Tag(name = "Ideas", description = "Neighbours' ideas for their lab, their supports and the lab's public answers (open data)")
class IdeaApiController {

    static final int MAX_IDEAS = 500;

    private final ParticipationService ideas;
    private final IdeaController pages;
    private final BrowserIds browsers;
    private final IdeaMails mails;
    private final ApiProblems problems;
    private final ImpactLabProperties properties;

    IdeaApiController(ParticipationService ideas, IdeaController pages, BrowserIds browsers, IdeaMails mails, ApiProblems problems,
            ImpactLabProperties properties) {
        this.ideas = ideas;
        this.pages = pages;
        this.browsers = browsers;
        this.mails = mails;
        this.problems = problems;
        this.properties = properties;
    }

    record IdeaJson(long id, @Schema(description = "the lab's slug") String lab,
            @Schema(description = "COURSE, PROJECT, EQUIPMENT or OTHER") String kind, String title, String text,
            @Schema(description = "the language it is written in: de, ls (Leichte Sprache), en, tr, ar, ru, uk, pl") String language,
            @Schema(description = "the public answer: UNDER_REVIEW, PLANNED, DONE, NOT_POSSIBLE, or null before one") String state,
            long supports, long inPersonSupports, long confirmedSupports,
            @Schema(description = "the lab's answer text, shown as plain text") String answer, Long linkedCourseId,
            OffsetDateTime published, String url, String licence) {
    }

    record ProposalJson(@Schema(description = "the lab's slug, e.g. groepelingen") String lab,
            @Schema(description = "COURSE, PROJECT, EQUIPMENT or OTHER") String kind,
            @Schema(maxLength = 120) String title, @Schema(maxLength = 2000) String text,
            @Schema(description = "de, ls (Leichte Sprache), en, tr, ar, ru, uk, pl") String language,
            @Schema(description = "optional, shown to the coordinators only", maxLength = 60) String nickname,
            @Schema(description = "optional, for news about the idea", maxLength = 120) String email,
            @Schema(description = "must be true: the idea may be published under the licence of the open data") Boolean consent) {
    }

    record AcceptedJson(@Schema(description = "PENDING: a coordinator reviews it before it is public; on a retry the "
            + "idea's state now") String status,
            @Schema(description = "the proposer's private link; only in the first answer (a retry gets null)") String manageUrl) {
    }

    record SupportJson(long idea, boolean supported, long supports) {
    }

    @GetMapping("/api/v1/ideas")
    @Operation(summary = "Published ideas with their supports and answers, newest first or by supports")
    List<IdeaJson> list(@Parameter(description = "a lab's slug") @RequestParam(required = false) String lab,
            @Parameter(description = "UNDER_REVIEW, PLANNED, DONE or NOT_POSSIBLE") @RequestParam(required = false) String state,
            @Parameter(description = "newest (default) or supports") @RequestParam(required = false) String sort) {
        Map<Long, LabView> labs = ideas.labsById(Language.DE);
        return ideas.published(lab, AnswerState.of(state), ParticipationService.Sort.of(sort), 0, MAX_IDEAS).stream()
                .map(i -> json(i, labs)).toList();
    }

    @PostMapping(path = "/api/v1/ideas", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Propose an idea: 202 PENDING with the private link (a coordinator publishes it after review); "
            + "400 with field errors in the caller's language. Send an Idempotency-Key header to make retries safe: a "
            + "retry of the same proposal answers 200 with the idea's state and no link; the key with another proposal 422.")
    ResponseEntity<?> propose(@RequestBody ProposalJson body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Locale locale) {
        ParticipationService.Proposal proposal = new ParticipationService.Proposal(body.lab(), body.kind(),
                body.title(), body.text(), body.language(), body.nickname(), body.email(), Boolean.TRUE.equals(body.consent()),
                Language.forLocale(locale).tag(), idempotencyKey == null ? null : "api:" + idempotencyKey);
        if (idempotencyKey != null && !IdempotencyKeys.acceptable(idempotencyKey)) {
            Map<String, String> errors = new LinkedHashMap<>(Map.of("idempotencyKey", "input.error.idempotencyKey"));
            ideas.errors(new ParticipationService.Proposal(body.lab(), body.kind(), body.title(), body.text(),
                    body.language(), body.nickname(), body.email(), Boolean.TRUE.equals(body.consent()), "de"))
                    .forEach(errors::putIfAbsent);
            return problems.invalid(errors, locale);
        }
        ParticipationService.Outcome outcome = ideas.propose(proposal);
        if (outcome instanceof ParticipationService.Outcome.Accepted accepted) {
            return ResponseEntity.accepted().body(new AcceptedJson("PENDING", mails.manageUrl(accepted.token())));
        }
        if (outcome instanceof ParticipationService.Outcome.Repeated repeated) {
            return ResponseEntity.ok(new AcceptedJson(repeated.idea().state(), null));
        }
        return problems.invalid(((ParticipationService.Outcome.Invalid) outcome).errors(), locale);
    }

    @PostMapping("/api/v1/ideas/{id}/supports")
    @Operation(summary = "Support an idea from this browser: 201 for a new support (with a cookie that identifies the "
            + "browser), 200 when this browser already supports it, 404 for an idea that is not published")
    ResponseEntity<SupportJson> support(@PathVariable long id,
            @CookieValue(name = BrowserIds.COOKIE, required = false) String cookie, HttpServletRequest request,
            HttpServletResponse response) {
        String browser = pages.browserOf(cookie, request, response);
        Optional<Boolean> added = ideas.support(id, browser);
        if (added.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        SupportJson now = new SupportJson(id, true, ideas.publishedIdea(id).map(Idea::supports).orElse(0L));
        return ResponseEntity.status(added.get() ? HttpStatus.CREATED : HttpStatus.OK).body(now);
    }

    @DeleteMapping("/api/v1/ideas/{id}/supports")
    @Operation(summary = "Withdraw this browser's support: 200 (also when there was none), 404 for an idea that is not published")
    ResponseEntity<SupportJson> unsupport(@PathVariable long id,
            @CookieValue(name = BrowserIds.COOKIE, required = false) String cookie) {
        Optional<Boolean> removed = ideas.unsupport(id, browsers.hashOf(cookie).orElse(null));
        if (removed.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok(new SupportJson(id, false, ideas.publishedIdea(id).map(Idea::supports).orElse(0L)));
    }

    private IdeaJson json(Idea i, Map<Long, LabView> labs) {
        LabView lab = labs.get(i.labId());
        return new IdeaJson(i.id(), lab == null ? null : lab.slug(), i.kind(), i.title(), i.text(), i.language(),
                i.answerState(), i.supports(), i.inPersonSupports(), i.confirmedSupports(), i.answerText(),
                i.linkedCourseId(), i.publishedAt(), properties.publicAddress() + "/ideas/" + i.id(), i.licence());
    }
}
