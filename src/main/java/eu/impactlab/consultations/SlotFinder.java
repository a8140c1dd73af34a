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
import java.util.EnumSet;
import java.util.List;
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
                    Slot slot = freeHelpers(day.date(), t, t.plus(length), start.toInstant(), end.toInstant(), helpers,
                            availability, absences, busy, start, end, properties.offeredModes());
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

    private static Slot freeHelpers(LocalDate date, LocalTime from, LocalTime to, Instant start, Instant end,
            List<Long> helpers, List<ConsultationStore.Availability> availability, List<ConsultationStore.Absence> absences,
            List<ConsultationStore.Busy> busy, ZonedDateTime zonedStart, ZonedDateTime zonedEnd, Set<Mode> offered) {
        Set<Mode> modes = EnumSet.noneOf(Mode.class);
        java.util.Map<Long, Set<Mode>> free = new java.util.LinkedHashMap<>();
        for (long helper : helpers) {
            Set<Mode> helperModes = EnumSet.noneOf(Mode.class);
            for (ConsultationStore.Availability a : availability) {
                if (a.helperId() == helper && a.dayOfWeek() == date.getDayOfWeek().getValue()
                        && !from.isBefore(a.starts()) && !to.isAfter(a.ends())) {
                    helperModes.addAll(a.modes());
                }
            }
            helperModes.retainAll(offered);
            if (helperModes.isEmpty()) {
                continue;
            }
            boolean absent = absences.stream().anyMatch(a -> a.helperId() == helper
                    && !date.isBefore(a.startsOn()) && !date.isAfter(a.endsOn()));
            boolean taken = busy.stream().anyMatch(b -> b.helperId() == helper
                    && b.startsAt().isBefore(end) && b.endsAt().isAfter(start));
            if (!absent && !taken) {
                free.put(helper, helperModes);
                modes.addAll(helperModes);
            }
        }
        return free.isEmpty() ? null : new Slot(zonedStart, zonedEnd, modes, free.size(), java.util.Map.copyOf(free));
    }

    /** The first half or full hour at or after the opening time. */
    private static LocalTime firstStep(LocalTime opens) {
        int minutes = opens.getHour() * 60 + opens.getMinute();
        int rounded = ((minutes + 29) / 30) * 30;
        return rounded >= 24 * 60 ? LocalTime.MAX : LocalTime.of(rounded / 60, rounded % 60);
    }
}
