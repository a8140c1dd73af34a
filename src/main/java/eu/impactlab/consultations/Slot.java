package eu.impactlab.consultations;

import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;

/**
 * A free time for a consultation: how people can meet then and how many matching helpers are free. The helpers
 * (by account id, with the ways each offers) stay inside the module; pages and the API show only the counts.
 */
public record Slot(ZonedDateTime start, ZonedDateTime end, Set<Mode> modes, int available, Map<Long, Set<Mode>> helpers) {

    boolean offers(Mode mode) {
        return modes.contains(mode);
    }
}
