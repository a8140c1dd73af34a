package eu.impactlab.labs;

/** What a person can do at a lab; each has a plain-words title and text in the message bundles. */
public enum Offer {
    CONSULTATION,
    WALK_IN,
    COURSES,
    PUBLIC_COMPUTERS,
    MAKERSPACE,
    LOAN_DEVICES,
    PARTNER_SUPPORT;

    public String messageKey() {
        return "offer." + name();
    }
}
