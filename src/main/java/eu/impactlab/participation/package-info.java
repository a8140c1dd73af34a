/**
 * Participation: neighbours propose ideas and wishes for their lab without an account, others support them, and a
 * coordinator publishes, answers and links them to what realises them (tables {@code idea*}). Its one service is
 * {@link eu.impactlab.participation.ParticipationService}; it publishes past-tense events such as
 * {@link eu.impactlab.participation.IdeaProposed} and {@link eu.impactlab.participation.IdeaAnswered}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Participation")
package eu.impactlab.participation;
