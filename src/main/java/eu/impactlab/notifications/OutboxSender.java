package eu.impactlab.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.dao.DataAccessException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due mails from the outbox to the SMTP server, one mail per transaction.
 *
 * <p>The row stays locked ({@code FOR UPDATE SKIP LOCKED}) while its mail is handed over, so several app instances
 * share the outbox without sending a mail twice. A crash between the hand-over and the commit sends that one mail
 * again later: at least once, never lost.
 */
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    /** Mails per run, so one run ends soon enough for a graceful shutdown and other instances get their share. */
    static final int BATCH_SIZE = 100;

    private static final Pattern SMTP_CODE = Pattern.compile("^\\s*([245]\\d\\d)(?:[ -]([245]\\.\\d{1,3}\\.\\d{1,3}))?");

    private final MailOutboxRepository outbox;
    private final JavaMailSender mailSender;
    private final TransactionTemplate transactions;
    private final MailSettings settings;
    private final Clock clock;

    OutboxSender(MailOutboxRepository outbox, JavaMailSender mailSender, TransactionTemplate transactions,
            MailSettings settings, Clock clock) {
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /** The scheduled run: never throws, so a database outage costs one log line per run, not a stack trace. */
    void run() {
        try {
            sendDueMails();
        } catch (DataAccessException | TransactionException e) {
            log.warn("The mail outbox could not be read; pending mails wait for the next run: {}",
                    e.getClass().getSimpleName());
        }
    }

    /**
     * Sends the mails that are due now, up to {@link #BATCH_SIZE}. Stops when the mail server refuses one: it will
     * most likely refuse the next as well, and each try could cost a connection timeout.
     *
     * @return how many mails were handed over to the mail server
     */
    int sendDueMails() {
        int sent = 0;
        for (int i = 0; i < BATCH_SIZE; i++) {
            Outcome outcome = transactions.execute(status -> sendNext());
            if (outcome == Outcome.SENT) {
                sent++;
            } else if (outcome != Outcome.UNREADABLE) {
                break;
            }
        }
        return sent;
    }

    private enum Outcome { NONE_DUE, SENT, UNREADABLE, SERVER_REFUSED }

    /** Inside a transaction, holding the row lock of the mail it sends. */
    private Outcome sendNext() {
        Instant now = Instant.now(clock);
        Optional<DueMail> due = outbox.lockNextDue(now);
        if (due.isEmpty()) {
            return Outcome.NONE_DUE;
        }
        DueMail mail = due.get();
        int attempt = mail.attempts() + 1;
        MimeMessage message;
        try {
            message = compose(mail);
        } catch (MessagingException e) {
            // The address or a header cannot be written at all: trying again would not help.
            outbox.markFailed(mail.id(), attempt, "Unreadable: " + e.getClass().getSimpleName());
            log.warn("Mail {} cannot be composed and is marked FAILED ({})", mail.id(), e.getClass().getSimpleName());
            return Outcome.UNREADABLE;
        }
        try {
            mailSender.send(message);
        } catch (MailException e) {
            recordFailure(mail, attempt, describe(e));
            return Outcome.SERVER_REFUSED;
        }
        outbox.markSent(mail.id(), attempt, Instant.now(clock));
        return Outcome.SENT;
    }

    private void recordFailure(DueMail mail, int attempt, String error) {
        if (attempt >= settings.maxAttempts()) {
            outbox.markFailed(mail.id(), attempt, error);
            log.warn("Mail {} could not be sent after {} attempts and is marked FAILED ({})", mail.id(), attempt, error);
        } else {
            Instant next = Instant.now(clock).plus(backoff(attempt));
            outbox.markRetryLater(mail.id(), attempt, next, error);
            log.info("Mail {} could not be sent (attempt {}, {}); next attempt at {}", mail.id(), attempt, error, next);
        }
    }

    private MimeMessage compose(DueMail mail) throws MessagingException {
        MimeMessage message = mailSender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, mail.hasAttachment(), "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.body(), false);
        helper.setSentDate(java.util.Date.from(Instant.now(clock)));
        // RFC 3834: out-of-office robots must not answer a mail that a machine wrote.
        message.setHeader("Auto-Submitted", "auto-generated");
        if (mail.hasAttachment()) {
            helper.addAttachment(mail.attachmentFilename(), new ByteArrayResource(mail.attachmentData()),
                    mail.attachmentContentType());
            for (OutgoingMail.Attachment further : mail.furtherAttachments()) {
                helper.addAttachment(further.filename(), new ByteArrayResource(further.content()), further.contentType());
            }
        }
        return message;
    }

    /** 1, 2, 4, 8 … minutes after the first, second, third … failed attempt. */
    static Duration backoff(int failedAttempts) {
        return Duration.ofMinutes(1L << Math.min(Math.max(failedAttempts - 1, 0), 20));
    }

    /**
     * What went wrong, without personal data: server messages often quote the recipient's address, so only the kind
     * of error and the SMTP status code are kept.
     */
    static String describe(MailException failure) {
        Throwable cause = failure;
        if (failure instanceof MailSendException send && send.getMessageExceptions().length > 0) {
            cause = send.getMessageExceptions()[0];
        }
        String code = null;
        Throwable innermost = cause;
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            innermost = t;
            if (code == null && t.getMessage() != null) {
                Matcher m = SMTP_CODE.matcher(t.getMessage());
                if (m.find()) {
                    code = m.group(2) == null ? m.group(1) : m.group(1) + " " + m.group(2);
                }
            }
        }
        String kind = innermost == cause ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + innermost.getClass().getSimpleName();
        String text = code == null ? kind : kind + " (SMTP " + code + ")";
        return text.length() > 200 ? text.substring(0, 200) : text;
    }
}
