package eu.impactlab.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code mail_outbox} table, in plain SQL: claiming rows needs {@code FOR UPDATE SKIP LOCKED}. */
@Repository
class MailOutboxRepository {

    private static final String ENTRY_COLUMNS = "id, recipient, subject, status, attempts, created_at, next_attempt_at, "
            + "sent_at, last_error, attachment_filename, attachment_content_type, octet_length(attachment_data) AS attachment_size";

    private final JdbcClient jdbc;

    MailOutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(OutgoingMail mail, Instant now) {
        OutgoingMail.Attachment attachment = mail.attachment();
        long id = jdbc.sql("""
                INSERT INTO mail_outbox (recipient, subject, body, attachment_filename, attachment_content_type,
                                         attachment_data, status, attempts, created_at, next_attempt_at)
                VALUES (:recipient, :subject, :body, :filename, :contentType, :data, 'PENDING', 0, :now, :now)
                RETURNING id""")
                .param("recipient", mail.to())
                .param("subject", mail.subject())
                .param("body", mail.text())
                .param("filename", attachment == null ? null : attachment.filename())
                .param("contentType", attachment == null ? null : attachment.contentType())
                .param("data", attachment == null ? null : attachment.content(), java.sql.Types.BINARY)
                .param("now", utc(now))
                .query(Long.class)
                .single();
        int position = 1;
        for (OutgoingMail.Attachment further : mail.furtherAttachments()) {
            jdbc.sql("""
                    INSERT INTO mail_outbox_attachment (mail_id, position, filename, content_type, data)
                    VALUES (:id, :position, :filename, :contentType, :data)""")
                    .param("id", id).param("position", position++).param("filename", further.filename())
                    .param("contentType", further.contentType()).param("data", further.content(), java.sql.Types.BINARY)
                    .update();
        }
        return id;
    }

    private java.util.List<OutgoingMail.Attachment> furtherAttachments(long id) {
        return jdbc.sql("SELECT filename, content_type, data FROM mail_outbox_attachment WHERE mail_id = :id ORDER BY position")
                .param("id", id)
                .query((rs, n) -> new OutgoingMail.Attachment(rs.getString("filename"), rs.getString("content_type"),
                        rs.getBytes("data")))
                .list();
    }

    /**
     * Locks the pending mail that has waited longest for its turn. Rows that another sender (in this or another app
     * instance) has locked are skipped rather than waited for, so no two senders ever hold the same mail.
     */
    Optional<DueMail> lockNextDue(Instant now) {
        return jdbc.sql("""
                SELECT id, recipient, subject, body, attachment_filename, attachment_content_type, attachment_data, attempts
                FROM mail_outbox
                WHERE status = 'PENDING' AND next_attempt_at <= :now
                ORDER BY next_attempt_at, id
                LIMIT 1
                FOR UPDATE SKIP LOCKED""")
                .param("now", utc(now))
                .query((rs, n) -> new DueMail(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("body"), rs.getString("attachment_filename"),
                        rs.getString("attachment_content_type"), rs.getBytes("attachment_data"), rs.getInt("attempts"),
                        java.util.List.<OutgoingMail.Attachment>of()))
                .optional()
                .map(due -> new DueMail(due.id(), due.recipient(), due.subject(), due.body(), due.attachmentFilename(),
                        due.attachmentContentType(), due.attachmentData(), due.attempts(), furtherAttachments(due.id())));
    }

    void markSent(long id, int attempts, Instant now) {
        jdbc.sql("UPDATE mail_outbox SET status = 'SENT', attempts = :attempts, sent_at = :now WHERE id = :id")
                .param("attempts", attempts).param("now", utc(now)).param("id", id)
                .update();
    }

    void markRetryLater(long id, int attempts, Instant nextAttempt, String error) {
        jdbc.sql("""
                UPDATE mail_outbox SET attempts = :attempts, next_attempt_at = :next, last_error = :error
                WHERE id = :id""")
                .param("attempts", attempts).param("next", utc(nextAttempt)).param("error", error).param("id", id)
                .update();
    }

    void markFailed(long id, int attempts, String error) {
        jdbc.sql("UPDATE mail_outbox SET status = 'FAILED', attempts = :attempts, last_error = :error WHERE id = :id")
                .param("attempts", attempts).param("error", error).param("id", id)
                .update();
    }

    /** Puts a failed mail back in line with a fresh set of attempts; false when it is not FAILED. */
    boolean retry(long id, Instant now) {
        return jdbc.sql("""
                UPDATE mail_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = :now
                WHERE id = :id AND status = 'FAILED'""")
                .param("now", utc(now)).param("id", id)
                .update() == 1;
    }

    Page<OutboxEntry> newestFirst(int page, int size) {
        long total = jdbc.sql("SELECT count(*) FROM mail_outbox").query(Long.class).single();
        List<OutboxEntry> entries = jdbc.sql("SELECT " + ENTRY_COLUMNS
                        + " FROM mail_outbox ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> entry(rs, null))
                .list();
        return new PageImpl<>(entries, PageRequest.of(page, size), total);
    }

    Optional<OutboxEntry> find(long id) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + ", body FROM mail_outbox WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> entry(rs, rs.getString("body")))
                .optional();
    }

    /** A further attachment's name and size, for the outbox's detail page (the first one is on the entry). */
    record AttachmentInfo(String filename, int size) {
    }

    List<AttachmentInfo> furtherAttachmentInfo(long mailId) {
        return jdbc.sql("SELECT filename, octet_length(data) FROM mail_outbox_attachment WHERE mail_id = :id ORDER BY position")
                .param("id", mailId).query((rs, n) -> new AttachmentInfo(rs.getString(1), rs.getInt(2))).list();
    }

    Map<MailStatus, Long> countByStatus() {
        Map<MailStatus, Long> counts = new EnumMap<>(MailStatus.class);
        for (MailStatus status : MailStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("SELECT status, count(*) AS n FROM mail_outbox GROUP BY status")
                .query(rs -> {
                    counts.put(MailStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                });
        return counts;
    }

    private static OutboxEntry entry(ResultSet rs, String body) throws SQLException {
        Integer size = rs.getObject("attachment_size", Integer.class);
        return new OutboxEntry(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                MailStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "created_at"),
                instant(rs, "next_attempt_at"), instant(rs, "sent_at"), rs.getString("last_error"),
                rs.getString("attachment_filename"), rs.getString("attachment_content_type"),
                size, body);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** The PostgreSQL driver takes OffsetDateTime for {@code timestamptz}, not Instant. */
    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
