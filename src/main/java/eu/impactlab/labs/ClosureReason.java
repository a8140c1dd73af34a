package eu.impactlab.labs;

/** Why a lab is closed or open at other times on a day; fixed reasons, so every language can show them. */
public enum ClosureReason {
    PUBLIC_HOLIDAY,
    TEAM_DAY,
    EVENT,
    BUILDING_WORK,
    OTHER;

    public String messageKey() {
        return "closure." + name();
    }
}
