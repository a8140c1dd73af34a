package eu.impactlab.partners;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A delivered partner request's reach was reported: counts only, no names, for anonymous impact figures.
 *
 * @param eventId   unique per report, so a listener that runs twice counts once
 * @param date      the day it took place (Europe/Berlin)
 * @param kind      WORKSHOP, GROUP_CONSULTATION, REMOTE_SUPPORT, LAB_VISIT or DEVICE_LOAN
 * @param stadtteil the partner organisation's Stadtteil
 * @param byAgeBand participants per age band (UNDER_12, AGE_12_17, AGE_18_26, AGE_27_64, AGE_65_PLUS); they add up to
 *                  {@code participants}
 * @param languages the languages used, as tags
 */
public record PartnerReachReported(UUID eventId, LocalDate date, long labId, String kind, String stadtteil,
        int participants, Map<String, Integer> byAgeBand, int firstTime, List<String> languages, int durationMinutes,
        int devicesLent) {
}
