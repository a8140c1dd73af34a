package eu.impactlab.consultations;

import java.util.List;
import java.util.Map;

/** The result of a booking attempt: booked, a repeat of an earlier booking, taken meanwhile, or invalid input. */
public sealed interface BookingOutcome {

    /** Booked; the manage token exists only here, the database keeps its hash. */
    record Booked(AppointmentView appointment, String manageToken) implements BookingOutcome {
    }

    /** The same request came again (a re-submitted form or a retried call): nothing new was booked. */
    record Repeated(AppointmentView appointment) implements BookingOutcome {
    }

    /** No matching helper is free at that time any more; the nearest free times instead. */
    record Taken(List<Slot> alternatives) implements BookingOutcome {
    }

    /** Field → message key, for errors the person can fix. */
    record Invalid(Map<String, String> errors) implements BookingOutcome {
    }
}
