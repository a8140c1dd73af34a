package eu.impactlab.notifications;

import java.time.Instant;

/** A mail in the outbox as the admin pages show it; {@code body} is only loaded for the detail page. */
record OutboxEntry(
        long id, String recipient, String subject, MailStatus status, int attempts, Instant createdAt,
        Instant nextAttemptAt, Instant sentAt, String lastError, String attachmentFilename,
        String attachmentContentType, Integer attachmentSize, String body) {

    public boolean hasAttachment() {
        return attachmentFilename != null;
    }
}
