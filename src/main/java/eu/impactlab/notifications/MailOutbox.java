package eu.impactlab.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notifications module's one service: other modules put e-mails into the outbox, and a sender delivers them
 * when a mail server is configured ({@code spring.mail.host}); without one they wait here, readable by admins.
 */
@Service
public class MailOutbox {

    private final MailOutboxRepository outbox;
    private final Clock clock;

    MailOutbox(MailOutboxRepository outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Queues a mail for sending. The address is not checked here but by the sender, so a booking never fails
     * because of its confirmation mail.
     */
    // Joins the caller's transaction, so the mail is queued if and only if the caller's change (e.g. a booking) commits.
    @Transactional
    public void enqueue(OutgoingMail mail) {
        outbox.insert(mail, Instant.now(clock));
    }

    @Transactional(readOnly = true)
    Page<OutboxEntry> newestFirst(int page, int size) {
        return outbox.newestFirst(Math.max(page, 0), size);
    }

    @Transactional(readOnly = true)
    Optional<OutboxEntry> find(long id) {
        return outbox.find(id);
    }

    java.util.List<MailOutboxRepository.AttachmentInfo> furtherAttachmentInfo(long id) {
        return outbox.furtherAttachmentInfo(id);
    }

    @Transactional(readOnly = true)
    Map<MailStatus, Long> countByStatus() {
        return outbox.countByStatus();
    }

    /** Gives a FAILED mail a fresh set of attempts, e.g. after the mail server's settings were fixed. */
    @Transactional
    boolean retry(long id) {
        return outbox.retry(id, Instant.now(clock));
    }
}
