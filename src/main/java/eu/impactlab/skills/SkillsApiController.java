package eu.impactlab.skills;

import eu.impactlab.labs.Language;
import eu.impactlab.platform.ApiProblems;
import eu.impactlab.platform.ImpactLabProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The self-check as JSON: the questions, and all answers at once for a result with a learning path. */
@RestController
@Tag(name = "Skills", description = "The anonymous DigComp 2.2 self-check and its learning path")
class SkillsApiController {

    private final SkillsService skills;
    private final MessageSource messages;
    private final ApiProblems problems;
    private final ImpactLabProperties properties;

    SkillsApiController(SkillsService skills, MessageSource messages, ApiProblems problems, ImpactLabProperties properties) {
        this.skills = skills;
        this.messages = messages;
        this.problems = problems;
        this.properties = properties;
    }

    record AnswerJson(int value, String text) {
    }

    record QuestionJson(String id, @Schema(description = "DigComp 2.2 competence code, e.g. 4.2") String competence,
            String area, String text, String competenceTitle) {
    }

    record QuestionsJson(String framework, String itemSet, String mode, String language, List<AnswerJson> answers,
            List<QuestionJson> questions, String credit) {
    }

    @GetMapping("/api/v1/skills/questions")
    @Operation(summary = "The self-check's \"I can …\" statements with their ids and DigComp competence codes, and the "
            + "four answers (0 = I don't know how … 3 = confidently, and I can show others)")
    ResponseEntity<?> questions(
            @Parameter(description = "de, en, tr, ar, ru, uk, pl (or Accept-Language)") @RequestParam(required = false) String lang,
            @Parameter(description = "short (one per competence, 21) or full (three per competence, 63)") @RequestParam(defaultValue = "short") String mode,
            Locale locale) {
        Optional<Language> language = language(lang, locale);
        Optional<Questions.Mode> chosen = Questions.Mode.of(mode).filter(m -> m != Questions.Mode.COURSE);
        Locale answerIn = language.map(Language::locale).orElse(locale);
        if (language.isEmpty() || chosen.isEmpty()) {
            return problem(Map.of(language.isEmpty() ? "lang" : "mode",
                    language.isEmpty() ? "skills.error.language" : "skills.error.mode"), answerIn);
        }
        Locale in = language.get().locale();
        List<AnswerJson> answers = List.of(0, 1, 2, 3).stream()
                .map(v -> new AnswerJson(v, messages.getMessage("skills.answer." + v, null, in))).toList();
        List<QuestionJson> questions = Questions.of(chosen.get(), List.of()).stream()
                .map(q -> new QuestionJson(q.id(), q.competence(), q.area(), messages.getMessage(q.messageKey(), null, in),
                        messages.getMessage(Framework.titleKey(q.competence()), null, in)))
                .toList();
        return ResponseEntity.ok(new QuestionsJson(Framework.VERSION, Questions.ITEM_SET, chosen.get().name().toLowerCase(Locale.ROOT),
                language.get().tag(), answers, questions, messages.getMessage("skills.credit", null, in)));
    }

    record AssessmentRequest(@Schema(description = "question id to answer 0 … 3; every question of the short or of the full check")
            Map<String, Integer> answers, String lang) {
    }

    record LevelJson(String code, int level, String levelText) {
    }

    record CourseJson(long courseId, String title, String level, List<String> competences, String url) {
    }

    record AssessmentJson(List<LevelJson> areas, List<LevelJson> competences, List<CourseJson> learningPath,
            String resultUrl) {
    }

    @PostMapping("/api/v1/skills/assessments")
    @Operation(summary = "Stores a whole self-check (anonymous) and answers with the level per area and competence "
            + "(0 just starting, 1 foundation, 2 on my own, 3 confident) and a learning path into upcoming courses")
    ResponseEntity<?> assess(@RequestBody(required = false) AssessmentRequest request, Locale locale) {
        Optional<Language> language = language(request == null ? null : request.lang(), locale);
        Locale in = language.map(Language::locale).orElse(locale);
        if (language.isEmpty()) {
            return problem(Map.of("lang", "skills.error.language"), in);
        }
        Map<String, SkillsService.Problem> problems = SkillsService.problems(request == null ? null : request.answers());
        if (!problems.isEmpty()) {
            Map<String, String> keys = new LinkedHashMap<>();
            problems.forEach((field, p) -> keys.put(field, "skills.error." + p.name()));
            return problem(keys, in);
        }
        SkillsService.Assessed assessed = skills.assess(request.answers(), language.get());
        SkillsService.Result r = assessed.result();
        String resultUrl = properties.publicAddress() + "/skills/check/" + assessed.token() + "/result";
        return ResponseEntity.created(URI.create(resultUrl)).body(new AssessmentJson(
                r.areas().stream().map(l -> level(l, in)).toList(),
                r.competences().stream().map(l -> level(l, in)).toList(),
                r.learningPath().stream().map(c -> new CourseJson(c.id(), c.title(), c.level(), c.competences(),
                        properties.publicAddress() + "/courses/" + c.id())).toList(),
                resultUrl));
    }

    private LevelJson level(SkillsService.Level l, Locale in) {
        return new LevelJson(l.code(), l.level(), messages.getMessage(l.messageKey(), null, in));
    }

    private static Optional<Language> language(String lang, Locale locale) {
        if (lang == null || lang.isBlank()) {
            return Optional.of(Language.forLocale(locale));
        }
        return Language.fromTag(lang.trim()).filter(Language::ui);
    }

    private ResponseEntity<ProblemDetail> problem(Map<String, String> keys, Locale in) {
        return ResponseEntity.badRequest().body(problems.fieldErrors("skills.error.title", keys, in));
    }
}
