package eu.impactlab.consultations;

/** A consultation topic with its title in one language (German when there is no translation). */
public record TopicView(String key, String title, int minutes) {
}
