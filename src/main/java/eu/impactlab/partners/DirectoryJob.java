package eu.impactlab.partners;

import eu.impactlab.platform.OnceAcrossInstances;
import eu.impactlab.platform.PersonalData;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The directory's yearly confirmation and its deletions. A published entry not confirmed for 11 months brings its
 * organisation a reminder; after 12 months it is hidden (the public queries leave it out) and the organisation is asked
 * to confirm. Each mail once (its own timestamp column, set in the transaction that queues the mail), one instance at a
 * time. Report texts are deleted after their retention period, a named contact person once the entry has been
 * unconfirmed for the contact retention period.
 */
@Component
class DirectoryJob implements PersonalData.DeletionJob {

    private static final Logger log = LoggerFactory.getLogger(DirectoryJob.class);
    static final String LOCK = "impactlab.partners.directory.confirm";
    static final String DELETION = "impactlab.partners.directory.retention";
    /** How long a report's text is kept for the coordinators to look into it. */
    static final Duration REPORT_RETENTION = Duration.ofDays(180);
    /** An entry unconfirmed this long (12 months hidden plus 3) loses its named contact person. */
    static final int CONTACT_MONTHS = 15;

    private final JdbcClient jdbc;
    private final OnceAcrossInstances once;
    private final PartnerMails mails;
    private final Clock clock;

    DirectoryJob(JdbcClient jdbc, OnceAcrossInstances once, PartnerMails mails, Clock clock) {
        this.jdbc = jdbc;
        this.once = once;
        this.mails = mails;
        this.clock = clock;
    }

    @Override
    public String name() {
        return DELETION;
    }

    @Scheduled(cron = "${impactlab.partners.directory-cron:0 15 6 * * *}", zone = "Europe/Berlin")
    void scheduled() {
        Instant now = Instant.now(clock);
        remind(now);
        deleteDue(now);
    }

    /** @return how many mails were queued, or -1 when another instance is at it */
    int remind(Instant now) {
        int sent = once.run(LOCK, () -> {
            Instant hiddenFrom = DirectoryService.cutoff(now);
            Instant remindFrom = now.atZone(PartnerStore.BREMEN).minusMonths(DirectoryService.CONFIRM_MONTHS - 1).toInstant();
            List<Long> asked = jdbc.sql("""
                    update partner_directory_entry set confirm_asked_at = :now, confirm_reminded_at = coalesce(confirm_reminded_at, :now)
                    where state = 'PUBLISHED' and confirm_asked_at is null and confirmed_at <= :hidden returning organisation_id""")
                    .param("now", Timestamp.from(now)).param("hidden", Timestamp.from(hiddenFrom)).query(Long.class).list();
            asked.forEach(org -> mails.toOrganisation(org, "partners.mail.directory.hidden"));
            List<Long> reminded = jdbc.sql("""
                    update partner_directory_entry set confirm_reminded_at = :now
                    where state = 'PUBLISHED' and confirm_reminded_at is null and confirmed_at <= :remind returning organisation_id""")
                    .param("now", Timestamp.from(now)).param("remind", Timestamp.from(remindFrom)).query(Long.class).list();
            reminded.forEach(org -> mails.toOrganisation(org, "partners.mail.directory.remind"));
            return asked.size() + reminded.size();
        }).orElse(-1);
        if (sent > 0) {
            log.info("Directory confirmation: {} organisations asked or reminded", sent);
        }
        return sent;
    }

    @Override
    public int deleteDue(Instant now) {
        int deleted = once.deletion(DELETION, () -> {
            int reports = jdbc.sql("update partner_directory_report set body = null where body is not null and created_at < ?")
                    .param(Timestamp.from(now.minus(REPORT_RETENTION))).update();
            int contacts = jdbc.sql("""
                    update partner_directory_entry set contact_person = null, contact_consent_at = null,
                        contact_consent_version = null, contact_consent_recorded_by = null
                    where contact_person is not null and confirmed_at < ?""")
                    .param(Timestamp.from(now.atZone(PartnerStore.BREMEN).minusMonths(CONTACT_MONTHS).toInstant())).update();
            return reports + contacts;
        }).orElse(-1);
        if (deleted > 0) {
            log.info("Directory retention: {} report texts and contact persons deleted", deleted);
        }
        return deleted;
    }
}
