package eu.impactlab.labs;

import eu.impactlab.platform.DataVersions;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The labs module's one service: reading labs for the public and changing them for their coordinators. */
@Service
public class LabService {

    private final LabRepository labs;
    private final Clock clock;
    private final DataVersions versions;
    private final TransactionTemplate readOnly;
    private volatile LabCatalogue catalogue;

    LabService(LabRepository labs, Clock clock, DataVersions versions, PlatformTransactionManager transactions) {
        this.labs = labs;
        this.clock = clock;
        this.versions = versions;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
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
    }

    @Transactional
    void updateWeeklyHours(String slug, Map<DayOfWeek, List<DaySchedule.TimeRange>> hours, Authentication who) {
        Lab lab = manageableLab(slug, who);
        lab.openingHours.clear();
        hours.forEach((day, periods) -> periods.forEach(
                p -> lab.openingHours.add(new Lab.Period(day.getValue(), p.opens(), p.closes()))));
    }

    @Transactional
    void saveException(String slug, LocalDate day, boolean closed, LocalTime opens, LocalTime closes,
            ClosureReason reason, Authentication who) {
        Lab lab = manageableLab(slug, who);
        lab.exceptions.removeIf(e -> e.day.equals(day));
        lab.exceptions.add(new Lab.DayException(day, closed, opens, closes, reason));
    }

    @Transactional
    void removeException(String slug, LocalDate day, Authentication who) {
        Lab lab = manageableLab(slug, who);
        lab.exceptions.removeIf(e -> e.day.equals(day));
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
    }

    private Lab manageableLab(String slug, Authentication who) {
        Lab lab = labs.findBySlug(slug).orElseThrow(() -> new LabNotFoundException(slug));
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
        List<Language> spoken = lab.languages.stream()
                .map(Language::fromTag).flatMap(Optional::stream).sorted().toList();
        return new LabView(lab.id, lab.slug, lab.name, lab.street, lab.postalCode, lab.city, lab.stadtbezirk,
                lab.stadtteil, lab.phone, lab.email, text.description, text.directions, spoken,
                Set.copyOf(lab.accessibility), Set.copyOf(lab.offers), lab.demo);
    }
}
