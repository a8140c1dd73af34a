package eu.impactlab.participation;

/** The lab's public answer to a published idea. */
enum AnswerState {
    UNDER_REVIEW, PLANNED, DONE, NOT_POSSIBLE;

    static AnswerState of(String value) {
        for (AnswerState state : values()) {
            if (state.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return state;
            }
        }
        return null;
    }
}
