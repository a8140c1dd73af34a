/**
 * Consultations: owns topics, helpers' topics, languages and hours, free times, appointments booked without an
 * account, the walk-in queue and anonymous outcomes (tables {@code topic*}, {@code helper_*}, {@code appointment*},
 * {@code walk_in_*}, {@code consultation_outcome*}). Its one service is
 * {@link eu.impactlab.consultations.ConsultationService}; it publishes past-tense events such as
 * {@link eu.impactlab.consultations.AppointmentBooked} and {@link eu.impactlab.consultations.ConsultationCompleted}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Consultations")
package eu.impactlab.consultations;
