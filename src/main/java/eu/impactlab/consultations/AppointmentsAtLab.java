package eu.impactlab.consultations;

import eu.impactlab.labs.LabBookings;
import eu.impactlab.labs.Language;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The appointments booked at a lab, for the labs module's check before hours change, and for a helper's absence:
 * the coordinator sees the time, topic and booking code (as on the helpers' day), never a name or contact.
 */
@Component
class AppointmentsAtLab implements LabBookings {

    static final String SOURCE = "appointment";

    private final ConsultationStore store;
    private final ConsultationService consultations;
    private final Clock clock;

    AppointmentsAtLab(ConsultationStore store, ConsultationService consultations, Clock clock) {
        this.store = store;
        this.consultations = consultations;
        this.clock = clock;
    }

    @Override
    public List<Booking> booked(long labId, LocalDate from, LocalDate to, Language language) {
        return bookings(store.booked(labId, null, start(from), start(to.plusDays(1))), language);
    }

    /** The helper's booked appointments still to come on the days from {@code from} to {@code to}, at any lab. */
    List<Booking> ofHelper(long helperId, LocalDate from, LocalDate to, Language language) {
        Instant now = clock.instant();
        Instant first = start(from).isBefore(now) ? now : start(from);
        return bookings(store.booked(null, helperId, first, start(to.plusDays(1))), language);
    }

    @Override
    public int cancelAndTell(List<Booking> bookings, String actor) {
        return (int) bookings.stream()
                .filter(b -> SOURCE.equals(b.source()))
                .filter(b -> consultations.cancelByStaff(b.id(), actor))
                .count();
    }

    private List<Booking> bookings(List<ConsultationStore.Row> rows, Language language) {
        Map<String, String> titles = consultations.topics(language).stream()
                .collect(Collectors.toMap(TopicView::key, TopicView::title));
        return rows.stream().map(row -> new Booking(SOURCE, row.id(), row.startsAt().atZone(SlotFinder.BREMEN),
                row.endsAt().atZone(SlotFinder.BREMEN), titles.getOrDefault(row.topicKey(), row.topicKey()), row.code(),
                1, row.email() != null ? 1 : 0, true, null)).toList();
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(SlotFinder.BREMEN).toInstant();
    }
}
