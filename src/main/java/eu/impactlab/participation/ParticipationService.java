package eu.impactlab.participation;

import eu.impactlab.courses.CourseService;
import eu.impactlab.labs.LabService;
import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import eu.impactlab.platform.BremenDistricts;
import eu.impactlab.platform.ContactRules;
import eu.impactlab.platform.IdempotencyKeys;
import eu.impactlab.platform.SecretTokens;
import eu.impactlab.platform.SqlStates;
import eu.impactlab.platform.TextRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The participation module's one service: proposing ideas without an account, moderating and answering them,
 * supports (one per browser, by a database key), confirmed supporters, followers and the proposer's private link.
 */
@Service
public class ParticipationService {

    static final int MAX_TITLE = 120;
    static final int MAX_TEXT = 2000;
    static final int MAX_NICKNAME = 60;
    static final int MAX_MESSAGE = 1000;
    static final int MAX_IN_PERSON = 200;
    /** The message for an Idempotency-Key that came again with another proposal (the API answers 422). */

    /** What a neighbour sends. */
    record Proposal(String lab, String kind, String title, String text, String language, String nickname, String email,
            boolean consent, String uiLanguage, String idempotencyKey) {

        Proposal(String lab, String kind, String title, String text, String language, String nickname, String email,
                boolean consent, String uiLanguage) {
            this(lab, kind, title, text, language, nickname, email, consent, uiLanguage, null);
        }

        /** The request's canonical form: a retry with the same key must carry the same proposal. */
        String fingerprint() {
            return IdempotencyKeys.fingerprint(lab, kind, title, text, language, nickname, email, consent);
        }
    }

    /** The outcome of proposing: accepted with the private link's token, or the fields to fix (message keys). */
    sealed interface Outcome {
        record Accepted(long id, String token) implements Outcome {
        }

        /** The same Idempotency-Key came again with the same proposal: the first idea, without its private link. */
        record Repeated(Idea idea) implements Outcome {
        }

        record Invalid(Map<String, String> errors) implements Outcome {
        }
    }

    enum Sort {
        NEWEST, SUPPORTS;

        static Sort of(String value) {
            return "supports".equalsIgnoreCase(value) ? SUPPORTS : NEWEST;
        }
    }

    private final IdeaStore store;
    private final IdeaMails mails;
    private final LabService labs;
    private final CourseService courses;
    private final ParticipationProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final BrowserIds keys;
    private final TransactionTemplate transactions;

    ParticipationService(IdeaStore store, IdeaMails mails, LabService labs, CourseService courses,
            ParticipationProperties properties, ApplicationEventPublisher events, Clock clock, BrowserIds keys,
            TransactionTemplate transactions) {
        this.transactions = transactions;
        this.store = store;
        this.mails = mails;
        this.labs = labs;
        this.courses = courses;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.keys = keys;
    }

    // --- proposing ---

    /**
     * Saves a proposal for review and mails the proposer. With an Idempotency-Key, a retry of the same proposal gets
     * the first idea back (also when both arrive at once: the key's unique index decides), and the key with another
     * proposal is refused.
     */
    Outcome propose(Proposal p) {
        if (p.idempotencyKey() != null) {
            Optional<Outcome> earlier = repeated(p);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Map<String, String> errors = errors(p);
        if (!errors.isEmpty()) {
            return new Outcome.Invalid(errors);
        }
        try {
            return transactions.execute(status -> insert(p));
        } catch (DataIntegrityViolationException e) {
            if (p.idempotencyKey() != null && SqlStates.UNIQUE_VIOLATION.equals(SqlStates.of(e))) {
                Optional<Outcome> earlier = repeated(p);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            throw e;
        }
    }

    private Optional<Outcome> repeated(Proposal p) {
        return store.byIdempotencyKey(p.idempotencyKey())
                .filter(earlier -> IdempotencyKeys.current(earlier.createdAt(), Instant.now(clock)))
                .map(earlier -> earlier.requestHash().equals(p.fingerprint())
                        ? new Outcome.Repeated(store.find(earlier.id()).orElseThrow())
                        : new Outcome.Invalid(Map.of("idempotencyKey", IdempotencyKeys.REUSED)));
    }

    private Outcome insert(Proposal p) {
        long labId = labs.idOf(p.lab().trim()).orElseThrow();
        String token = SecretTokens.newToken();
        Instant now = Instant.now(clock);
        String uiLanguage = Language.fromTag(p.uiLanguage()).filter(Language::ui).orElse(Language.DE).tag();
        IdeaKind kind = IdeaKind.of(p.kind());
        long id = store.insert(labId, kind, p.title().strip(), p.text().strip(), p.language(), uiLanguage,
                blankToNull(p.nickname()), blankToNull(p.email()), SecretTokens.hash(token), properties.licence(), now);
        if (p.idempotencyKey() != null) {
            store.rememberIdempotencyKey(id, p.idempotencyKey(), p.fingerprint());
        }
        store.log(id, "PROPOSED", "citizen");
        mails.received(store.find(id).orElseThrow(), token);
        events.publishEvent(new IdeaProposed(UUID.randomUUID(), today(), labId, kind.name()));
        return new Outcome.Accepted(id, token);
    }

    Map<String, String> errors(Proposal p) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (p.lab() == null || p.lab().isBlank() || labs.idOf(p.lab().trim()).isEmpty()) {
            errors.put("lab", "participation.error.lab");
        }
        if (IdeaKind.of(p.kind()) == null) {
            errors.put("kind", "participation.error.kind");
        }
        textErrors(p.title(), p.text(), errors);
        if (!IdeaLanguages.known(p.language())) {
            errors.put("language", "participation.error.language");
        }
        if (p.nickname() != null && (p.nickname().strip().length() > MAX_NICKNAME || !TextRules.singleLine(p.nickname()))) {
            errors.put("nickname", "participation.error.nickname");
        }
        if (!ContactRules.emailAcceptable(p.email())) {
            errors.put("email", "participation.error.email");
        }
        if (!p.consent()) {
            errors.put("consent", "participation.error.consent");
        }
        if (!IdempotencyKeys.storable(p.idempotencyKey())) {
            errors.put("idempotencyKey", "input.error.idempotencyKey");
        }
        return errors;
    }

    private static void textErrors(String title, String text, Map<String, String> errors) {
        if (title == null || title.strip().length() < 3 || title.strip().length() > MAX_TITLE || !TextRules.singleLine(title)) {
            errors.put("title", "participation.error.title");
        }
        if (text == null || text.strip().length() < 10 || text.strip().length() > MAX_TEXT || !TextRules.multiLine(text)) {
            errors.put("text", "participation.error.text");
        }
    }

    // --- reading ---

    Optional<Idea> idea(long id) {
        return store.find(id);
    }

    Optional<Idea> publishedIdea(long id) {
        return store.find(id).filter(Idea::published);
    }

    Optional<Idea> byToken(String token) {
        return token == null || token.length() > 100 ? Optional.empty() : store.byTokenHash(SecretTokens.hash(token));
    }

    List<Idea> published(String labSlug, AnswerState answer, Sort sort, int page) {
        Long labId = labId(labSlug);
        if (labId != null && labId < 0) {
            return List.of();
        }
        int size = properties.pageSize();
        return store.published(labId, answer, sort == Sort.SUPPORTS, Math.max(0, page) * size, size);
    }

    /** For the API and the feed: up to {@code limit} published ideas. */
    List<Idea> published(String labSlug, AnswerState answer, Sort sort, int offset, int limit) {
        Long labId = labId(labSlug);
        return labId != null && labId < 0 ? List.of() : store.published(labId, answer, sort == Sort.SUPPORTS, offset, limit);
    }

    long countPublished(String labSlug, AnswerState answer) {
        Long labId = labId(labSlug);
        return labId != null && labId < 0 ? 0 : store.countPublished(labId, answer);
    }

    int pageSize() {
        return properties.pageSize();
    }

    /** -1 for an unknown lab, null for all labs. */
    private Long labId(String slug) {
        return slug == null || slug.isBlank() ? null : labs.idOf(slug.trim()).orElse(-1L);
    }

    List<Idea> forModeration(List<String> states, String labSlug) {
        Long labId = labId(labSlug);
        return store.inStates(states, labId == null || labId < 0 ? null : labId);
    }

    /** Ideas per state, counting only the labs the viewer may see (a coordinator's own labs, not the others'). */
    Map<String, Long> countByState(java.util.function.LongPredicate visibleLab) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (IdeaStore.StateCount c : store.countByLabAndState()) {
            if (visibleLab.test(c.labId())) {
                counts.merge(c.state(), c.count(), Long::sum);
            }
        }
        return counts;
    }

    Map<String, String[]> translations(long id) {
        return store.translations(id);
    }

    List<IdeaStore.LogEntry> history(long id) {
        return store.history(id);
    }

    Map<Long, LabView> labsById(Language language) {
        Map<Long, LabView> result = new LinkedHashMap<>();
        labs.labs(language).forEach(l -> result.put(l.id(), l));
        return result;
    }

    /** The linked course's public title, when the course is public. */
    Optional<String> courseTitle(Long courseId, Language language) {
        return courseId == null ? Optional.empty() : courses.publicTitle(courseId, language);
    }

    String licence() {
        return properties.licence();
    }

    String licenceUrl() {
        return properties.licenceUrl();
    }

    long retentionDays() {
        return properties.retentionDays();
    }

    // --- moderation ---

    @Transactional
    boolean publish(long id, boolean linksAllowed, String actor) {
        if (!store.changeState(id, List.of("PENDING", "QUESTION"), IdeaState.PUBLISHED, null, Instant.now(clock))) {
            return false;
        }
        store.allowLinks(id, linksAllowed);
        store.log(id, "PUBLISHED", actor);
        mails.published(store.find(id).orElseThrow());
        return true;
    }

    @Transactional
    Map<String, String> ask(long id, String question, String actor) {
        Map<String, String> errors = messageErrors(question);
        if (errors.isEmpty()) {
            if (!store.changeState(id, List.of("PENDING"), IdeaState.QUESTION, question.strip(), Instant.now(clock))) {
                return Map.of("[global]", "participation.error.notOpen");
            }
            store.log(id, "QUESTION_ASKED", actor);
            mails.question(store.find(id).orElseThrow());
        }
        return errors;
    }

    @Transactional
    Map<String, String> reject(long id, String reason, String actor) {
        Map<String, String> errors = messageErrors(reason);
        if (errors.isEmpty()) {
            if (!store.changeState(id, List.of("PENDING", "QUESTION", "PUBLISHED"), IdeaState.REJECTED, reason.strip(),
                    Instant.now(clock))) {
                return Map.of("[global]", "participation.error.notOpen");
            }
            store.log(id, "REJECTED", actor);
            mails.rejected(store.find(id).orElseThrow());
        }
        return errors;
    }

    /** What is wrong with a rejection's reason, checked before the coordinator is asked to confirm. */
    Map<String, String> rejectErrors(String reason) {
        return messageErrors(reason);
    }

    /** What is wrong with a merge target (a published idea of the same lab, not the idea itself), checked before asking. */
    Map<String, String> mergeErrors(long id, Long into) {
        Optional<Idea> source = store.find(id);
        Optional<Idea> target = into == null ? Optional.empty() : store.find(into);
        if (source.isEmpty() || target.isEmpty() || !target.get().published() || into == id
                || target.get().labId() != source.get().labId()) {
            return Map.of("into", "participation.error.mergeTarget");
        }
        return Map.of();
    }

    /** Merges an idea into a published one of the same lab: its supports count there, each browser once. */
    @Transactional
    Map<String, String> merge(long id, Long into, String actor) {
        Map<String, String> errors = mergeErrors(id, into);
        if (!errors.isEmpty()) {
            return errors;
        }
        Optional<Idea> target = store.find(into);
        if (!store.markMerged(id, into, Instant.now(clock))) {
            return Map.of("[global]", "participation.error.notOpen");
        }
        store.moveSupports(id, into);
        store.log(id, "MERGED", actor);
        store.log(into, "MERGED_FROM", actor);
        mails.merged(store.find(id).orElseThrow(), target.get());
        return Map.of();
    }

    @Transactional
    Map<String, String> answer(long id, String state, String text, String courseId, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        AnswerState answer = AnswerState.of(state);
        if (answer == null) {
            errors.put("answerState", "participation.error.answerState");
        }
        String answerText = blankToNull(text);
        if (answerText != null && (answerText.length() > MAX_TEXT || !TextRules.multiLine(answerText))) {
            errors.put("answerText", "participation.error.answerText");
        }
        if (answer == AnswerState.NOT_POSSIBLE && answerText == null) {
            errors.put("answerText", "participation.error.reasonNeeded");
        }
        Long course = null;
        if (courseId != null && !courseId.isBlank()) {
            try {
                course = Long.parseLong(courseId.strip().replaceFirst("^.*/courses/", ""));
            } catch (NumberFormatException e) {
                course = -1L;
            }
            if (courses.publicTitle(course, Language.DE).isEmpty()) {
                errors.put("courseId", "participation.error.course");
            }
        }
        Optional<Idea> before = store.find(id);
        if (before.isEmpty() || !before.get().published()) {
            errors.put("[global]", "participation.error.notPublished");
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        Instant now = Instant.now(clock);
        store.answer(id, answer, answerText, course, now);
        store.log(id, "ANSWERED_" + answer.name(), actor);
        Idea idea = store.find(id).orElseThrow();
        mails.answered(idea, store.confirmedFollowers(id));
        Integer days = before.get().firstAnsweredAt() == null
                ? (int) Duration.between(before.get().createdAt().toInstant(), now).toDays() : null;
        // Realised counts once per idea: the answer that first links a course or marks it done.
        boolean wasRealised = before.get().linkedCourseId() != null || "DONE".equals(before.get().answerState());
        boolean realised = !wasRealised && (course != null || answer == AnswerState.DONE);
        events.publishEvent(new IdeaAnswered(UUID.randomUUID(), today(), idea.labId(), idea.kind(), answer.name(),
                realised, days));
        return Map.of();
    }

    @Transactional
    Map<String, String> translate(long id, String language, String title, String text, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!IdeaLanguages.known(language)) {
            errors.put("language", "participation.error.language");
        }
        textErrors(title, text, errors);
        if (store.find(id).isEmpty()) {
            errors.put("[global]", "participation.error.notPublished");
        }
        if (errors.isEmpty()) {
            store.saveTranslation(id, language, title.strip(), text.strip());
            store.log(id, "TRANSLATED_" + language, actor);
        }
        return errors;
    }

    @Transactional
    void clearReports(long id, String actor) {
        store.clearReports(id);
        store.log(id, "REPORTS_CLEARED", actor);
    }

    private static Map<String, String> messageErrors(String message) {
        if (message == null || message.isBlank() || message.strip().length() > MAX_MESSAGE || !TextRules.multiLine(message)) {
            return Map.of("message", "participation.error.message");
        }
        return Map.of();
    }

    // --- the proposer's private link ---

    @Transactional
    boolean withdraw(String token) {
        return byToken(token).filter(i -> i.ideaState() != IdeaState.WITHDRAWN).map(i -> {
            boolean done = store.changeState(i.id(), List.of("PENDING", "QUESTION", "PUBLISHED"), IdeaState.WITHDRAWN,
                    null, Instant.now(clock));
            if (done) {
                store.log(i.id(), "WITHDRAWN", "citizen");
            }
            return done;
        }).orElse(false);
    }

    @Transactional
    boolean deleteContact(String token) {
        return byToken(token).map(i -> {
            store.deletePersonalData(i.id(), Instant.now(clock));
            store.log(i.id(), "PERSONAL_DATA_DELETED", "citizen");
            return true;
        }).orElse(false);
    }

    /** The proposer answers a coordinator's question by correcting the idea; it goes back to review. */
    @Transactional
    Map<String, String> reply(String token, String title, String text) {
        Optional<Idea> idea = byToken(token);
        if (idea.isEmpty() || idea.get().ideaState() != IdeaState.QUESTION) {
            return Map.of("[global]", "participation.error.notOpen");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        textErrors(title, text, errors);
        if (errors.isEmpty()) {
            store.updateText(idea.get().id(), title.strip(), text.strip());
            store.log(idea.get().id(), "REPLIED", "citizen");
        }
        return errors;
    }

    // --- supports ---

    /** @return true for a new support, false when this browser already supported; empty for an idea not published */
    @Transactional
    Optional<Boolean> support(long id, String browserHash) {
        Optional<Idea> idea = publishedIdea(id);
        if (idea.isEmpty()) {
            return Optional.empty();
        }
        boolean added = store.addSupport(id, browserHash, Instant.now(clock));
        if (added) {
            events.publishEvent(new IdeaSupported(UUID.randomUUID(), today(), idea.get().labId(), idea.get().kind(), false));
        }
        return Optional.of(added);
    }

    @Transactional
    Optional<Boolean> unsupport(long id, String browserHash) {
        return publishedIdea(id).map(i -> browserHash != null && store.removeSupport(id, browserHash));
    }

    /** Fewer supports than this in a Stadtteil are shown as "fewer than 5", as in every figure of the platform. */
    static final int SMALLEST_SHOWN = 5;

    /** Records the Stadtteil a supporter chose after supporting; false for an unknown place or no support. */
    boolean supportStadtteil(long id, String browserHash, String stadtteil) {
        boolean known = stadtteil != null && (BremenDistricts.known(stadtteil)
                || BremenDistricts.OUTSIDE_BREMEN.equals(stadtteil) || BremenDistricts.NOT_STATED.equals(stadtteil));
        return known && browserHash != null && publishedIdea(id).isPresent()
                && store.setSupportStadtteil(id, browserHash, stadtteil);
    }

    boolean stadtteilOpen(long id, String browserHash) {
        return browserHash != null && store.stadtteilOpen(id, browserHash);
    }

    /** Supports per Stadtteil for the coordinator; a place with fewer than 5 supports has null (shown as "fewer than 5"). */
    Map<String, Long> supportsByStadtteil(long id) {
        Map<String, Long> result = new LinkedHashMap<>();
        store.supportsByStadtteil(id).forEach((place, count) -> result.put(place, count < SMALLEST_SHOWN ? null : count));
        return result;
    }

    boolean supports(long id, String browserHash) {
        return browserHash != null && store.supports(id, browserHash);
    }

    List<Long> supportedAmong(List<Long> ids, String browserHash) {
        return store.supportedAmong(ids, browserHash);
    }

    /** A helper counts supports given in person at the lab (e.g. on a paper list). */
    @Transactional
    boolean addInPersonSupports(long id, int count, String actor) {
        Optional<Idea> idea = publishedIdea(id);
        if (idea.isEmpty() || count < 1 || count > MAX_IN_PERSON) {
            return false;
        }
        store.addInPersonSupports(id, count, Instant.now(clock));
        store.log(id, "IN_PERSON_SUPPORTS_" + count, actor);
        for (int i = 0; i < count; i++) {
            events.publishEvent(new IdeaSupported(UUID.randomUUID(), today(), idea.get().labId(), idea.get().kind(), true));
        }
        return true;
    }

    @Transactional
    Map<String, String> requestConfirmedSupport(long id, String email, Locale locale) {
        if (email == null || email.isBlank() || !ContactRules.emailAcceptable(email)) {
            return Map.of("email", "participation.error.email");
        }
        Optional<Idea> idea = publishedIdea(id);
        if (idea.isEmpty()) {
            return Map.of("[global]", "participation.error.notPublished");
        }
        String token = SecretTokens.newToken();
        store.requestConfirmedSupport(id, keys.emailHash(email), SecretTokens.hash(token),
                Instant.now(clock));
        mails.confirmSupport(email.strip(), idea.get(), token, locale);
        return Map.of();
    }

    @Transactional
    Optional<Long> confirmSupport(String token) {
        return token == null ? Optional.empty() : store.confirmSupport(SecretTokens.hash(token), Instant.now(clock));
    }

    // --- following ---

    @Transactional
    Map<String, String> follow(long id, String email, Locale locale) {
        if (email == null || email.isBlank() || !ContactRules.emailAcceptable(email)) {
            return Map.of("email", "participation.error.email");
        }
        Optional<Idea> idea = publishedIdea(id);
        if (idea.isEmpty()) {
            return Map.of("[global]", "participation.error.notPublished");
        }
        String token = SecretTokens.newToken();
        store.follow(id, email.strip(), Language.forLocale(locale).tag(), SecretTokens.hash(token), Instant.now(clock));
        mails.confirmFollow(email.strip(), idea.get(), token, locale);
        return Map.of();
    }

    @Transactional
    Optional<Long> confirmFollow(String token) {
        return token == null ? Optional.empty() : store.confirmFollower(SecretTokens.hash(token), Instant.now(clock));
    }

    @Transactional
    Optional<Long> unfollow(String token) {
        return token == null ? Optional.empty() : store.unfollow(SecretTokens.hash(token));
    }

    @Transactional
    void report(long id) {
        store.report(id);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Berlin")));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
