package eu.impactlab.skills;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * Somebody finished a self-check. Anonymous: no link, no answers, only the levels.
 *
 * @param eventId     unique per check, so a retried event is counted once
 * @param date        the day it was finished (Europe/Berlin)
 * @param mode        SHORT, FULL or COURSE
 * @param courseId    the course of a before/after check, else null
 * @param phase       BEFORE or AFTER for a course's check, else null
 * @param levels      DigComp competence code to level (0 just starting … 3 confident)
 */
public record SelfCheckCompleted(UUID eventId, LocalDate date, String mode, Long courseId, String phase,
        Map<String, Integer> levels) {

    public SelfCheckCompleted {
        levels = Map.copyOf(levels);
    }
}
