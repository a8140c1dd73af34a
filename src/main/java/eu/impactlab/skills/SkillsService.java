package eu.impactlab.skills;

import eu.impactlab.courses.CourseService;
import eu.impactlab.labs.Language;
import eu.impactlab.platform.SecretTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The skills module's one service: anonymous self-checks (start, answer one question at a time, resume by the private
 * link, result with a learning path) and a course participant's before/after check.
 */
@Service
public class SkillsService {

    /** How many of the weakest competences a learning path trains, and how many courses it offers at most. */
    static final int WEAKEST = 4;
    static final int PATH_COURSES = 5;

    private final SelfCheckStore store;
    private final CourseService courses;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SkillsFigures figures;

    SkillsService(SelfCheckStore store, CourseService courses, ApplicationEventPublisher events,
            TransactionTemplate transactions, Clock clock, SkillsFigures figures) {
        this.figures = figures;
        this.store = store;
        this.courses = courses;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Finished self-checks (not a course's before/after) of one DigComp area at one level (0 … 3), for the impact figures. */
    public record AreaLevelCount(String area, int level, long checks) {
    }

    /**
     * The anonymous before/after change of one course's participants in one competence: pairs of checks, how many rose
     * a level, and the mean change of the answers (0 … 3 scale).
     */
    public record CourseChange(long courseId, String competence, long pairs, long improved, double meanChange) {
    }

    /**
     * Unsuppressed counts for the impact module, which suppresses them like all its figures: finished self-checks by
     * area and level in [from, to).
     */
    @Transactional(readOnly = true)
    public List<AreaLevelCount> finishedByAreaAndLevel(Instant from, Instant to) {
        List<AreaLevelCount> counts = new java.util.ArrayList<>();
        figures.areaCounts(from, to).forEach((area, levels) -> {
            for (int level = 0; level < levels.length; level++) {
                counts.add(new AreaLevelCount(area, level, levels[level]));
            }
        });
        return counts;
    }

    /** Unsuppressed before/after changes per course and competence whose after-check was finished in [from, to). */
    @Transactional(readOnly = true)
    public List<CourseChange> changesPerCourse(Instant from, Instant to) {
        return figures.changes(from, to, true).stream()
                .map(c -> new CourseChange(c.courseId(), c.competence(), c.pairs(), c.improved(), c.meanChange()))
                .toList();
    }

    /** A self-check as its private link shows it: its questions in order and the answers so far. */
    record Progress(SelfCheckStore.Check check, List<Questions.Question> questions, Map<String, Integer> answers) {
        int firstUnanswered() {
            for (int i = 0; i < questions.size(); i++) {
                if (!answers.containsKey(questions.get(i).id())) {
                    return i + 1;
                }
            }
            return questions.size() + 1;
        }

        boolean allAnswered() {
            return firstUnanswered() > questions.size();
        }
    }

    record Level(String code, int level, double mean) {
        public String messageKey() {
            return Levels.messageKey(level);
        }

        /** The bar's length in the chart, in percent of the scale. */
        public int percent() {
            return (int) Math.round(mean * 100 / Levels.MAX);
        }
    }

    record Change(String competence, int before, int after) {
        public int difference() {
            return after - before;
        }
    }

    record Result(SelfCheckStore.Check check, List<Level> areas, List<Level> competences, List<Level> strengths,
            List<Level> weakest, List<CourseService.Suggestion> learningPath, List<Change> changes) {
    }

    // --- the anonymous self-check ---

    /** Starts a short or full check; @return the private link's token */
    String start(Questions.Mode mode, Language language) {
        if (mode == Questions.Mode.COURSE) {
            throw new IllegalArgumentException("a course's check starts from its manage link");
        }
        String token = SecretTokens.newToken();
        store.create(SecretTokens.hash(token), mode, language.tag(), null, null, null, Instant.now(clock), List.of());
        return token;
    }

    Optional<Progress> progress(String token) {
        return store.byTokenHash(SecretTokens.hash(token)).map(this::progressOf);
    }

    private Progress progressOf(SelfCheckStore.Check check) {
        return new Progress(check, Questions.of(check.mode(), check.courseCompetences()), store.answers(check.id()));
    }

    enum Answered { NEXT, COMPLETED, INVALID, UNKNOWN }

    /** Stores the answer to question {@code number} (from 1); the last one completes the check. */
    Answered answer(String token, int number, String value) {
        Optional<Progress> found = progress(token);
        if (found.isEmpty() || number < 1 || number > found.get().questions().size()) {
            return Answered.UNKNOWN;
        }
        Integer answer = parseAnswer(value);
        if (answer == null) {
            return Answered.INVALID;
        }
        Progress progress = found.get();
        return transactions.execute(status -> {
            store.answer(progress.check().id(), progress.questions().get(number - 1), answer);
            Progress now = progressOf(progress.check());
            if (now.allAnswered()) {
                complete(progress.check());
                return Answered.COMPLETED;
            }
            return Answered.NEXT;
        });
    }

    static Integer parseAnswer(String value) {
        if (value == null || !value.trim().matches("[0-3]")) {
            return null;
        }
        return Integer.parseInt(value.trim());
    }

    private void complete(SelfCheckStore.Check check) {
        Instant now = Instant.now(clock);
        if (store.complete(check.id(), now)) {
            Map<String, Integer> levels = new TreeMap<>();
            competenceLevels(store.answers(check.id())).forEach(l -> levels.put(l.code(), l.level()));
            events.publishEvent(new SelfCheckCompleted(java.util.UUID.randomUUID(),
                    java.time.LocalDate.ofInstant(now, java.time.ZoneId.of("Europe/Berlin")), check.mode().name(),
                    check.courseId(), check.phase(), levels));
        }
    }

    /** The result behind a private link, once every question is answered. */
    Optional<Result> result(String token, Language language) {
        return store.byTokenHash(SecretTokens.hash(token)).filter(SelfCheckStore.Check::completed)
                .map(check -> resultOf(check, language));
    }

    private Result resultOf(SelfCheckStore.Check check, Language language) {
        Map<String, Integer> answers = store.answers(check.id());
        List<Level> competences = competenceLevels(answers);
        List<Level> areas = areaLevels(competences);
        List<Level> strengths = competences.stream().filter(c -> c.level() >= 2)
                .sorted(Comparator.comparingDouble(Level::mean).reversed()).limit(5).toList();
        List<Level> weakest = competences.stream().filter(c -> c.level() < Levels.MAX)
                .sorted(Comparator.comparingDouble(Level::mean)).limit(WEAKEST).toList();
        List<Change> changes = check.pairKey() == null ? List.of() : changes(check);
        return new Result(check, areas, competences, strengths, weakest, learningPath(weakest, language), changes);
    }

    private static List<Level> competenceLevels(Map<String, Integer> answers) {
        Map<String, List<Integer>> byCompetence = new TreeMap<>();
        answers.forEach((id, answer) -> Questions.byId(id).ifPresent(
                q -> byCompetence.computeIfAbsent(q.competence(), c -> new ArrayList<>()).add(answer)));
        return Framework.COMPETENCES.stream().filter(byCompetence::containsKey).map(c -> {
            double mean = Levels.mean(byCompetence.get(c));
            return new Level(c, Levels.of(mean), mean);
        }).toList();
    }

    private static List<Level> areaLevels(List<Level> competences) {
        List<Level> areas = new ArrayList<>();
        for (Framework.Area area : Framework.AREAS) {
            List<Double> means = competences.stream().filter(c -> area.competences().contains(c.code())).map(Level::mean).toList();
            if (!means.isEmpty()) {
                double mean = Levels.mean(means);
                areas.add(new Level(area.code(), Levels.of(mean), mean));
            }
        }
        return areas;
    }

    /** Upcoming courses that train the weakest competences at a level that fits each of them. */
    private List<CourseService.Suggestion> learningPath(List<Level> weakest, Language language) {
        if (weakest.isEmpty()) {
            return List.of();
        }
        Map<String, String> fitting = new LinkedHashMap<>();
        weakest.forEach(w -> fitting.put(w.code(), Levels.fittingCourseLevel(w.level())));
        return courses.upcomingTraining(fitting.keySet(), Set.copyOf(fitting.values()), language, 100).stream()
                .filter(c -> c.competences().stream().anyMatch(k -> c.level().equals(fitting.get(k))))
                .limit(PATH_COURSES).toList();
    }

    // --- the API: all answers at once ---

    record Assessed(String token, Result result) {
    }

    enum Problem { MISSING, OUT_OF_RANGE, UNKNOWN_QUESTION }

    /**
     * Checks a whole set of answers: every question of the short or of the full check, each 0 … 3.
     *
     * @return the problems, empty when the answers can be stored
     */
    static Map<String, Problem> problems(Map<String, Integer> answers) {
        Map<String, Problem> problems = new TreeMap<>();
        if (answers == null || answers.isEmpty()) {
            problems.put("answers", Problem.MISSING);
            return problems;
        }
        answers.forEach((id, value) -> {
            if (Questions.byId(id).isEmpty()) {
                problems.put(id, Problem.UNKNOWN_QUESTION);
            } else if (value == null || value < 0 || value > Levels.MAX) {
                problems.put(id, Problem.OUT_OF_RANGE);
            }
        });
        Questions.Mode mode = modeOf(answers);
        Questions.of(mode, List.of()).stream().filter(q -> !answers.containsKey(q.id()))
                .forEach(q -> problems.put(q.id(), Problem.MISSING));
        return problems;
    }

    private static Questions.Mode modeOf(Map<String, Integer> answers) {
        return answers.keySet().stream().allMatch(id -> id.endsWith("-a")) ? Questions.Mode.SHORT : Questions.Mode.FULL;
    }

    Assessed assess(Map<String, Integer> answers, Language language) {
        if (!problems(answers).isEmpty()) {
            throw new IllegalArgumentException("check the answers with problems() first");
        }
        String token = SecretTokens.newToken();
        SelfCheckStore.Check check = transactions.execute(status -> {
            long id = store.create(SecretTokens.hash(token), modeOf(answers), language.tag(), null, null, null, Instant.now(clock),
                    List.of());
            answers.forEach((questionId, value) -> store.answer(id, Questions.byId(questionId).orElseThrow(), value));
            SelfCheckStore.Check created = store.byTokenHash(SecretTokens.hash(token)).orElseThrow();
            complete(created);
            return store.byTokenHash(SecretTokens.hash(token)).orElseThrow();
        });
        return new Assessed(token, resultOf(check, language));
    }

    // --- a course's participant: before the first session and after the last ---

    enum Phase { BEFORE, AFTER }

    record CourseChecks(CourseService.RegisteredCourse course, Phase phase, Optional<Result> before,
            Optional<Result> after, String beforeToken, String afterToken) {
    }

    /** What the manage link's self-check page shows; empty for an unknown link or a course without competences. */
    Optional<CourseChecks> courseChecks(String manageToken, Language language) {
        return courses.registeredCourse(manageToken, language).filter(c -> !c.competences().isEmpty()).map(course -> {
            String pair = pairKey(manageToken);
            Optional<Result> before = store.byPair(pair, Phase.BEFORE.name()).filter(SelfCheckStore.Check::completed)
                    .map(c -> resultOf(c, language));
            Optional<Result> after = store.byPair(pair, Phase.AFTER.name()).filter(SelfCheckStore.Check::completed)
                    .map(c -> resultOf(c, language));
            return new CourseChecks(course, phaseNow(course), before, after, courseToken(manageToken, Phase.BEFORE),
                    courseToken(manageToken, Phase.AFTER));
        });
    }

    /** After the last session has started, the check is the "after" one. */
    private Phase phaseNow(CourseService.RegisteredCourse course) {
        return course.lastStart() != null && !Instant.now(clock).isBefore(course.lastStart().toInstant()) ? Phase.AFTER : Phase.BEFORE;
    }

    /**
     * Starts (or finds) the participant's check for the current phase; @return the check's private link token, empty
     * for an unknown link, a cancelled registration or a course without competences
     */
    Optional<String> startCourseCheck(String manageToken, Language language) {
        return courses.registeredCourse(manageToken, language)
                .filter(c -> !c.competences().isEmpty() && !c.cancelled()).map(course -> {
                    Phase phase = phaseNow(course);
                    String token = courseToken(manageToken, phase);
                    String pair = pairKey(manageToken);
                    if (store.byPair(pair, phase.name()).isEmpty()) {
                        try {
                            store.create(SecretTokens.hash(token), Questions.Mode.COURSE, language.tag(), course.courseId(),
                                    phase.name(), pair, Instant.now(clock), course.competences());
                        } catch (org.springframework.dao.DuplicateKeyException alreadyStartedInAnotherTab) {
                            // the same person pressed start twice: the first check is theirs
                        }
                    }
                    return token;
                });
    }

    private List<Change> changes(SelfCheckStore.Check check) {
        Optional<SelfCheckStore.Check> before = store.byPair(check.pairKey(), Phase.BEFORE.name()).filter(SelfCheckStore.Check::completed);
        Optional<SelfCheckStore.Check> after = store.byPair(check.pairKey(), Phase.AFTER.name()).filter(SelfCheckStore.Check::completed);
        if (before.isEmpty() || after.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> was = competenceLevels(store.answers(before.get().id())).stream()
                .collect(Collectors.toMap(Level::code, Level::level));
        return competenceLevels(store.answers(after.get().id())).stream().filter(l -> was.containsKey(l.code()))
                .map(l -> new Change(l.code(), was.get(l.code()), l.level())).toList();
    }

    /** A key shared by one participant's before and after checks that cannot be joined to the registration without the link. */
    static String pairKey(String manageToken) {
        return SecretTokens.hash("skills-pair:" + manageToken);
    }

    /** The private link of a participant's check, derived from their manage link so the manage page can link to it. */
    static String courseToken(String manageToken, Phase phase) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("skills-check:" + phase.name() + ":" + manageToken).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
