package eu.impactlab.courses;

/**
 * Anonymous facts a participant chose to give when registering, each from a fixed list, or NOT_STATED. The values
 * use the same names as the consultations module's outcome form.
 *
 * @param ageBand   UNDER_18, FROM_18_TO_29, FROM_30_TO_44, FROM_45_TO_64, FROM_65 or NOT_STATED
 * @param gender    FEMALE, MALE, DIVERSE or NOT_STATED
 * @param stadtteil the Stadtteil of residence by its official name, OUTSIDE_BREMEN or NOT_STATED
 */
public record VisitorFacts(String ageBand, String gender, String stadtteil) {

    public static final String NOT_STATED = "NOT_STATED";

    public static VisitorFacts notStated() {
        return new VisitorFacts(NOT_STATED, NOT_STATED, NOT_STATED);
    }
}
