package eu.impactlab.participation;

import java.time.OffsetDateTime;

/** An idea as stored, with its support counts as the database counts them. */
record Idea(long id, long labId, String kind, String title, String text, String language, String uiLanguage,
        String state, String answerState, String answerText, Long linkedCourseId, String moderatorMessage,
        Long mergedInto, boolean linksAllowed, int reports, String nickname, String email, String licence,
        OffsetDateTime createdAt, OffsetDateTime publishedAt, OffsetDateTime firstAnsweredAt,
        OffsetDateTime lastDecisionAt, OffsetDateTime personalDataDeletedAt, long supports, long inPersonSupports,
        long confirmedSupports) {

    public IdeaState ideaState() {
        return IdeaState.valueOf(state);
    }

    public boolean published() {
        return ideaState() == IdeaState.PUBLISHED;
    }

    public boolean personalDataDeleted() {
        return personalDataDeletedAt != null;
    }

    /** The text direction of the idea's own language. */
    public String dir() {
        return IdeaLanguages.direction(language);
    }

    /** The lang attribute for the idea's own text: Leichte Sprache is German. */
    public String htmlLang() {
        return IdeaLanguages.htmlLang(language);
    }
}
