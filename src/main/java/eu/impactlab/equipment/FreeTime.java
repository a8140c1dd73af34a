package eu.impactlab.equipment;

import java.time.ZonedDateTime;

/** A free stretch of a machine's time within the lab's opening hours. */
record FreeTime(ZonedDateTime start, ZonedDateTime end) {
}
