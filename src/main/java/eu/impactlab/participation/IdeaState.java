package eu.impactlab.participation;

/** Where an idea is in moderation: only PUBLISHED ideas are public. */
enum IdeaState {
    PENDING, QUESTION, PUBLISHED, REJECTED, MERGED, WITHDRAWN;

    boolean open() {
        return this == PENDING || this == QUESTION;
    }
}
