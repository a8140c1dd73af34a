/**
 * Participation: owns the ideas and wishes that neighbours propose for their lab without an account, their supports
 * (one per browser), confirmed supporters, followers, translations and the lab's public answers (tables
 * {@code idea*}, {@code participation_key}). Its one service is {@link eu.impactlab.participation.ParticipationService};
 * it publishes past-tense events such as {@link eu.impactlab.participation.IdeaProposed} and
 * {@link eu.impactlab.participation.IdeaAnswered}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Participation")
package eu.impactlab.participation;
