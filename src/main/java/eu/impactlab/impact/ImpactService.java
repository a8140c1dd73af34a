package eu.impactlab.impact;

import eu.impactlab.consultations.ConsultationService;
import eu.impactlab.consultations.TopicView;
import eu.impactlab.labs.LabAccess;
import eu.impactlab.labs.LabService;
import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import eu.impactlab.platform.BremenDistricts;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Service;

/**
 * The impact module's one service: anonymous, suppressed figures for a period, for the labs a person may see.
 * Coordinators see their own labs; funders and admins see all labs (funders may also compare labs: the open data
 * feed publishes the same per-lab aggregates to everyone, and every cell is suppressed the same way).
 */
@Service
public class ImpactService {

    static final int MAX_YEARS = 20;
    static final List<String> TARGET_GROUPS = List.of("YOUTH", "SCHOOL_LEAVERS", "JOB_SEEKERS", "WOMEN_AND_GIRLS",
            "SENIORS", "FAMILIES", "NEWCOMERS", "SMALL_BUSINESSES");
    static final List<String> AGE_BANDS = List.of("UNDER_18", "FROM_18_TO_29", "FROM_30_TO_44", "FROM_45_TO_64",
            "FROM_65", "NOT_STATED");
    static final List<String> GENDERS = List.of("FEMALE", "MALE", "DIVERSE", "NOT_STATED");
    /** Activities people choose in the filter; the queue and the waitlist are internal. */
    static final List<Activity> ACTIVITIES = List.of(Activity.APPOINTMENT, Activity.WALK_IN, Activity.SHORT_HELP,
            Activity.BOOKING, Activity.CANCELLATION, Activity.NO_SHOW, Activity.COURSE_REGISTRATION,
            Activity.COURSE_ATTENDANCE, Activity.COURSE_COMPLETION, Activity.FEEDBACK);

    private final FactQueries queries;
    private final LabService labs;
    private final ConsultationService consultations;
    private final MessageSource messages;
    private final Clock clock;

    ImpactService(FactQueries queries, LabService labs, ConsultationService consultations, MessageSource messages,
            Clock clock) {
        this.queries = queries;
        this.labs = labs;
        this.consultations = consultations;
        this.messages = messages;
        this.clock = clock;
    }

    /** The request parameters as typed; every one may be missing or wrong. */
    record Question(String from, String to, String lab, String by, String activity, String topic, String targetGroup,
            String language, String ageBand, String gender) {
    }

    static boolean mayUseDashboard(Authentication who) {
        return has(who, "ROLE_ADMIN") || has(who, "ROLE_FUNDER") || has(who, "ROLE_COORDINATOR");
    }

    /** The labs a person may see figures of, in the order of the lab list. */
    List<LabView> visibleLabs(Authentication who, Language language) {
        boolean all = has(who, "ROLE_ADMIN") || has(who, "ROLE_FUNDER");
        return labs.labs(language).stream()
                .filter(lab -> all || (has(who, "ROLE_COORDINATOR") && LabAccess.actsFor(who, lab.id())))
                .toList();
    }

    // No transaction here: the figures are read in one on the reporting database (FactQueries), which may be a replica.
    Report report(Question question, Authentication who, Locale locale) {
        Language language = Language.forLocale(locale);
        List<LabView> visible = visibleLabs(who, language);
        LocalDate today = LocalDate.now(clock);
        LocalDate from = date(question.from(), today.withDayOfYear(1), "from");
        LocalDate to = date(question.to(), today, "to");
        if (to.isBefore(from)) {
            throw new ImpactQueryException("impact.error.inverted");
        }
        if (ChronoUnit.YEARS.between(from, to) >= MAX_YEARS) {
            throw new ImpactQueryException("impact.error.tooLong", MAX_YEARS);
        }
        List<LabView> chosen = visible;
        if (blank(question.lab()) == null) {
            if (visible.isEmpty()) {
                throw new ImpactQueryException("impact.error.noLabs");
            }
        } else {
            chosen = visible.stream().filter(lab -> lab.slug().equals(question.lab().strip())).toList();
            if (chosen.isEmpty()) {
                throw new ImpactQueryException("impact.error.lab");
            }
        }
        Dimension by = blank(question.by()) == null ? Dimension.MONTH
                : Dimension.fromParam(question.by().strip()).orElseThrow(() -> new ImpactQueryException("impact.error.by"));
        String activity = oneOf(question.activity(), ACTIVITIES.stream().map(Enum::name).toList(), "activity");
        String topic = oneOf(question.topic(), consultations.topics(language).stream().map(TopicView::key).toList(), "topic");
        String targetGroup = oneOf(question.targetGroup(), TARGET_GROUPS, "targetGroup");
        String spoken = oneOf(question.language(), languageValues(), "language");
        String ageBand = oneOf(question.ageBand(), AGE_BANDS, "ageBand");
        String gender = oneOf(question.gender(), GENDERS, "gender");

        Filter filter = new Filter(from, to, chosen.stream().map(LabView::id).toList(), activity, topic, targetGroup,
                spoken, ageBand, gender);
        Dimension period = by.period() ? by : periodFor(from, to);
        FactQueries.Result result = queries.run(filter, by, period);
        Map<String, FactQueries.Counts> trendCounts = by == period ? result.breakdown() : result.trend();
        Map<String, FactQueries.Counts> districtCounts = by == Dimension.STADTTEIL ? result.breakdown() : result.districts();

        Labels labels = new Labels(locale, language, chosen);
        Table breakdown = Table.build(lines(by, from, to, chosen, result.breakdown(), labels, language), result.breakdown(),
                result.total(), null);
        Table trend = Table.build(lines(period, from, to, chosen, trendCounts, labels, language), trendCounts,
                result.total(), null);
        Table districts = districtTable(districtCounts, result.total(), labels);
        List<String> filters = new ArrayList<>();
        describe(filters, "activity", activity, labels.of(Dimension.ACTIVITY, activity));
        describe(filters, "topic", topic, labels.of(Dimension.TOPIC, topic));
        describe(filters, "targetGroup", targetGroup, labels.of(Dimension.TARGET_GROUP, targetGroup));
        describe(filters, "language", spoken, labels.of(Dimension.LANGUAGE, spoken));
        describe(filters, "ageBand", ageBand, labels.of(Dimension.AGE_BAND, ageBand));
        describe(filters, "gender", gender, labels.of(Dimension.GENDER, gender));
        List<Report.Choice> labChoices = chosen.stream().map(lab -> new Report.Choice(lab.slug(), lab.name())).toList();
        return new Report(from, to, labChoices, by, breakdown, period, trend, districts, breakdown.total(),
                filters.stream().map(f -> f).toList(), spoken, Coverage.filtered(filter), withoutLanguage(filter));
    }

    /** The language filter's values: the site's languages, "not German" and "no language recorded". */
    private static List<String> languageValues() {
        List<String> values = new ArrayList<>(List.of(Filter.NOT_GERMAN, Filter.NO_LANGUAGE));
        Stream.of(Language.values()).map(Language::tag).forEach(values::add);
        return values;
    }

    /**
     * The people helped without a recorded language (short help) that a language filter leaves out, so the page can
     * say how many; a single count, so only the primary rule applies (1 to 4 hidden).
     */
    private Table.Cell withoutLanguage(Filter filter) {
        if (filter.language() == null || Filter.NO_LANGUAGE.equals(filter.language())) {
            return null;
        }
        long people = queries.total(filter.withLanguage(Filter.NO_LANGUAGE)).get(Measure.PEOPLE);
        return new Table.Cell(people, Suppression.primary(people));
    }

    private void describe(List<String> filters, String name, String value, String label) {
        if (value != null) {
            filters.add(label);
        }
    }

    /** Week for up to half a year, month for up to three years, quarter up to eight, else year. */
    static Dimension periodFor(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        if (days <= 183) {
            return Dimension.WEEK;
        }
        if (days <= 3 * 366) {
            return Dimension.MONTH;
        }
        return days <= 8 * 366 ? Dimension.QUARTER : Dimension.YEAR;
    }

    private List<Table.Line> lines(Dimension by, LocalDate from, LocalDate to, List<LabView> chosen,
            Map<String, FactQueries.Counts> counts, Labels labels, Language language) {
        Set<String> keys = new LinkedHashSet<>();
        switch (by) {
            case LAB -> chosen.forEach(lab -> keys.add(Long.toString(lab.id())));
            case WEEK, MONTH, QUARTER, YEAR -> {
                LocalDate start = switch (by) {
                    case WEEK -> from.minusDays(from.getDayOfWeek().getValue() - 1L);
                    case MONTH -> from.withDayOfMonth(1);
                    case QUARTER -> from.with(IsoFields.DAY_OF_QUARTER, 1);
                    default -> from.withDayOfYear(1);
                };
                for (LocalDate d = start; !d.isAfter(to); d = switch (by) {
                    case WEEK -> d.plusWeeks(1);
                    case MONTH -> d.plusMonths(1);
                    case QUARTER -> d.plusMonths(3);
                    default -> d.plusYears(1);
                }) {
                    keys.add(d.toString());
                }
            }
            case ACTIVITY -> ACTIVITIES.forEach(a -> keys.add(a.name()));
            case TOPIC -> consultations.topics(language).forEach(t -> keys.add(t.key()));
            case TARGET_GROUP -> keys.addAll(TARGET_GROUPS);
            case AGE_BAND -> keys.addAll(AGE_BANDS);
            case GENDER -> keys.addAll(GENDERS);
            case STADTTEIL -> {
                BremenDistricts.GROUPS.forEach(g -> keys.addAll(g.stadtteile()));
                keys.add(BremenDistricts.OUTSIDE_BREMEN);
                keys.add(BremenDistricts.NOT_STATED);
            }
            case STADTBEZIRK -> {
                BremenDistricts.GROUPS.forEach(g -> keys.add(g.stadtbezirk()));
                keys.add(BremenDistricts.OUTSIDE_BREMEN);
                keys.add(BremenDistricts.NOT_STATED);
            }
            case LANGUAGE -> {
            }
        }
        // Whatever else the facts hold (the queue in the activity breakdown, a language, "no topic") gets a row too.
        counts.keySet().stream().sorted().forEach(keys::add);
        return keys.stream().map(key -> new Table.Line(key, labels.of(by, key), false)).toList();
    }

    /** Every Stadtteil, grouped under its Stadtbezirk, so places without reach show 0. */
    private static Table districtTable(Map<String, FactQueries.Counts> counts, FactQueries.Counts total, Labels labels) {
        List<Table.Line> lines = new ArrayList<>();
        List<int[]> groups = new ArrayList<>();
        Map<String, FactQueries.Counts> withSubtotals = new LinkedHashMap<>(counts);
        List<Integer> topLevel = new ArrayList<>();
        for (BremenDistricts.Group group : BremenDistricts.GROUPS) {
            int sumRow = lines.size();
            topLevel.add(sumRow);
            // "Mitte" is a Stadtbezirk and one of its Stadtteile: the sum row says which it is
            lines.add(new Table.Line("bezirk:" + group.stadtbezirk(), labels.stadtbezirk(group.stadtbezirk()), true));
            long[] sum = new long[Measure.COUNT];
            int[] relation = new int[group.stadtteile().size() + 1];
            relation[0] = sumRow;
            int i = 1;
            for (String stadtteil : group.stadtteile()) {
                relation[i++] = lines.size();
                lines.add(new Table.Line(stadtteil, BremenDistricts.label(stadtteil), false));
                FactQueries.Counts c = counts.get(stadtteil);
                if (c != null) {
                    for (int m = 0; m < sum.length; m++) {
                        sum[m] += c.values()[m];
                    }
                }
            }
            groups.add(relation);
            withSubtotals.put("bezirk:" + group.stadtbezirk(), new FactQueries.Counts(sum, null));
        }
        for (String other : List.of(BremenDistricts.OUTSIDE_BREMEN, BremenDistricts.NOT_STATED)) {
            topLevel.add(lines.size());
            lines.add(new Table.Line(other, labels.of(Dimension.STADTTEIL, other), false));
        }
        int[] all = new int[topLevel.size() + 1];
        all[0] = lines.size();
        for (int i = 0; i < topLevel.size(); i++) {
            all[i + 1] = topLevel.get(i);
        }
        groups.add(all);
        return Table.build(lines, withSubtotals, total, groups);
    }

    private static LocalDate date(String value, LocalDate fallback, String field) {
        String v = blank(value);
        if (v == null) {
            return fallback;
        }
        try {
            LocalDate date = LocalDate.parse(v);
            if (date.getYear() < 2000 || date.getYear() > 2100) {
                throw new ImpactQueryException("impact.error.date");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new ImpactQueryException("impact.error.date");
        }
    }

    /** One line of the open data feed: a lab's activity in a month, suppressed (null = fewer than 5 or derivable). */
    record OpenDataLine(String month, String lab, String labName, String activity, Long count) {
    }

    /**
     * The public feed: per lab and activity in one month, the same suppression as the dashboard; each activity's sum
     * over all labs is published too, so it is protected as a total.
     */
    List<OpenDataLine> openData(String monthParam) {
        YearMonth month = month(monthParam);
        List<LabView> all = labs.labs(Language.DE);
        Map<String, Map<String, Long>> counts = queries.perLabAndActivity(month.atDay(1), month.atEndOfMonth());
        List<Activity> activities = ACTIVITIES;
        int rows = all.size() + 1;
        int cols = activities.size() + 1;
        long[] values = new long[rows * cols];
        for (int r = 0; r < all.size(); r++) {
            Map<String, Long> lab = counts.getOrDefault(Long.toString(all.get(r).id()), Map.of());
            for (int c = 0; c < activities.size(); c++) {
                long v = lab.getOrDefault(activities.get(c).name(), 0L);
                values[r * cols + c] = v;
                values[r * cols + activities.size()] += v;
                values[all.size() * cols + c] += v;
                values[all.size() * cols + activities.size()] += v;
            }
        }
        // Only the sums over all labs are published beside the labs' cells: lab totals are not, so they relate nothing.
        List<Suppression.Relation> relations = new ArrayList<>();
        for (int c = 0; c < activities.size(); c++) {
            int[] parts = new int[all.size()];
            for (int r = 0; r < all.size(); r++) {
                parts[r] = r * cols + c;
            }
            relations.add(new Suppression.Relation(all.size() * cols + c, parts));
        }
        boolean[] hidden = Suppression.apply(values, relations);
        List<OpenDataLine> lines = new ArrayList<>();
        for (int r = 0; r < all.size(); r++) {
            for (int c = 0; c < activities.size(); c++) {
                int i = r * cols + c;
                lines.add(new OpenDataLine(month.toString(), all.get(r).slug(), all.get(r).name(), activities.get(c).name(),
                        hidden[i] ? null : values[i]));
            }
        }
        for (int c = 0; c < activities.size(); c++) {
            int i = all.size() * cols + c;
            lines.add(new OpenDataLine(month.toString(), "all", "", activities.get(c).name(), hidden[i] ? null : values[i]));
        }
        return lines;
    }

    /** The month of the open data feed: YYYY-MM, not in the future. */
    YearMonth month(String value) {
        try {
            YearMonth month = YearMonth.parse(value == null ? "" : value.strip());
            if (month.getYear() < 2000 || month.isAfter(YearMonth.now(clock))) {
                throw new ImpactQueryException("impact.error.month");
            }
            return month;
        } catch (DateTimeParseException e) {
            throw new ImpactQueryException("impact.error.month");
        }
    }

    private static String oneOf(String value, List<String> allowed, String field) {
        String v = blank(value);
        if (v == null) {
            return null;
        }
        if (!allowed.contains(v)) {
            throw new ImpactQueryException("impact.error.value", field);
        }
        return v;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean has(Authentication who, String authority) {
        return who != null && who.isAuthenticated()
                && who.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(authority::equals);
    }

    /** Choices for the filter form. */
    Map<String, List<Report.Choice>> choices(Authentication who, Locale locale) {
        Language language = Language.forLocale(locale);
        Labels labels = new Labels(locale, language, List.of());
        Map<String, List<Report.Choice>> choices = new LinkedHashMap<>();
        choices.put("lab", visibleLabs(who, language).stream().map(l -> new Report.Choice(l.slug(), l.name())).toList());
        choices.put("by", Stream.of(Dimension.values())
                .map(d -> new Report.Choice(d.param(), message("impact.by." + d.param(), locale))).toList());
        choices.put("activity", ACTIVITIES.stream().map(a -> new Report.Choice(a.name(), labels.of(Dimension.ACTIVITY, a.name()))).toList());
        choices.put("topic", consultations.topics(language).stream().map(t -> new Report.Choice(t.key(), t.title())).toList());
        choices.put("targetGroup", TARGET_GROUPS.stream().map(g -> new Report.Choice(g, labels.of(Dimension.TARGET_GROUP, g))).toList());
        choices.put("language", languageValues().stream().map(l -> new Report.Choice(l, labels.of(Dimension.LANGUAGE, l))).toList());
        choices.put("ageBand", AGE_BANDS.stream().map(a -> new Report.Choice(a, labels.of(Dimension.AGE_BAND, a))).toList());
        choices.put("gender", GENDERS.stream().map(g -> new Report.Choice(g, labels.of(Dimension.GENDER, g))).toList());
        return choices;
    }

    String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** Row labels in the user's language. */
    final class Labels {

        private final Locale locale;
        private final Language language;
        private final Map<String, String> labNames = new LinkedHashMap<>();
        private Map<String, String> topics;

        Labels(Locale locale, Language language, List<LabView> labViews) {
            this.locale = locale;
            this.language = language;
            labViews.forEach(lab -> labNames.put(Long.toString(lab.id()), lab.name()));
        }

        String stadtbezirk(String name) {
            return message("impact.district.bezirk", locale, name);
        }

        String of(Dimension dimension, String key) {
            if (key == null) {
                return null;
            }
            if ("-".equals(key)) {
                return message("impact.none", locale);
            }
            return switch (dimension) {
                case LAB -> labNames.getOrDefault(key, key);
                case WEEK -> {
                    LocalDate d = LocalDate.parse(key);
                    yield message("impact.period.week", locale, d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
                            Integer.toString(d.get(IsoFields.WEEK_BASED_YEAR)));
                }
                // "Jan. 2025", "يناير 2025": month names as people write them, digits Latin as everywhere on the site
                case MONTH -> java.time.format.DateTimeFormatter.ofPattern("MMM yyyy", locale).format(LocalDate.parse(key));
                case QUARTER -> {
                    LocalDate d = LocalDate.parse(key);
                    yield message("impact.period.quarter", locale, d.get(IsoFields.QUARTER_OF_YEAR),
                            Integer.toString(d.getYear()));
                }
                case YEAR -> key.substring(0, 4);
                case ACTIVITY -> message("impact.activity." + key, locale);
                case TOPIC -> {
                    if (topics == null) {
                        topics = new LinkedHashMap<>();
                        consultations.topics(language).forEach(t -> topics.put(t.key(), t.title()));
                    }
                    yield topics.getOrDefault(key, key);
                }
                case TARGET_GROUP -> message("impact.targetGroup." + key, locale);
                case LANGUAGE -> Filter.NOT_GERMAN.equals(key) || Filter.NO_LANGUAGE.equals(key)
                        ? message("impact.language." + key, locale)
                        : Language.fromTag(key).map(Language::nativeName).orElse(key);
                case AGE_BAND -> message("outcome.ageBand." + key, locale);
                case GENDER -> message("outcome.gender." + key, locale);
                case STADTTEIL, STADTBEZIRK -> BremenDistricts.OUTSIDE_BREMEN.equals(key) || BremenDistricts.NOT_STATED.equals(key)
                        ? message("impact.district." + key, locale) : key;
            };
        }
    }
}
