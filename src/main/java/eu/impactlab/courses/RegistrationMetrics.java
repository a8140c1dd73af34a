package eu.impactlab.courses;

import eu.impactlab.labs.LabService;
import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;

/** Counts course registrations for the operator's monitoring, per lab: a seat ("booked") or the waitlist. */
@Component
class RegistrationMetrics {

    private final MeterRegistry registry;
    private final LabService labs;

    RegistrationMetrics(MeterRegistry registry, LabService labs) {
        this.registry = registry;
        this.labs = labs;
    }

    /** In the registration's transaction: a plain listener, so no event publication is stored for a counter. */
    @EventListener
    void on(CourseRegistered registered) {
        long labId = registered.course().labId();
        String lab = labs.labs(Language.DE).stream().filter(l -> l.id() == labId).map(LabView::slug).findFirst()
                .orElse("-");
        Counter.builder("impactlab.bookings")
                .description("Booking attempts by kind and outcome")
                .tag("kind", "course")
                .tag("lab", lab)
                .tag("outcome", registered.waitlisted() ? "waitlisted" : "booked")
                .register(registry)
                .increment();
    }
}
