package eu.impactlab.consultations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counts booking attempts for the operator's monitoring: booked, repeated, taken meanwhile (a conflict) or invalid,
 * per lab. Labels carry only the lab's slug and the outcome, never anything about the person.
 */
@Component
class BookingMetrics {

    static final String BOOKINGS = "impactlab.bookings";

    private final MeterRegistry registry;

    BookingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(String labSlug, BookingOutcome outcome) {
        String result = outcome instanceof BookingOutcome.Booked ? "booked"
                : outcome instanceof BookingOutcome.Repeated ? "repeated"
                : outcome instanceof BookingOutcome.Taken ? "conflict"
                : "invalid";
        // An invalid request may name a lab that does not exist: no label from unchecked input.
        String lab = outcome instanceof BookingOutcome.Invalid ? "-" : labSlug;
        Counter.builder(BOOKINGS)
                .description("Booking attempts by kind and outcome")
                .tag("kind", "consultation")
                .tag("lab", lab)
                .tag("outcome", result)
                .register(registry)
                .increment();
    }
}
