package eu.impactlab.notifications;

import static eu.impactlab.platform.PersonalData.Kind.CONTACT;
import static eu.impactlab.platform.PersonalData.Kind.FREE_TEXT;

import eu.impactlab.platform.PersonalData;
import eu.impactlab.platform.PersonalData.Column;
import eu.impactlab.platform.PersonalData.Deletion;
import eu.impactlab.platform.PersonalData.Found;
import eu.impactlab.platform.PersonalData.LegalBasis;
import eu.impactlab.platform.PersonalData.NotPersonal;
import eu.impactlab.platform.PersonalData.Query;
import eu.impactlab.platform.PersonalData.Use;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox's personal data: mails hold an address, a name and a private link until the outbox retention deletes
 * them. Mails belong to no lab, so only a search across all labs (an admin's) lists them.
 */
@Component
class NotificationsPersonalData implements PersonalData.Declaration, PersonalData.Holder {

    static final String KIND = "mail";

    private final JdbcClient jdbc;
    private final int retentionDays;

    NotificationsPersonalData(JdbcClient jdbc, @Value("${impactlab.mail.retention-days:30}") int retentionDays) {
        this.jdbc = jdbc;
        this.retentionDays = retentionDays;
    }

    @Override
    public List<Use> uses() {
        return List.of(new Use("notifications.mail", Set.of("booking", "course-registration"), LegalBasis.CONSENT,
                Set.of("mail"), Deletion.AFTER_RETENTION, OutboxRetention.LOCK, retentionDays, List.of(
                        new Column("mail_outbox", "recipient", CONTACT),
                        new Column("mail_outbox", "subject", FREE_TEXT),
                        new Column("mail_outbox", "body", FREE_TEXT),
                        new Column("mail_outbox", "attachment_data", FREE_TEXT),
                        new Column("mail_outbox", "last_error", FREE_TEXT),
                        new Column("mail_outbox_attachment", "data", FREE_TEXT))));
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(
                new NotPersonal("mail_outbox", "attachment_filename", "a fixed file name such as termin.ics"),
                new NotPersonal("mail_outbox_attachment", "filename", "a fixed file name such as termin.ics"));
    }

    @Override
    public List<Found> find(Query query) {
        if (query.labIds() != null || query.email() == null) {
            return List.of();
        }
        return jdbc.sql("select id, subject, recipient from mail_outbox where lower(recipient) = lower(:email) order by id")
                .param("email", query.email())
                .query((rs, i) -> new Found(KIND, null, Long.toString(rs.getLong(1)), null, rs.getString(2),
                        Map.of("recipient", rs.getString(3)), List.of()))
                .list();
    }

    @Override
    public List<Found> byLink(String token) {
        return List.of();
    }

    @Override
    public boolean erase(String kind, String ref, String actor) {
        return KIND.equals(kind) && jdbc.sql("delete from mail_outbox where id = ?").param(Long.parseLong(ref)).update() > 0;
    }
}
