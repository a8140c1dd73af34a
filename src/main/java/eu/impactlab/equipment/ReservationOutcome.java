package eu.impactlab.equipment;

import java.util.List;
import java.util.Map;

/** What became of a reservation request. */
sealed interface ReservationOutcome {

    record Reserved(Reservation reservation, String token) implements ReservationOutcome {
    }

    /** The same request came again with the same idempotency key. */
    record Repeated(Reservation reservation) implements ReservationOutcome {
    }

    /** Someone else has the time (or its buffer): the nearest free times of the same length instead. */
    record Taken(List<FreeTime> alternatives) implements ReservationOutcome {
    }

    /** The pass lacks a valid induction for the machine: a message key saying why. */
    record Refused(String messageKey) implements ReservationOutcome {
    }

    /** Field errors as message keys. */
    record Invalid(Map<String, String> errors) implements ReservationOutcome {
    }
}
