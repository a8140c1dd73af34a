package eu.impactlab.equipment;

import eu.impactlab.labs.Language;
import eu.impactlab.notifications.MailOutbox;
import eu.impactlab.notifications.OutgoingMail;
import eu.impactlab.platform.OnceAcrossInstances;
import eu.impactlab.platform.PersonalData;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The equipment module's scheduled work, each once across instances (an advisory lock per job): freeing machines after
 * no-shows, loan reminders, deleting personal data after its purpose, forgetting single kiosk taps after a day.
 */
@Component
class EquipmentJobs implements PersonalData.DeletionJob {

    static final String NO_SHOWS = "impactlab.equipment.no-shows";
    static final String REMINDERS = "impactlab.equipment.loan-reminders";
    static final String RETENTION = "impactlab.equipment.retention";

    private static final Logger log = LoggerFactory.getLogger(EquipmentJobs.class);

    private final JdbcClient jdbc;
    private final OnceAcrossInstances once;
    private final Reservations reservations;
    private final Kiosks kiosks;
    private final MailOutbox outbox;
    private final MessageSource messages;
    private final EquipmentProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EquipmentJobs(JdbcClient jdbc, OnceAcrossInstances once, Reservations reservations, Kiosks kiosks, MailOutbox outbox,
            MessageSource messages, EquipmentProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.once = once;
        this.reservations = reservations;
        this.kiosks = kiosks;
        this.outbox = outbox;
        this.messages = messages;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(cron = "0 */5 * * * *", zone = "Europe/Berlin")
    void everyFiveMinutes() {
        freeNoShows(Instant.now(clock));
    }

    @Scheduled(cron = "${impactlab.equipment.jobs-cron:0 20 * * * *}", zone = "Europe/Berlin")
    void hourly() {
        Instant now = Instant.now(clock);
        sendLoanReminders(LocalDate.now(clock.withZone(Reservations.BREMEN)));
        deleteExpired(now);
    }

    int freeNoShows(Instant now) {
        return once.run(NO_SHOWS, () -> reservations.freeNoShows(now)).orElse(-1);
    }

    /**
     * Each reminder once: the update marks it sent only for a loan still open at this moment, and the mail is queued in
     * the same transaction. Returns how many were marked, or -1 when another instance is at it.
     */
    int sendLoanReminders(LocalDate today) {
        return once.run(REMINDERS, () -> remind("reminded_before_at", today.plusDays(2), "before", today)
                + remind("reminded_due_at", today, "due", today)
                + remind("reminded_overdue1_at", today.minusDays(1), "overdue1", today)
                + remind("reminded_overdue7_at", today.minusDays(7), "overdue7", today)).orElse(-1);
    }

    private int remind(String column, LocalDate dueOn, String kind, LocalDate today) {
        var due = jdbc.sql("update device_loan set " + column + " = :now where returned_at is null and " + column
                        + " is null and due_on = :due returning id, lab_id, device_type, borrower_contact, ui_language, due_on")
                .param("now", Timestamp.from(Instant.now(clock))).param("due", dueOn)
                .query((rs, i) -> new Object[] {rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getDate(6).toLocalDate()})
                .list();
        for (Object[] loan : due) {
            String contact = (String) loan[2];
            if ("overdue1".equals(kind)) {
                events.publishEvent(new LoanWentOverdue(UUID.randomUUID(), (Long) loan[0], today, (String) loan[1]));
            }
            if (contact != null && contact.contains("@")) {
                Locale locale = Language.fromTag((String) loan[3]).orElse(Language.DE).locale();
                String day = messages.getMessage("format.date.long", null, locale);
                String dueText = java.time.format.DateTimeFormatter.ofPattern(day, eu.impactlab.labs.Language.formatLocale(locale)).format((LocalDate) loan[4]);
                outbox.enqueue(new OutgoingMail(contact, messages.getMessage("equipment.mail.loan." + kind + ".subject", null, locale),
                        messages.getMessage("equipment.mail.loan." + kind + ".body", new Object[] {dueText}, locale)));
            }
        }
        return due.size();
    }

    @Override
    public String name() {
        return RETENTION;
    }

    @Override
    public int deleteDue(Instant now) {
        return deleteExpired(now);
    }

    /** Deletes borrowers' names and contacts after the retention time (not while damaged), unused passes, old single taps. */
    int deleteExpired(Instant now) {
        int deleted = once.deletion(RETENTION, () -> {
            int borrowers = jdbc.sql("""
                    update device_loan set borrower_name = null, borrower_contact = null, borrower_key = null,
                        personal_data_deleted_at = :now
                    where personal_data_deleted_at is null and returned_at is not null and returned_at < :limit
                      and coalesce(damage, 'NONE') = 'NONE'""")
                    .param("now", Timestamp.from(now)).param("limit", Timestamp.from(now.minus(properties.borrowerRetention())))
                    .update();
            int passes = jdbc.sql("delete from maker_pass where last_used_at < :limit")
                    .param("limit", Timestamp.from(now.minus(properties.passRetention()))).update();
            return borrowers + passes + kiosks.forgetOldTaps(now);
        }).orElse(-1);
        if (deleted > 0) {
            log.info("Equipment retention: {} borrowers, passes or single taps deleted", deleted);
        }
        return deleted;
    }
}
