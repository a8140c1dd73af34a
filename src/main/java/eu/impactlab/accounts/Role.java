package eu.impactlab.accounts;

/** What a staff account may do; citizens have no account. */
public enum Role {
    ADMIN,
    COORDINATOR,
    HELPER,
    PARTNER,
    FUNDER;

    /** Coordinators and helpers act for labs; the others do not. */
    public boolean actsForLabs() {
        return this == COORDINATOR || this == HELPER;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
