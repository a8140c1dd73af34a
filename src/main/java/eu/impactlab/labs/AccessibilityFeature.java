package eu.impactlab.labs;

/** Accessibility facts a lab can state; each has a plain-words text in the message bundles. */
public enum AccessibilityFeature {
    STEP_FREE_ENTRANCE,
    LIFT,
    ACCESSIBLE_TOILET,
    HEARING_LOOP,
    ACCESSIBLE_PARKING,
    SEATING_AREA,
    HEIGHT_ADJUSTABLE_DESK,
    SCREEN_READER_PC,
    QUIET_ROOM,
    GUIDE_DOGS_WELCOME;

    public String messageKey() {
        return "accessibility." + name();
    }
}
