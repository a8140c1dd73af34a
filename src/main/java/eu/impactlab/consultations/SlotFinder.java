package eu.impactlab.consultations;

import eu.impactlab.labs.DaySchedule;
import eu.impactlab.labs.LabService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Free times come from the lab's opening hours (with closures and holidays), the helpers who know the topic and
 * speak the language, their weekly hours at the lab and their absences, and the appointments they already hold.
 * Times start on the half hour, so they are easy to say and remember.
 */
@Component
class SlotFinder {

    static final ZoneId BREMEN = ZoneId.of("Europe/Berlin");
    static final Duration STEP = Duration.ofMinutes(30);

    private final ConsultationStore store;
    private final LabService labs;
    private final Clock clock;
    private final ConsultationsProperties properties;

    SlotFinder(ConsultationStore store, LabService labs, Clock clock, ConsultationsProperties properties) {
        this.store = store;
        this.labs = labs;
        this.clock = clock;
        this.properties = properties;
    }

    List<Slot> find(long labId, String labSlug, String topicKey, int minutes, String language, LocalDate from, LocalDate to) {
        List<Long> helpers = store.matchingHelpers(labId, topicKey, language);
        if (helpers.isEmpty() || to.isBefore(from)) {
            return List.of();
        }
        int days = (int) java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
        List<DaySchedule> schedule = labs.schedule(labSlug, from, days);
        List<ConsultationStore.Availability> availability = store.availability(labId, helpers);
        List<ConsultationStore.Absence> absences = store.absences(helpers, from, to);
        List<ConsultationStore.Busy> busy = store.busy(helpers, from.atStartOfDay(BREMEN).toInstant(),
                to.plusDays(1).atStartOfDay(BREMEN).toInstant());
        Instant earliest = Instant.now(clock).plus(properties.leadTime());
        Duration length = Duration.ofMinutes(minutes);
        Map<Long, HelperPlan> plans = new LinkedHashMap<>();
        for (long helper : helpers) {
            plans.put(helper, HelperPlan.of(helper, availability, absences, busy));
        }

        List<Slot> slots = new ArrayList<>();
        for (DaySchedule day : schedule) {
            for (DaySchedule.TimeRange open : day.periods()) {
                for (LocalTime t = firstStep(open.opens()); !t.plus(length).isAfter(open.closes()) && !t.isBefore(open.opens());
                        t = t.plus(STEP)) {
                    ZonedDateTime start = day.date().atTime(t).atZone(BREMEN);
                    ZonedDateTime end = start.plus(length);
                    if (start.toInstant().isBefore(earliest)) {
                        continue;
                    }
                    Slot slot = freeHelpers(day.date(), t, t.plus(length), plans, start, end, properties.offeredModes());
                    if (slot != null) {
                        slots.add(slot);
                    }
                    if (t.plus(STEP).isBefore(t)) {
                        break; // past midnight
                    }
                }
            }
        }
        return slots;
    }

    /**
     * The helpers who could take an appointment at exactly this start in this way of meeting, the least busy that day
     * first; empty when the start is none of the lab's free times. Checks the one time instead of computing the whole
     * day, with the same grid and rules as {@link #find}.
     */
    List<Long> helpersFreeAt(long labId, String labSlug, String topicKey, int minutes, String language, Instant start,
            Mode mode) {
        if (!properties.offeredModes().contains(mode) || start.isBefore(Instant.now(clock).plus(properties.leadTime()))) {
            return List.of();
        }
        LocalDate date = LocalDate.ofInstant(start, BREMEN);
        Duration length = Duration.ofMinutes(minutes);
        for (DaySchedule day : labs.schedule(labSlug, date, 1)) {
            for (DaySchedule.TimeRange open : day.periods()) {
                for (LocalTime t = firstStep(open.opens()); !t.plus(length).isAfter(open.closes()) && !t.isBefore(open.opens());
                        t = t.plus(STEP)) {
                    ZonedDateTime zoned = day.date().atTime(t).atZone(BREMEN);
                    if (zoned.toInstant().equals(start)) {
                        return store.helpersFreeAt(labId, topicKey, language, mode, day.date(), t, t.plus(length),
                                start, zoned.plus(length).toInstant(), day.date().atStartOfDay(BREMEN).toInstant(),
                                day.date().plusDays(1).atStartOfDay(BREMEN).toInstant());
                    }
                    if (t.plus(STEP).isBefore(t)) {
                        break; // past midnight
                    }
                }
            }
        }
        return List.of();
    }

    private static Slot freeHelpers(LocalDate date, LocalTime from, LocalTime to, Map<Long, HelperPlan> plans,
            ZonedDateTime zonedStart, ZonedDateTime zonedEnd, Set<Mode> offered) {
        Set<Mode> modes = EnumSet.noneOf(Mode.class);
        Map<Long, Set<Mode>> free = new LinkedHashMap<>();
        Instant start = zonedStart.toInstant();
        Instant end = zonedEnd.toInstant();
        for (Map.Entry<Long, HelperPlan> entry : plans.entrySet()) {
            HelperPlan plan = entry.getValue();
            Set<Mode> helperModes = plan.modes(date, from, to);
            // a way of helping the lab does not offer (video without a configured service) is no free time
            helperModes.retainAll(offered);
            if (!helperModes.isEmpty() && !plan.absent(date) && !plan.busy(start, end)) {
                free.put(entry.getKey(), helperModes);
                modes.addAll(helperModes);
            }
        }
        return free.isEmpty() ? null : new Slot(zonedStart, zonedEnd, modes, free.size(), Map.copyOf(free));
    }

    /**
     * One helper's weekly hours by weekday, absences, and appointments sorted by start, so each half hour is checked
     * with a binary search instead of a walk through every appointment of every helper.
     */
    private record HelperPlan(Map<Integer, List<ConsultationStore.Availability>> hoursByDay,
            List<ConsultationStore.Absence> absences, Instant[] busyStarts, Instant[] latestBusyEnd) {

        static HelperPlan of(long helper, List<ConsultationStore.Availability> availability,
                List<ConsultationStore.Absence> absences, List<ConsultationStore.Busy> busy) {
            Map<Integer, List<ConsultationStore.Availability>> hours = new HashMap<>();
            availability.stream().filter(a -> a.helperId() == helper)
                    .forEach(a -> hours.computeIfAbsent(a.dayOfWeek(), d -> new ArrayList<>()).add(a));
            List<ConsultationStore.Busy> mine = busy.stream().filter(b -> b.helperId() == helper)
                    .sorted(Comparator.comparing(ConsultationStore.Busy::startsAt)).toList();
            Instant[] starts = new Instant[mine.size()];
            Instant[] latestEnd = new Instant[mine.size()];
            for (int i = 0; i < mine.size(); i++) {
                starts[i] = mine.get(i).startsAt();
                Instant end = mine.get(i).endsAt();
                latestEnd[i] = i > 0 && latestEnd[i - 1].isAfter(end) ? latestEnd[i - 1] : end;
            }
            return new HelperPlan(hours, absences.stream().filter(a -> a.helperId() == helper).toList(), starts, latestEnd);
        }

        /** The ways the helper works in that time (empty: not at the lab then). */
        Set<Mode> modes(LocalDate date, LocalTime from, LocalTime to) {
            Set<Mode> modes = EnumSet.noneOf(Mode.class);
            for (ConsultationStore.Availability a : hoursByDay.getOrDefault(date.getDayOfWeek().getValue(), List.of())) {
                if (!from.isBefore(a.starts()) && !to.isAfter(a.ends())) {
                    modes.addAll(a.modes());
                }
            }
            return modes;
        }

        boolean absent(LocalDate date) {
            return absences.stream().anyMatch(a -> !date.isBefore(a.startsOn()) && !date.isAfter(a.endsOn()));
        }

        /** Whether an appointment overlaps [start, end): one that starts before the end and ends after the start. */
        boolean busy(Instant start, Instant end) {
            int low = 0;
            int high = busyStarts.length;
            while (low < high) { // the first appointment that starts at or after the end
                int middle = (low + high) >>> 1;
                if (busyStarts[middle].isBefore(end)) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low > 0 && latestBusyEnd[low - 1].isAfter(start);
        }
    }

    /** The first half or full hour at or after the opening time. */
    private static LocalTime firstStep(LocalTime opens) {
        int minutes = opens.getHour() * 60 + opens.getMinute();
        int rounded = ((minutes + 29) / 30) * 30;
        return rounded >= 24 * 60 ? LocalTime.MAX : LocalTime.of(rounded / 60, rounded % 60);
    }
}
