/**
 * Courses: owns courses and events with their sessions, seats, waitlist, registrations without an account,
 * attendance, completion and certificates (tables {@code course*}). Its one service is
 * {@link eu.impactlab.courses.CourseService}; it publishes past-tense events such as
 * {@link eu.impactlab.courses.CourseRegistered} and {@link eu.impactlab.courses.CourseCompleted}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Courses")
package eu.impactlab.courses;
