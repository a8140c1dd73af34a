package eu.impactlab.notifications;

/** Where a mail in the outbox stands. */
enum MailStatus {
    /** Not yet delivered to the mail server; the sender tries it when {@code next_attempt_at} has come. */
    PENDING,
    /** Handed over to the mail server. */
    SENT,
    /** Given up after too many attempts (or the address could not be read); an admin can try it again. */
    FAILED
}
