package eu.impactlab.labs;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * What other modules have booked at a lab (appointments, course sessions), so a coordinator sees what a change of
 * opening hours or a closure would leave outside the hours before saving it, and can cancel those and tell the people.
 *
 * <p>{@code labs} owns this small query interface and the modules that book times implement it: {@code labs} then
 * knows nothing of their internals or tables and the dependency stays one-way. A direct query is chosen over events
 * plus a read model because the coordinator needs the exact answer synchronously, before saving, and a copied read
 * model could lag behind a booking made a second earlier.
 */
public interface LabBookings {

    /** Upcoming bookings at the lab that start on a day from {@code from} to {@code to} (both included), not cancelled. */
    List<Booking> booked(long labId, LocalDate from, LocalDate to, Language language);

    /**
     * Cancels these bookings (ones this implementation returned) and tells the people in their language, the same
     * way as when they cancel themselves; returns how many were cancelled. Bookings it cannot cancel stay untouched.
     */
    int cancelAndTell(List<Booking> bookings, String actor);

    /**
     * One booked time, with no more about the person than a coordinator may see anyway.
     *
     * @param source      which implementation it came from ("appointment", "course-session")
     * @param id          the booking's id within its source
     * @param what        a title for the coordinator: a topic, or a course title
     * @param reference   a booking code or a course number, for finding it again
     * @param people      how many people are affected
     * @param toldByMail  how many of them can be told by e-mail
     * @param cancellable whether {@link #cancelAndTell} can cancel it here, or it needs its own page ({@code link})
     * @param link        where staff look at it
     */
    record Booking(String source, long id, ZonedDateTime starts, ZonedDateTime ends, String what, String reference,
            int people, int toldByMail, boolean cancellable, String link) {

        /** How the coordinator's page names this booking when they tick it for cancelling. */
        public String key() {
            return source + ":" + id;
        }
    }

    /**
     * The bookings the coordinator ticked for cancelling: {@code ticked} holds their {@link Booking#key keys} and
     * {@code offered} is sent along with the page's tick boxes (so none ticked means none). A request that was not
     * sent from the page (neither of them) means all of them, as the button says.
     */
    static List<Booking> chosen(List<Booking> affected, List<String> ticked, String offered) {
        if (ticked == null && offered == null) {
            return affected;
        }
        List<String> keys = ticked == null ? List.of() : ticked;
        return affected.stream().filter(b -> keys.contains(b.key())).toList();
    }
}
