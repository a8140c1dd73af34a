package eu.impactlab.partners;

import eu.impactlab.platform.OnceAcrossInstances;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The reminders of partner requests: to the partner after 5 working days of the lab waiting for them, a warning at
 * 15, the request withdrawn by itself at 20; to partner and coordinators 48 hours before the date; to the coordinators
 * when the reach report is missing 3 and 7 days after delivery. One instance at a time (advisory lock), and each
 * reminder once (its own timestamp column, set in the same transaction as the mail is queued).
 */
@Component
class PartnerReminderJob {

    private static final Logger log = LoggerFactory.getLogger(PartnerReminderJob.class);
    static final String LOCK = "impactlab.partners.reminders";
    static final String ACTOR = "system";

    private final JdbcClient jdbc;
    private final OnceAcrossInstances once;
    private final PartnerStore store;
    private final PartnerService service;
    private final PartnerMails mails;
    private final PartnersProperties properties;
    private final Clock clock;

    PartnerReminderJob(JdbcClient jdbc, OnceAcrossInstances once, PartnerStore store, PartnerService service,
            PartnerMails mails, PartnersProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.once = once;
        this.store = store;
        this.service = service;
        this.mails = mails;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${impactlab.partners.reminder-cron:0 5 * * * *}", zone = "Europe/Berlin")
    void scheduled() {
        remind(Instant.now(clock));
    }

    /** @return how many reminders (and automatic withdrawals) happened, or -1 when another instance is at it */
    int remind(Instant now) {
        int done = once.run(LOCK, () -> waitingForPartner(now) + dateSoon(now) + reportMissing(now)).orElse(-1);
        if (done > 0) {
            log.info("Partner reminders: {} sent or acted on", done);
        }
        return done;
    }

    private int waitingForPartner(Instant now) {
        LocalDate today = now.atZone(PartnerStore.BREMEN).toLocalDate();
        List<Long> ids = jdbc.sql("""
                select id from partner_request where state = 'CLARIFYING' and waiting_for_partner
                order by id for update skip locked""").query(Long.class).list();
        int count = 0;
        for (long id : ids) {
            PartnerStore.Row row = store.byId(id).orElseThrow();
            Instant since = store.openPauseSince(id).orElse(null);
            if (since == null) {
                continue;
            }
            int waited = service.workingDays(row.labId()).between(since.atZone(PartnerStore.BREMEN).toLocalDate(), today);
            if (waited >= properties.withdrawDays()) {
                service.move(row, RequestState.WITHDRAWN, ACTOR, true, "AUTO_WITHDRAWN");
                store.update(id, "waiting_for_partner = false", Map.of());
                store.endPause(id, now);
                mails.toPartner(row, "partners.mail.partner.withdrawn");
                count++;
            } else if (waited >= properties.warnPartnerDays() && once(id, "clarifying_warned_at", now)) {
                store.log(id, "WARNED", null, null, ACTOR, true, now);
                mails.toPartner(row, "partners.mail.partner.warn");
                count++;
            } else if (waited >= properties.remindPartnerDays() && waited < properties.warnPartnerDays()
                    && once(id, "clarifying_reminded_at", now)) {
                store.log(id, "REMINDED", null, null, ACTOR, true, now);
                mails.toPartner(row, "partners.mail.partner.remind");
                count++;
            }
        }
        return count;
    }

    private int dateSoon(Instant now) {
        List<Long> ids = jdbc.sql("""
                select id from partner_request where state = 'SCHEDULED' and date_reminded_at is null
                and scheduled_start > :now and scheduled_start <= :soon order by id for update skip locked""")
                .param("now", Timestamp.from(now)).param("soon", Timestamp.from(now.plus(Duration.ofHours(48))))
                .query(Long.class).list();
        for (long id : ids) {
            once(id, "date_reminded_at", now);
            PartnerStore.Row row = store.byId(id).orElseThrow();
            mails.toPartner(row, "partners.mail.partner.soon");
            mails.toCoordinators(row.labId(), "partners.mail.staff.soon", id, row.topic());
        }
        return ids.size();
    }

    private int reportMissing(Instant now) {
        int count = 0;
        for (int days : new int[] {7, 3}) {
            String column = "report_reminded_" + days + "_at";
            List<Long> ids = jdbc.sql("select id from partner_request where state = 'DELIVERED' and " + column
                            + " is null and delivered_at <= :due order by id for update skip locked")
                    .param("due", Timestamp.from(now.minus(Duration.ofDays(days)))).query(Long.class).list();
            for (long id : ids) {
                once(id, column, now);
                if (days == 7) {
                    // The 7-day reminder makes the 3-day one pointless when both are due at once.
                    once(id, "report_reminded_3_at", now);
                }
                PartnerStore.Row row = store.byId(id).orElseThrow();
                mails.toCoordinators(row.labId(), "partners.mail.staff.reportMissing", id, row.topic());
                count++;
            }
        }
        return count;
    }

    /** Marks a reminder as sent; false when it already was (so it never goes out twice). */
    private boolean once(long id, String column, Instant now) {
        return jdbc.sql("update partner_request set " + column + " = :now where id = :id and " + column + " is null")
                .param("now", Timestamp.from(now)).param("id", id).update() == 1;
    }
}
