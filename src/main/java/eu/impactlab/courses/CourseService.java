package eu.impactlab.courses;

import eu.impactlab.labs.LabService;
import eu.impactlab.labs.Language;
import eu.impactlab.platform.SecretTokens;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The courses module's one service: the public catalogue, a course's page, registering, and the participant's own
 * registration behind the private manage link. Seats and the waitlist are {@link Seats}' business.
 */
@Service
public class CourseService {

    private final CourseStore store;
    private final CourseViews views;
    private final Seats seats;
    private final CourseCalendar calendar;
    private final LabService labs;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final CoursesProperties properties;
    private final CourseAdmin admin;

    CourseService(CourseStore store, CourseViews views, Seats seats, CourseCalendar calendar, LabService labs,
            ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock, CoursesProperties properties,
            CourseAdmin admin) {
        this.admin = admin;
        this.store = store;
        this.views = views;
        this.seats = seats;
        this.calendar = calendar;
        this.labs = labs;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * A closed course for one group (a partner's workshop): a draft that never shows in the public catalogue, with
     * registration closed and one session, so attendance and certificates work as for any course.
     *
     * @return the new course's id
     */
    @org.springframework.transaction.annotation.Transactional
    public long createClosedCourse(long labId, String language, String title, int capacity, java.time.Instant start,
            java.time.Instant end, String actor) {
        CourseForm.Input input = new CourseForm.Input(labId, language, "FOUNDATION", false,
                Math.max(1, Math.min(capacity, CourseForm.MAX_CAPACITY)), null, null, CourseForm.DEFAULT_COMPLETION_PERCENT,
                null, null, java.util.List.of(), java.util.List.of(),
                java.util.Map.of("de", new CourseAdmin.Text(title, null, null, null)));
        long id = admin.create(input, java.util.List.of(new CourseForm.SessionTime(start, end)), actor);
        admin.setRegistrationClosed(id, true, actor);
        return id;
    }

    // --- the catalogue ---

    /**
     * What the catalogue can be filtered by; null (or an unknown value) means "any".
     *
     * @param lab         a lab's slug
     * @param targetGroup a target group key (SENIORS …)
     * @param language    the language of instruction, as a tag
     * @param from        the first day (Europe/Berlin) on which a session may start
     * @param to          the last day on which a session may start
     * @param competence  a DigComp competence ("4.2") or area ("4")
     */
    record Filter(String lab, String targetGroup, String language, LocalDate from, LocalDate to, String competence) {

        static Filter none() {
            return new Filter(null, null, null, null, null, null);
        }
    }

    record CataloguePage(List<CourseView> courses, int page, int pages, long total) {
        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }
    }

    /** Published courses that are not over yet, soonest first; {@code page} counts from 1. */
    CataloguePage catalogue(Filter filter, int page, Language language) {
        int size = Math.max(1, properties.pageSize());
        int wanted = Math.max(1, page);
        CourseStore.Filter where = storeFilter(filter);
        Instant now = Instant.now(clock);
        CourseStore.Found found = store.upcoming(where, now, language.tag(), (wanted - 1) * size, size);
        int pages = (int) Math.max(1, (found.total() + size - 1) / size);
        if (wanted > pages) {
            // An old link to a page that no longer exists shows the last one.
            wanted = pages;
            found = store.upcoming(where, now, language.tag(), (wanted - 1) * size, size);
        }
        return new CataloguePage(views.views(found.courses(), language), wanted, pages, found.total());
    }

    /** Every upcoming course that matches, for the API and the calendar feeds (at most {@code limit}). */
    List<CourseView> upcoming(Filter filter, Language language, int limit) {
        return views.views(store.upcoming(storeFilter(filter), Instant.now(clock), language.tag(), 0, limit).courses(), language);
    }

    /** A course for its public page: published or cancelled ones (drafts are nobody's business yet). */
    Optional<CourseView> course(long id, Language language) {
        return views.course(id, language).filter(c -> c.state() != CourseView.State.DRAFT);
    }

    /** The title of a public (published or cancelled) course, for other modules that link to it, e.g. an idea it realises. */
    public Optional<String> publicTitle(long id, Language language) {
        return course(id, language).map(c -> c.title().value());
    }

    List<Language> teachingLanguages() {
        return store.teachingLanguages().stream().map(Language::fromTag).flatMap(Optional::stream).toList();
    }

    private CourseStore.Filter storeFilter(Filter f) {
        Long labId = f.lab() == null || f.lab().isBlank() ? null : labs.idOf(f.lab()).orElse(-1L);
        String group = TargetGroup.of(f.targetGroup()).map(Enum::name).orElse(null);
        String language = Language.fromTag(f.language()).map(Language::tag).orElse(null);
        String competence = f.competence() != null && (Competences.known(f.competence())
                || Competences.AREAS.stream().anyMatch(a -> a.code().equals(f.competence()))) ? f.competence() : null;
        return new CourseStore.Filter(labId, group, language,
                f.from() == null ? null : f.from().atStartOfDay(CourseView.BREMEN).toInstant(),
                f.to() == null ? null : f.to().plusDays(1).atStartOfDay(CourseView.BREMEN).toInstant(), competence);
    }

    // --- registering ---

    RegistrationOutcome register(RegistrationRequest request) {
        return seats.register(request);
    }

    // --- the participant's own registration, by the token in the manage link ---

    Optional<Registration> registration(String token) {
        return store.byTokenHash(SecretTokens.hash(token));
    }

    /** Cancels the registration behind a manage link; false when there was nothing to cancel. */
    boolean cancel(String token) {
        return registration(token).map(r -> seats.cancel(r.id(), "citizen").cancelled()).orElse(false);
    }

    /** Deletes name and contact at the participant's wish; a seat stays theirs. */
    boolean deletePersonalData(String token) {
        Optional<Registration> found = registration(token);
        found.ifPresent(r -> transactions.executeWithoutResult(status -> {
            store.deletePersonalData(r.id(), Instant.now(clock));
            store.log(r.courseId(), r.id(), "PERSONAL_DATA_DELETED", "citizen");
        }));
        return found.isPresent();
    }

    /** Whether the person may answer "Did this help you?": they held a seat and the last session is over. */
    boolean feedbackOpen(Registration registration, CourseView course) {
        return registration.status() == Registration.Status.CONFIRMED && registration.feedbackGivenAt() == null
                && course.lastEnd() != null && !Instant.now(clock).isBefore(course.lastEnd().toInstant());
    }

    /** Stores the answer once (1 = not at all … 5 = very much); false when it was not open or already given. */
    boolean giveFeedback(String token, int score) {
        if (score < 1 || score > 5) {
            return false;
        }
        Optional<Registration> found = registration(token);
        if (found.isEmpty()) {
            return false;
        }
        Registration r = found.get();
        Optional<CourseView> course = views.course(r.courseId(), Language.DE);
        if (course.isEmpty() || !feedbackOpen(r, course.get())) {
            return false;
        }
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Instant now = Instant.now(clock);
            if (!store.markFeedbackGiven(r.id(), now)) {
                return false;
            }
            store.log(r.courseId(), r.id(), "FEEDBACK_GIVEN", "citizen");
            CourseView c = course.get();
            events.publishEvent(new CourseFeedbackGiven(UUID.randomUUID(), LocalDate.ofInstant(now, CourseView.BREMEN),
                    new CourseFacts(c.id(), c.lab().id(), c.targetGroups().stream().map(Enum::name).toList(),
                            c.competences(), c.language(), c.technical()), score));
            return true;
        }));
    }

    /** The "add to calendar" file for a registration that is not cancelled. */
    Optional<byte[]> calendarFile(String token, Locale locale) {
        return registration(token).filter(Registration::active)
                .flatMap(r -> views.course(r.courseId(), Language.forLocale(locale))
                        .map(c -> calendar.participantFile(c, locale, r.status() == Registration.Status.CONFIRMED)));
    }

    /** A feed of upcoming courses (of one lab or all) to subscribe to. */
    byte[] feed(String labSlug, Language language, String name) {
        return calendar.feed(name, upcoming(new Filter(labSlug, null, null, null, null, null), language, 500), language.locale());
    }

    // --- for the skills module's learning paths and before/after self-checks ---

    /** An upcoming course as a learning path shows it, with its title in the asked language (German where missing). */
    public record Suggestion(long id, String title, String titleLanguage, String level, List<String> competences,
            java.time.ZonedDateTime firstStart, String labName, boolean registrable) {
    }

    /** Upcoming published courses that train at least one of these competences at one of these levels, soonest first. */
    public List<Suggestion> upcomingTraining(java.util.Collection<String> competences, java.util.Collection<String> levels,
            Language language, int limit) {
        return upcoming(Filter.none(), language, 500).stream()
                .filter(c -> levels.contains(c.level()) && c.competences().stream().anyMatch(competences::contains))
                .limit(limit)
                .map(c -> new Suggestion(c.id(), c.title().value(), c.title().language(), c.level(), c.competences(),
                        c.firstStart(), c.lab().name(), c.state().registrable()))
                .toList();
    }

    /** The course behind a manage link, for a self-check on its competences before the first and after the last session. */
    public record RegisteredCourse(long courseId, String title, String titleLanguage, List<String> competences,
            java.time.ZonedDateTime firstStart, java.time.ZonedDateTime lastStart, boolean cancelled, String level,
            boolean completed) {
    }

    public Optional<RegisteredCourse> registeredCourse(String manageToken, Language language) {
        return registration(manageToken).flatMap(r -> registeredCourse(r, language));
    }

    /** The course of a registration, for a claim link that knows the registration but not its manage link. */
    public Optional<RegisteredCourse> registeredCourse(long registrationId, Language language) {
        return store.registration(registrationId).flatMap(r -> registeredCourse(r, language));
    }

    private Optional<RegisteredCourse> registeredCourse(Registration r, Language language) {
        return views.course(r.courseId(), language).map(c -> new RegisteredCourse(
                c.id(), c.title().value(), c.title().language(), c.competences(), c.firstStart(),
                c.sessions().stream().map(CourseView.Session::start).max(java.time.ZonedDateTime::compareTo).orElse(null),
                !r.active() || c.state() == CourseView.State.CANCELLED, c.level(), store.completed(r.id())));
    }

    /** The language a participant registered in, so what they receive later (e.g. a badge) speaks it. */
    public Optional<Language> registrationLanguage(String manageToken) {
        return registration(manageToken).map(CourseService::language);
    }

    /** The registration behind a manage link, so the skills module can find the badge of either of its links. */
    public Optional<Long> registrationId(String manageToken) {
        return registration(manageToken).map(Registration::id);
    }

    /**
     * A participant who completed a course, for the badge claim mail and the printed claim slip.
     *
     * @param name  null once the personal data is deleted
     * @param email null when they left none
     */
    public record Completer(long registrationId, long courseId, String name, String email, Language language) {
    }

    /** The participant of a registration if they completed its course and did not cancel. */
    public Optional<Completer> completer(long registrationId) {
        return store.registration(registrationId).filter(r -> r.active() && store.completed(r.id()))
                .map(r -> new Completer(r.id(), r.courseId(), r.name(), r.email(), language(r)));
    }

    /** All who completed a course, by name. */
    public List<Completer> completers(long courseId) {
        return store.completedRegistrations(courseId).stream().map(this::completer).flatMap(Optional::stream)
                .sorted(java.util.Comparator.comparing((Completer c) -> c.name() == null ? "" : c.name().toLowerCase(Locale.ROOT))
                        .thenComparing(Completer::registrationId))
                .toList();
    }

    private static Language language(Registration r) {
        return Language.fromTag(r.uiLanguage()).orElse(Language.DE);
    }

    /** A course's title for anonymous figures (any state but draft), in the asked language or German. */
    public Optional<String> title(long courseId, Language language) {
        return course(courseId, language).map(c -> c.title().value());
    }

    /** A course as its badge's achievement starts from: any state, with its level and DigComp competences. */
    public record BadgeCourse(long id, long labId, String title, String level, List<String> competences) {
    }

    public Optional<BadgeCourse> badgeCourse(long courseId, Language language) {
        return admin.course(courseId).map(c -> new BadgeCourse(c.id(), c.labId(), c.title(language), c.level(), c.competences()));
    }

    /** The lab a course belongs to, so other modules can check who may act on what it produced (e.g. its badges). */
    public Optional<Long> labOf(long courseId) {
        return admin.course(courseId).map(CourseAdmin.Course::labId);
    }

    long retentionDays() {
        return properties.retentionDays();
    }
}
