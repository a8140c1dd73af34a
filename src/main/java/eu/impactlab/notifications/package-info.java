/**
 * Notifications: owns the e-mail outbox (table {@code mail_outbox}), its sending with retries, its retention, the
 * admins' outbox pages, and iCalendar invitations. Its one service is {@link eu.impactlab.notifications.MailOutbox};
 * {@link eu.impactlab.notifications.CalendarInvitations} writes the calendar files.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package eu.impactlab.notifications;
