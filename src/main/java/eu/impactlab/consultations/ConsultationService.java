package eu.impactlab.consultations;

import eu.impactlab.platform.StaffAction;
import eu.impactlab.labs.LabService;
import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import eu.impactlab.platform.ContactRules;
import eu.impactlab.platform.IdempotencyKeys;
import eu.impactlab.platform.SecretTokens;
import eu.impactlab.platform.SqlStates;
import eu.impactlab.platform.TextRules;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The consultations module's one service: topics, free times, booking, and the citizen's own appointment. */
@Service
public class ConsultationService {

    static final int MAX_NAME = 60;
    /** The message for an idempotency key that came again with another request (the API answers 422). */
    /** The same for a booking form sent again with changed answers (the back button, then "book" once more). */
    static final String FORM_REUSED = "input.error.formReused";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConsultationStore store;
    private final SlotFinder slots;
    private final LabService labs;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ConsultationsProperties properties;
    private final AppointmentMails mails;
    private final ApplicationEventPublisher events;
    private final BookingMetrics metrics;

    ConsultationService(ConsultationStore store, SlotFinder slots, LabService labs, TransactionTemplate transactions,
            Clock clock, ConsultationsProperties properties, AppointmentMails mails, ApplicationEventPublisher events,
            BookingMetrics metrics) {
        this.metrics = metrics;
        this.store = store;
        this.slots = slots;
        this.labs = labs;
        this.transactions = transactions;
        this.clock = clock;
        this.properties = properties;
        this.mails = mails;
        this.events = events;
    }

    public List<TopicView> topics(Language language) {
        return store.topics(language.tag());
    }

    public Optional<TopicView> topic(String key, Language language) {
        return topics(language).stream().filter(t -> t.key().equals(key)).findFirst();
    }

    /** Free times at a lab for a topic and language, from one day to another (both included, at most the booking window). */
    public List<Slot> freeSlots(String labSlug, String topicKey, String language, LocalDate from, LocalDate to) {
        Optional<Long> labId = labs.idOf(labSlug);
        Optional<TopicView> topic = topic(topicKey, Language.DE);
        if (labId.isEmpty() || topic.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock.withZone(SlotFinder.BREMEN));
        LocalDate first = from.isBefore(today) ? today : from;
        LocalDate lastBookable = today.plusDays(properties.bookingDays());
        LocalDate last = to.isAfter(lastBookable) ? lastBookable : to;
        return slots.find(labId.get(), labSlug, topicKey, topic.get().minutes(), language, first, last);
    }

    /** The operator's own video service (its address) when one is configured; without it video is not offered. */
    public Optional<String> videoService() {
        return properties.videoOffered() ? Optional.of(properties.videoBaseUrl().strip()) : Optional.empty();
    }

    /** Whether a helper anywhere speaks the language: the booking flow only offers languages someone speaks. */
    public boolean someoneSpeaks(String language) {
        return store.anyHelperSpeaks(language);
    }

    public BookingOutcome book(BookingRequest request) {
        BookingOutcome outcome = bookOnce(request);
        metrics.count(request.lab(), outcome);
        return outcome;
    }

    private BookingOutcome bookOnce(BookingRequest request) {
        String fingerprint = fingerprint(request);
        if (request.idempotencyKey() != null && IdempotencyKeys.storable(request.idempotencyKey())) {
            Optional<BookingOutcome> earlier = earlier(request.idempotencyKey(), fingerprint);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        // The lab and the topic are looked up once per booking, in the language of the answer: each lookup is a round
        // trip to the database. Whether anyone speaks the language is asked only when nobody is free.
        Language ui = Language.fromTag(request.uiLanguage()).filter(Language::ui).orElse(Language.DE);
        Optional<LabView> lab = request.lab() == null ? Optional.empty() : labs.lab(request.lab(), ui);
        Optional<TopicView> topic = request.topic() == null ? Optional.empty() : topic(request.topic(), ui);
        Map<String, String> errors = validate(request, lab.map(LabView::id), topic, false);
        if (!errors.isEmpty()) {
            return new BookingOutcome.Invalid(validate(request, lab.map(LabView::id), topic, true));
        }
        ZonedDateTime start = request.start().atZoneSameInstant(SlotFinder.BREMEN);
        Instant startsAt = start.toInstant();
        // Only the wished time is checked, not the whole day; the exclusion constraint decides between rivals.
        List<Long> candidates = slots.helpersFreeAt(lab.get().id(), request.lab(), request.topic(), topic.get().minutes(),
                request.language(), startsAt, request.mode());
        for (long helper : candidates) {
            Optional<BookingOutcome> booked = tryBook(request, fingerprint, lab.get(), helper, topic.get(), startsAt,
                    startsAt.plus(Duration.ofMinutes(topic.get().minutes())));
            if (booked.isPresent()) {
                return booked.get();
            }
        }
        if (candidates.isEmpty() && !store.anyHelperSpeaks(request.language())) {
            return new BookingOutcome.Invalid(validate(request, lab.map(LabView::id), topic, true));
        }
        return new BookingOutcome.Taken(alternatives(request, start));
    }

    /** Helpers free then who offer the mode, those with the fewest appointments that day first, to share the work. */
    private List<Long> candidates(Slot slot, Mode mode, LocalDate day) {
        Instant dayStart = day.atStartOfDay(SlotFinder.BREMEN).toInstant();
        Instant dayEnd = day.plusDays(1).atStartOfDay(SlotFinder.BREMEN).toInstant();
        List<Long> offering = slot.helpers().entrySet().stream()
                .filter(e -> e.getValue().contains(mode))
                .map(Map.Entry::getKey)
                .toList();
        Map<Long, Long> load = store.appointmentsOn(offering, dayStart, dayEnd);
        return offering.stream()
                .sorted(Comparator.comparingLong((Long h) -> load.getOrDefault(h, 0L)).thenComparing(h -> h))
                .toList();
    }

    /** One insert in its own transaction; the database's exclusion constraint decides who gets a contested time. */
    private Optional<BookingOutcome> tryBook(BookingRequest request, String fingerprint, LabView lab, long helper,
            TopicView topic, Instant startsAt, Instant endsAt) {
        long labId = lab.id();
        for (int attempt = 0; attempt < 5; attempt++) {
            String token = newToken();
            String meetingUrl = request.mode() == Mode.VIDEO ? meetingUrl() : null;
            var appointment = new ConsultationStore.NewAppointment(BookingCodes.next(), labId, helper, topic.key(),
                    request.language(), request.mode(), startsAt, endsAt,
                    trimToNull(request.name()), trimToNull(request.email()), trimToNull(request.phone()),
                    Language.fromTag(request.uiLanguage()).filter(Language::ui).orElse(Language.DE).tag(), meetingUrl,
                    hash(token), request.idempotencyKey(), request.idempotencyKey() == null ? null : fingerprint);
            try {
                AppointmentView booked = transactions.execute(status -> {
                    long newId = store.insert(appointment);
                    store.log(newId, "BOOKED", "citizen");
                    AppointmentView view = view(appointment, lab, topic);
                    events.publishEvent(new AppointmentBooked(UUID.randomUUID(), view.start().toLocalDate(), labId,
                            topic.key(), request.language(), request.mode()));
                    // The confirmation joins this transaction: no booking without its mail, no mail without the booking.
                    mails.booked(newId, view, appointment.email(), token);
                    return view;
                });
                return Optional.of(new BookingOutcome.Booked(booked, token));
            } catch (DataIntegrityViolationException e) {
                String state = SqlStates.of(e);
                if (SqlStates.EXCLUSION_VIOLATION.equals(state)) {
                    return Optional.empty(); // this helper was taken meanwhile: try the next one
                }
                if (SqlStates.UNIQUE_VIOLATION.equals(state) && request.idempotencyKey() != null) {
                    Optional<BookingOutcome> earlier = earlier(request.idempotencyKey(), fingerprint);
                    if (earlier.isPresent()) {
                        return earlier; // the same key came twice at once: the other one booked first
                    }
                }
                if (!SqlStates.UNIQUE_VIOLATION.equals(state)) {
                    throw e;
                }
                // a booking code or token that exists already: draw new ones
            }
        }
        throw new IllegalStateException("could not draw a free booking code");
    }

    /**
     * What an idempotency key made before: the first booking when the request is the same (without the name and the
     * video link: whoever repeats a key learns only what the first answer said), a refusal when it is another request.
     * An expired key is freed and counts as new.
     */
    private Optional<BookingOutcome> earlier(String key, String fingerprint) {
        Optional<ConsultationStore.KeyUse> use = store.keyUse(key);
        if (use.isEmpty()) {
            return Optional.empty();
        }
        if (!IdempotencyKeys.current(use.get().createdAt(), Instant.now(clock))) {
            store.forgetIdempotencyKey(use.get().appointmentId());
            return Optional.empty();
        }
        if (!fingerprint.equals(use.get().requestHash())) {
            return Optional.of(new BookingOutcome.Invalid(Map.of("idempotencyKey",
                    key.startsWith("form:") ? FORM_REUSED : IdempotencyKeys.REUSED)));
        }
        AppointmentView first = view(store.byId(use.get().appointmentId()).orElseThrow());
        return Optional.of(new BookingOutcome.Repeated(new AppointmentView(first.code(), first.labSlug(), first.labName(),
                first.labAddress(), first.topicKey(), first.topicTitle(), first.language(), first.mode(), first.start(),
                first.end(), first.status(), null, false, null, first.personalDataDeleted(), first.uiLanguage(),
                first.feedbackGiven())));
    }

    /** The request in canonical form, as the fingerprint stored with its idempotency key. */
    private static String fingerprint(BookingRequest r) {
        return IdempotencyKeys.fingerprint(r.lab(), r.topic(), r.language(),
                r.start() == null ? null : r.start().toInstant(), r.mode(), trimToNull(r.name()), trimToNull(r.email()),
                trimToNull(r.phone()), r.consent());
    }

    /** The nearest free times around the wished one, in the next two weeks. */
    private List<Slot> alternatives(BookingRequest request, ZonedDateTime wished) {
        if (labs.idOf(request.lab()).isEmpty() || topic(request.topic(), Language.DE).isEmpty()) {
            return List.of();
        }
        LocalDate from = wished.toLocalDate().minusDays(1);
        List<Slot> free = freeSlots(request.lab(), request.topic(), request.language(), from, from.plusDays(14));
        return free.stream()
                .filter(s -> request.mode() == null || s.offers(request.mode()))
                .sorted(Comparator.comparing(s -> Duration.between(wished, s.start()).abs()))
                .limit(5)
                .sorted(Comparator.comparing(Slot::start))
                .toList();
    }

    /** Field → message key for everything wrong with a request; empty when it may be booked. */
    Map<String, String> validate(BookingRequest r) {
        return validate(r, r.lab() == null ? Optional.empty() : labs.idOf(r.lab()),
                r.topic() == null ? Optional.empty() : topic(r.topic(), Language.DE), true);
    }

    private Map<String, String> validate(BookingRequest r, Optional<Long> lab, Optional<TopicView> topic,
            boolean askWhoSpeaks) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (lab.isEmpty()) {
            errors.put("lab", "booking.error.lab");
        }
        if (topic.isEmpty()) {
            errors.put("topic", "booking.error.topic");
        }
        if (r.language() == null || Language.fromTag(r.language()).isEmpty() || askWhoSpeaks && !store.anyHelperSpeaks(r.language())) {
            errors.put("language", "booking.error.language");
        }
        if (r.start() == null) {
            errors.put("start", "booking.error.start");
        } else {
            Instant start = r.start().toInstant();
            Instant now = Instant.now(clock);
            if (start.isBefore(now.plus(properties.leadTime()))) {
                errors.put("start", "booking.error.startPast");
            } else if (start.isAfter(now.plus(Duration.ofDays(properties.bookingDays() + 1)))) {
                errors.put("start", "booking.error.startTooFar");
            }
        }
        if (r.mode() == null || !properties.offeredModes().contains(r.mode())) {
            errors.put("mode", "booking.error.mode");
        }
        if (!IdempotencyKeys.storable(r.idempotencyKey())) {
            errors.put("idempotencyKey", "input.error.idempotencyKey");
        }
        errors.putAll(contactErrors(r.name(), r.email(), r.phone(), r.consent()));
        return errors;
    }

    /** The rules for the optional name and contact and the consent (asked only when any is given), shared by the form and the API. */
    static Map<String, String> contactErrors(String name, String email, String phone, boolean consent) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (name != null && name.strip().length() > MAX_NAME) {
            errors.put("name", "booking.error.nameLong");
        } else if (!TextRules.singleLine(name)) {
            errors.put("name", "input.error.controlCharacters");
        }
        if (!ContactRules.emailAcceptable(email)) {
            errors.put("email", "booking.error.email");
        }
        if (!ContactRules.phoneAcceptable(phone)) {
            errors.put("phone", "booking.error.phone");
        }
        if (!consent && givesPersonalData(name, email, phone)) {
            errors.put("consent", "booking.error.consent");
        }
        return errors;
    }

    /** Consent is only needed for something to consent to: an appointment without name or contact stores nothing personal. */
    static boolean givesPersonalData(String name, String email, String phone) {
        return !(isBlank(name) && isBlank(email) && isBlank(phone));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    // --- the citizen's own appointment, by the token in the manage link ---

    public Optional<AppointmentView> appointment(String manageToken, Language language) {
        return store.byTokenHash(hash(manageToken)).map(row -> view(row, language));
    }

    /** Cancels the appointment behind a manage link; false when there was nothing to cancel. */
    public boolean cancel(String manageToken) {
        Optional<ConsultationStore.Row> row = store.byTokenHash(hash(manageToken));
        if (row.isEmpty() || !"BOOKED".equals(row.get().status())) {
            return false;
        }
        return cancel(row.get(), "citizen");
    }

    /** Staff cancel a booked appointment (the lab closes, the helper is away); the citizen gets the usual mail. */
    boolean cancelByStaff(long id, String actor) {
        return store.byId(id).filter(row -> "BOOKED".equals(row.status())).map(row -> cancel(row, actor)).orElse(false);
    }

    private boolean cancel(ConsultationStore.Row row, String actor) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            boolean cancelled = store.cancel(row.id());
            if (cancelled) {
                store.log(row.id(), "CANCELLED", actor);
                if (!"citizen".equals(actor)) {
                    events.publishEvent(new StaffAction(actor, "APPOINTMENT_CANCELLED", "appointment",
                            String.valueOf(row.id()), row.labId(), "status " + row.status() + " -> CANCELLED"));
                }
                events.publishEvent(new AppointmentCancelled(UUID.randomUUID(),
                        row.startsAt().atZone(SlotFinder.BREMEN).toLocalDate(), row.labId(),
                        row.topicKey(), row.language()));
                mails.cancelled(row.id(), row.sequence(), view(store.byId(row.id()).orElseThrow()), row.email());
            }
            return cancelled;
        }));
    }

    /**
     * Records the citizen's answer to "Did this help you?" (1 to 5) for an appointment that took place; false when
     * there is nothing to answer (unknown link, help not given, or answered before). Only the anonymous answer leaves
     * this module.
     */
    public boolean feedback(String manageToken, int score) {
        Optional<ConsultationStore.Row> found = store.byTokenHash(hash(manageToken));
        if (found.isEmpty() || score < 1 || score > 5) {
            return false;
        }
        ConsultationStore.Row row = found.get();
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!store.markFeedbackGiven(row.id())) {
                return false;
            }
            store.log(row.id(), "FEEDBACK_GIVEN", "citizen");
            events.publishEvent(new ConsultationFeedbackGiven(UUID.randomUUID(),
                    row.startsAt().atZone(SlotFinder.BREMEN).toLocalDate(), row.labId(), row.topicKey(), row.language(), score));
            return true;
        }));
    }

    /**
     * Moves the appointment behind a manage link to another free time at the same lab (same topic and language); the
     * code and the link stay. The exclusion constraint decides, as for a new booking.
     */
    public BookingOutcome move(String manageToken, OffsetDateTime start) {
        Optional<ConsultationStore.Row> found = store.byTokenHash(hash(manageToken));
        if (found.isEmpty() || !"BOOKED".equals(found.get().status())) {
            return new BookingOutcome.Invalid(Map.of("start", "manage.notCancellable"));
        }
        ConsultationStore.Row row = found.get();
        if (start == null || start.toInstant().isBefore(Instant.now(clock).plus(properties.leadTime()))) {
            return new BookingOutcome.Invalid(Map.of("start", start == null ? "booking.error.start" : "booking.error.startPast"));
        }
        String labSlug = labs.labs(Language.DE).stream().filter(l -> l.id() == row.labId()).findFirst().orElseThrow().slug();
        ZonedDateTime wished = start.atZoneSameInstant(SlotFinder.BREMEN);
        LocalDate day = wished.toLocalDate();
        Optional<Slot> slot = freeSlots(labSlug, row.topicKey(), row.language(), day, day).stream()
                .filter(s -> s.start().toInstant().equals(wished.toInstant()) && s.offers(row.mode()))
                .findFirst();
        if (slot.isPresent()) {
            for (long helper : candidates(slot.get(), row.mode(), day)) {
                try {
                    AppointmentView moved = transactions.execute(status -> {
                        if (!store.move(row.id(), helper, slot.get().start().toInstant(), slot.get().end().toInstant())) {
                            return null;
                        }
                        store.log(row.id(), "MOVED", "citizen");
                        ConsultationStore.Row now = store.byId(row.id()).orElseThrow();
                        AppointmentView view = view(now);
                        mails.moved(now.id(), now.sequence(), view, now.email(), manageToken);
                        return view;
                    });
                    if (moved == null) {
                        return new BookingOutcome.Invalid(Map.of("start", "manage.notCancellable"));
                    }
                    return new BookingOutcome.Booked(moved, manageToken);
                } catch (DataIntegrityViolationException e) {
                    if (!SqlStates.EXCLUSION_VIOLATION.equals(SqlStates.of(e))) {
                        throw e;
                    }
                }
            }
        }
        BookingRequest again = new BookingRequest(labSlug, row.topicKey(), row.language(), start, row.mode(), null, null,
                null, true, row.uiLanguage(), null);
        return new BookingOutcome.Taken(alternatives(again, wished));
    }

    /** Free times to move an appointment to: same lab, topic, language and way of meeting. */
    public List<Slot> moveOptions(String manageToken) {
        Optional<ConsultationStore.Row> found = store.byTokenHash(hash(manageToken)).filter(r -> "BOOKED".equals(r.status()));
        if (found.isEmpty()) {
            return List.of();
        }
        ConsultationStore.Row row = found.get();
        String labSlug = labs.labs(Language.DE).stream().filter(l -> l.id() == row.labId()).findFirst().orElseThrow().slug();
        LocalDate today = LocalDate.now(clock.withZone(SlotFinder.BREMEN));
        return freeSlots(labSlug, row.topicKey(), row.language(), today, today.plusDays(14)).stream()
                .filter(s -> s.offers(row.mode()))
                .toList();
    }

    /** Deletes name and contact data at the citizen's wish; the anonymous appointment stays for the helper's day. */
    public boolean deletePersonalData(String manageToken) {
        Optional<ConsultationStore.Row> row = store.byTokenHash(hash(manageToken));
        row.ifPresent(r -> transactions.executeWithoutResult(status -> {
            store.deletePersonalData(r.id());
            store.log(r.id(), "PERSONAL_DATA_DELETED", "citizen");
        }));
        return row.isPresent();
    }

    /** The "add to calendar" file for the appointment behind a manage link. */
    public Optional<byte[]> calendarFile(String manageToken) {
        return store.byTokenHash(hash(manageToken))
                .filter(row -> !"CANCELLED".equals(row.status()))
                .map(row -> mails.calendarFile(row.id(), view(row), manageToken));
    }

    AppointmentView view(ConsultationStore.Row row) {
        return view(row, Language.fromTag(row.uiLanguage()).orElse(Language.DE));
    }

    /** A new appointment as its row will read, without reading it back; lab and topic in its language. */
    private static AppointmentView view(ConsultationStore.NewAppointment a, LabView lab, TopicView topic) {
        return new AppointmentView(a.code(), lab.slug(), lab.name(), lab.address(), a.topicKey(), topic.title(),
                a.language(), a.mode(), a.startsAt().atZone(SlotFinder.BREMEN), a.endsAt().atZone(SlotFinder.BREMEN),
                AppointmentView.Status.BOOKED, a.name(), a.email() != null, a.meetingUrl(), false, a.uiLanguage(), false);
    }

    private AppointmentView view(ConsultationStore.Row row, Language language) {
        LabView lab = labs.labs(language).stream().filter(l -> l.id() == row.labId()).findFirst().orElseThrow();
        String topicTitle = topic(row.topicKey(), language).map(TopicView::title).orElse(row.topicKey());
        return new AppointmentView(row.code(), lab.slug(), lab.name(), lab.address(), row.topicKey(), topicTitle,
                row.language(), row.mode(), row.startsAt().atZone(SlotFinder.BREMEN), row.endsAt().atZone(SlotFinder.BREMEN),
                AppointmentView.Status.valueOf(row.status()), row.name(), row.email() != null, row.meetingUrl(),
                row.personalDataDeletedAt() != null, row.uiLanguage(), row.feedbackGiven());
    }

    private String meetingUrl() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        String base = properties.videoBaseUrl().endsWith("/") ? properties.videoBaseUrl() : properties.videoBaseUrl() + "/";
        return base + "ImpactLab-" + HexFormat.of().formatHex(bytes);
    }

    static String newToken() {
        return SecretTokens.newToken();
    }

    static String hash(String token) {
        return SecretTokens.hash(token);
    }


    private static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
