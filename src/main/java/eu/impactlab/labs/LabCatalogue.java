package eu.impactlab.labs;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every lab as of one data version, copied out of the entities once (with all their collections) so the public
 * pages read them without a query: the views in every language, the weekly hours and the days that differ.
 */
final class LabCatalogue {

    private final long version;
    private final Map<Language, List<LabView>> views = new EnumMap<>(Language.class);
    private final Map<String, Entry> bySlug = new LinkedHashMap<>();

    private record Entry(Map<Language, LabView> views, Map<DayOfWeek, List<DaySchedule.TimeRange>> weekly,
            Map<LocalDate, DaySchedule> exceptions) {
    }

    private LabCatalogue(long version) {
        this.version = version;
    }

    /** Reads everything it needs from the labs while their session is open. */
    static LabCatalogue of(long version, List<Lab> labs) {
        LabCatalogue catalogue = new LabCatalogue(version);
        for (Language language : Language.values()) {
            catalogue.views.put(language, labs.stream().map(lab -> LabService.view(lab, language)).toList());
        }
        for (int i = 0; i < labs.size(); i++) {
            Lab lab = labs.get(i);
            Map<Language, LabView> views = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                views.put(language, catalogue.views.get(language).get(i));
            }
            Map<LocalDate, DaySchedule> exceptions = new LinkedHashMap<>();
            for (Lab.DayException e : lab.exceptions) {
                List<DaySchedule.TimeRange> periods = e.closed
                        ? List.of()
                        : List.of(new DaySchedule.TimeRange(e.opens, e.closes));
                exceptions.put(e.day, new DaySchedule(e.day, periods, e.reason));
            }
            catalogue.bySlug.put(lab.slug, new Entry(views,
                    Collections.unmodifiableMap(LabService.weekly(lab)), Map.copyOf(exceptions)));
        }
        return catalogue;
    }

    long version() {
        return version;
    }

    List<LabView> views(Language language) {
        return views.get(language);
    }

    Optional<LabView> view(String slug, Language language) {
        return Optional.ofNullable(bySlug.get(slug)).map(entry -> entry.views().get(language));
    }

    Map<DayOfWeek, List<DaySchedule.TimeRange>> weekly(String slug) {
        return entry(slug).weekly();
    }

    /** A day that differs from the weekly hours wins, then a public holiday closes the lab, else the weekly hours. */
    List<DaySchedule> schedule(String slug, LocalDate from, int days) {
        Entry entry = entry(slug);
        return from.datesUntil(from.plusDays(days)).map(date -> {
            DaySchedule exception = entry.exceptions().get(date);
            if (exception != null) {
                return exception;
            }
            if (BremenHolidays.isHoliday(date)) {
                return new DaySchedule(date, List.of(), ClosureReason.PUBLIC_HOLIDAY);
            }
            return new DaySchedule(date, entry.weekly().get(date.getDayOfWeek()), null);
        }).toList();
    }

    private Entry entry(String slug) {
        Entry entry = bySlug.get(slug);
        if (entry == null) {
            throw new LabNotFoundException(slug);
        }
        return entry;
    }
}
