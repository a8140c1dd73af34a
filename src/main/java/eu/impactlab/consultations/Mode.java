package eu.impactlab.consultations;

/** How a citizen and a helper meet. */
public enum Mode {
    IN_PERSON,
    PHONE,
    VIDEO;

    public String messageKey() {
        return "mode." + name();
    }
}
