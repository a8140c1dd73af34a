package eu.impactlab.courses;

/**
 * What somebody sends to register for a course. The anonymous facts are optional (null or NOT_STATED);
 * {@code idempotencyKey} makes a re-submitted form or a retried API call return the first registration.
 *
 * @param actor who registers, for the course log ("citizen", "api"); never a name
 */
record RegistrationRequest(long courseId, String name, String email, String phone, boolean consent, String ageBand,
        String gender, String stadtteil, String uiLanguage, String idempotencyKey, String actor) {
}
