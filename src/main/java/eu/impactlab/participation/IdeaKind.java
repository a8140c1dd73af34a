package eu.impactlab.participation;

/** What an idea asks for. */
enum IdeaKind {
    COURSE, PROJECT, EQUIPMENT, OTHER;

    static IdeaKind of(String value) {
        for (IdeaKind kind : values()) {
            if (kind.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return kind;
            }
        }
        return null;
    }
}
