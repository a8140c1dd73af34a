package eu.impactlab.labs;

import eu.impactlab.platform.DataVersions;
import eu.impactlab.platform.StaffAction;
import org.springframework.context.ApplicationEventPublisher;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The labs module's one service: reading labs for the public and changing them for their coordinators. */
@Service
public class LabService {

    /** How far ahead a change of the weekly hours is checked against what is booked. */
    static final int CHECK_DAYS_AHEAD = 366;
    private static final ZoneId BREMEN = ZoneId.of("Europe/Berlin");

    private final LabRepository labs;
    private final Clock clock;
    private final DataVersions versions;
    private final TransactionTemplate readOnly;
    private volatile LabCatalogue catalogue;
    // Looked up when needed: the modules that implement it use this service themselves.
    private final ObjectProvider<LabBookings> bookings;
    private final ApplicationEventPublisher events;

    LabService(LabRepository labs, Clock clock, DataVersions versions, PlatformTransactionManager transactions,
            ObjectProvider<LabBookings> bookings, ApplicationEventPublisher events) {
        this.events = events;
        this.labs = labs;
        this.clock = clock;
        this.versions = versions;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.bookings = bookings;
    }

    /** Every lab, in the order they were founded. */
    public List<LabView> labs(Language language) {
        return catalogue().views(language);
    }

    public Optional<LabView> lab(String slug, Language language) {
        return catalogue().view(slug, language);
    }

    public Optional<Long> idOf(String slug) {
        return catalogue().view(slug, Language.DE).map(LabView::id);
    }

    /** Opening hours for {@code days} days from {@code from}, with closures, other hours and public holidays. */
    public List<DaySchedule> schedule(String slug, LocalDate from, int days) {
        return catalogue().schedule(slug, from, days);
    }

    /** This week and the next, starting on this week's Monday. */
    public List<DaySchedule> twoWeeks(String slug) {
        LocalDate monday = LocalDate.now(clock).with(DayOfWeek.MONDAY);
        return schedule(slug, monday, 14);
    }

    /** The regular weekly hours, without closures and holidays. */
    public Map<DayOfWeek, List<DaySchedule.TimeRange>> weeklyHours(String slug) {
        return catalogue().weekly(slug);
    }

    /**
     * The labs as of the current data version: loaded again only after a change (by anyone, on any instance), since
     * the public pages read them on every request.
     */
    private LabCatalogue catalogue() {
        long version = versions.current(DataVersions.LABS);
        LabCatalogue current = catalogue;
        if (current == null || current.version() != version) {
            current = readOnly.execute(status -> LabCatalogue.of(version, labs.findAllByOrderByIdAsc()));
            catalogue = current;
        }
        return current;
    }

    static Map<DayOfWeek, List<DaySchedule.TimeRange>> weekly(Lab lab) {
        Map<DayOfWeek, List<DaySchedule.TimeRange>> weekly = new java.util.EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            weekly.put(day, weekly(lab, day));
        }
        return weekly;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    static List<DaySchedule> schedule(Lab lab, LocalDate from, int days) {
        return schedule(lab.exceptions, weekly(lab), from, days);
    }

    /** The days as they would be with these exceptions and weekly hours, so a change can be checked before saving. */
    static List<DaySchedule> schedule(List<Lab.DayException> changes, Map<DayOfWeek, List<DaySchedule.TimeRange>> weekly,
            LocalDate from, int days) {
        Map<LocalDate, Lab.DayException> exceptions = changes.stream()
                .collect(Collectors.toMap(e -> e.day, e -> e, (a, b) -> b));
        return from.datesUntil(from.plusDays(days)).map(date -> {
            Lab.DayException exception = exceptions.get(date);
            if (exception != null) {
                List<DaySchedule.TimeRange> periods = exception.closed
                        ? List.of()
                        : List.of(new DaySchedule.TimeRange(exception.opens, exception.closes));
                return new DaySchedule(date, periods, exception.reason);
            }
            if (BremenHolidays.isHoliday(date)) {
                return new DaySchedule(date, List.of(), ClosureReason.PUBLIC_HOLIDAY);
            }
            return new DaySchedule(date, weekly.getOrDefault(date.getDayOfWeek(), List.of()), null);
        }).toList();
    }

    static List<DaySchedule.TimeRange> weekly(Lab lab, DayOfWeek day) {
        return lab.openingHours.stream()
                .filter(p -> p.dayOfWeek == day.getValue())
                .sorted(Comparator.comparing(p -> p.opens))
                .map(p -> new DaySchedule.TimeRange(p.opens, p.closes))
                .toList();
    }

    // --- changes by coordinators (and admins) of the lab ---

    @Transactional(readOnly = true)
    List<LabView> manageable(Authentication who) {
        return labs.findAllByOrderByIdAsc().stream()
                .filter(lab -> LabAccess.canManage(who, lab.id))
                .map(lab -> view(lab, Language.DE))
                .toList();
    }

    @Transactional(readOnly = true)
    LabForEdit forEdit(String slug, Authentication who) {
        Lab lab = manageableLab(slug, who);
        Map<String, LabForEdit.Texts> texts = lab.texts.entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, e -> new LabForEdit.Texts(e.getValue().description, e.getValue().directions)));
        List<LabForEdit.DayChange> upcoming = lab.exceptions.stream()
                .filter(e -> !e.day.isBefore(today()))
                .sorted(Comparator.comparing(e -> e.day))
                .map(e -> new LabForEdit.DayChange(e.day, e.closed, e.opens, e.closes, e.reason))
                .toList();
        return new LabForEdit(view(lab, Language.DE), texts, weekly(lab), upcoming);
    }

    @Transactional
    void updateTexts(String slug, Language language, String description, String directions, Authentication who) {
        Lab lab = manageableLab(slug, who);
        lab.texts.put(language.tag(), new Lab.Text(description.strip(), directions.strip()));
        audit(who, "LAB_TEXTS_CHANGED", lab, "language " + language.tag());
    }

    @Transactional
    void updateWeeklyHours(String slug, Map<DayOfWeek, List<DaySchedule.TimeRange>> hours, Authentication who) {
        Lab lab = manageableLab(slug, who);
        lab.openingHours.clear();
        hours.forEach((day, periods) -> periods.forEach(
                p -> lab.openingHours.add(new Lab.Period(day.getValue(), p.opens(), p.closes()))));
        audit(who, "LAB_HOURS_CHANGED", lab, hours.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().toString().substring(0, 2) + " " + e.getValue().stream()
                        .map(p -> p.opens() + "–" + p.closes()).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; ")));
    }

    @Transactional
    void saveException(String slug, LocalDate day, boolean closed, LocalTime opens, LocalTime closes,
            ClosureReason reason, Authentication who) {
        Lab lab = manageableLab(slug, who);
        lab.exceptions.removeIf(e -> e.day.equals(day));
        lab.exceptions.add(new Lab.DayException(day, closed, opens, closes, reason));
        audit(who, "LAB_CLOSURE_SAVED", lab, day + (closed ? " closed" : " " + opens + "–" + closes));
    }

    // --- what a change would leave outside the hours ---

    /** Upcoming bookings inside the lab's hours now that the new weekly hours would leave outside. */
    @Transactional(readOnly = true)
    List<LabBookings.Booking> affectedByWeeklyHours(String slug, Map<DayOfWeek, List<DaySchedule.TimeRange>> hours,
            Authentication who, Language language) {
        Lab lab = manageableLab(slug, who);
        return newlyOutside(lab, schedule(lab, today(), CHECK_DAYS_AHEAD),
                schedule(lab.exceptions, hours, today(), CHECK_DAYS_AHEAD), language);
    }

    /** Upcoming bookings on {@code day}, inside the lab's hours now, that a closure or other hours would leave outside. */
    @Transactional(readOnly = true)
    List<LabBookings.Booking> affectedByException(String slug, LocalDate day, boolean closed, LocalTime opens,
            LocalTime closes, Authentication who, Language language) {
        Lab lab = manageableLab(slug, who);
        List<DaySchedule> changed = schedule(List.of(new Lab.DayException(day, closed, opens, closes, ClosureReason.OTHER)),
                weekly(lab), day, 1);
        return newlyOutside(lab, schedule(lab, day, 1), changed, language);
    }

    /**
     * Cancels these bookings (from {@link #affectedByWeeklyHours} or {@link #affectedByException}) and tells the
     * people, each through the module that booked it; returns how many were cancelled.
     */
    int cancelAndTell(String slug, List<LabBookings.Booking> affected, Authentication who) {
        long labId = idOf(slug).orElseThrow(() -> new LabNotFoundException(slug));
        if (!LabAccess.canManage(who, labId)) {
            throw new AccessDeniedException("not a coordinator of this lab");
        }
        List<LabBookings.Booking> cancellable = affected.stream().filter(LabBookings.Booking::cancellable).toList();
        return cancellable.isEmpty() ? 0
                : bookings.orderedStream().mapToInt(source -> source.cancelAndTell(cancellable, who.getName())).sum();
    }

    /** Bookings that fit the days as they are and would not fit them as changed; the ones outside already stay out of it. */
    private List<LabBookings.Booking> newlyOutside(Lab lab, List<DaySchedule> now, List<DaySchedule> changed,
            Language language) {
        if (changed.isEmpty()) {
            return List.of();
        }
        Map<LocalDate, DaySchedule> before = now.stream().collect(Collectors.toMap(DaySchedule::date, d -> d));
        Map<LocalDate, DaySchedule> after = changed.stream().collect(Collectors.toMap(DaySchedule::date, d -> d));
        LocalDate first = changed.get(0).date();
        LocalDate last = changed.get(changed.size() - 1).date();
        java.time.ZonedDateTime currently = java.time.ZonedDateTime.now(clock.withZone(BREMEN));
        return bookings.orderedStream()
                .flatMap(source -> source.booked(lab.id, first, last, language).stream())
                .filter(b -> b.starts().isAfter(currently))
                .filter(b -> {
                    LocalDate date = b.starts().withZoneSameInstant(BREMEN).toLocalDate();
                    return fits(b, before.get(date)) && !fits(b, after.get(date));
                })
                .sorted(Comparator.comparing(LabBookings.Booking::starts))
                .toList();
    }

    private static boolean fits(LabBookings.Booking booking, DaySchedule day) {
        if (day == null) {
            return true;
        }
        LocalTime starts = booking.starts().withZoneSameInstant(BREMEN).toLocalTime();
        java.time.ZonedDateTime end = booking.ends().withZoneSameInstant(BREMEN);
        if (!end.toLocalDate().equals(day.date())) {
            return false;
        }
        return day.periods().stream()
                .anyMatch(p -> !starts.isBefore(p.opens()) && !end.toLocalTime().isAfter(p.closes()));
    }

    @Transactional
    void removeException(String slug, LocalDate day, Authentication who) {
        Lab lab = manageableLab(slug, who);
        lab.exceptions.removeIf(e -> e.day.equals(day));
        audit(who, "LAB_CLOSURE_REMOVED", lab, day.toString());
    }

    @Transactional
    void updateFacts(String slug, Set<Language> languages, Set<AccessibilityFeature> accessibility, Set<Offer> offers,
            String phone, String email, Authentication who) {
        Lab lab = manageableLab(slug, who);
        lab.languages.clear();
        languages.stream().sorted().map(Language::tag).forEach(lab.languages::add);
        lab.accessibility.clear();
        lab.accessibility.addAll(accessibility);
        lab.offers.clear();
        lab.offers.addAll(offers);
        lab.phone = blankToNull(phone);
        lab.email = blankToNull(email);
        audit(who, "LAB_FACTS_CHANGED", lab, null);
    }

    /** For the audit trail, written in the change's transaction (ids and non-personal values only). */
    private void audit(Authentication who, String action, Lab lab, String details) {
        events.publishEvent(new StaffAction(who.getName(), action, "lab", String.valueOf(lab.id), lab.id, details));
    }

    private Lab manageableLab(String slug, Authentication who) {
        Lab lab = bySlug(slug).orElseThrow(() -> new LabNotFoundException(slug));
        if (!LabAccess.canManage(who, lab.id)) {
            throw new AccessDeniedException("not a coordinator of this lab");
        }
        return lab;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static LabView view(Lab lab, Language language) {
        Lab.Text text = lab.text(language);
        Lab.Text own = lab.texts.get(language.tag());
        Language descriptionLanguage = own != null && !own.description.isBlank() ? language : Language.DE;
        Language directionsLanguage = own != null && !own.directions.isBlank() ? language : Language.DE;
        List<Language> spoken = lab.languages.stream()
                .map(Language::fromTag).flatMap(Optional::stream).sorted().toList();
        return new LabView(lab.id, lab.slug, lab.name, lab.street, lab.postalCode, lab.city, lab.stadtbezirk,
                lab.stadtteil, lab.phone, lab.email, text.description, text.directions, descriptionLanguage,
                directionsLanguage, spoken,
                Set.copyOf(lab.accessibility), Set.copyOf(lab.offers), lab.demo);
    }

    /** Only what can be a slug reaches the database: a NUL or an endless value from an address would make it fail. */
    private Optional<Lab> bySlug(String slug) {
        return slug == null || !SLUG.matcher(slug).matches() ? Optional.empty() : labs.findBySlug(slug);
    }

    private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,60}");
}
