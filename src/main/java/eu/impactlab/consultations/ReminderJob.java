package eu.impactlab.consultations;

import eu.impactlab.platform.OnceAcrossInstances;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The day before an appointment, people who left an e-mail address get a reminder. One instance at a time (advisory
 * lock), and each appointment is reminded once ({@code reminder_sent_at}).
 */
@Component
class ReminderJob {

    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);
    static final String LOCK = "impactlab.consultations.reminders";

    private final JdbcClient jdbc;
    private final OnceAcrossInstances once;
    private final ConsultationStore store;
    private final ConsultationService consultations;
    private final AppointmentMails mails;
    private final Clock clock;

    ReminderJob(JdbcClient jdbc, OnceAcrossInstances once, ConsultationStore store, ConsultationService consultations,
            AppointmentMails mails, Clock clock) {
        this.jdbc = jdbc;
        this.once = once;
        this.store = store;
        this.consultations = consultations;
        this.mails = mails;
        this.clock = clock;
    }

    @Scheduled(cron = "${impactlab.consultations.reminder-cron:0 0 * * * *}", zone = "Europe/Berlin")
    void scheduled() {
        sendReminders();
    }

    /** @return how many reminders went to the outbox, or -1 when another instance is at it */
    int sendReminders() {
        LocalDate tomorrow = LocalDate.now(clock.withZone(SlotFinder.BREMEN)).plusDays(1);
        int sent = once.run(LOCK, () -> {
            var ids = jdbc.sql("""
                    select id from appointment where status = 'BOOKED' and email is not null and reminder_sent_at is null
                    and starts_at >= :from and starts_at < :to for update skip locked""")
                    .param("from", Timestamp.from(tomorrow.atStartOfDay(SlotFinder.BREMEN).toInstant()))
                    .param("to", Timestamp.from(tomorrow.plusDays(1).atStartOfDay(SlotFinder.BREMEN).toInstant()))
                    .query(Long.class).list();
            for (long id : ids) {
                ConsultationStore.Row row = store.byId(id).orElseThrow();
                mails.reminder(consultations.view(row), row.email());
                jdbc.sql("update appointment set reminder_sent_at = now() where id = ?").param(id).update();
            }
            return ids.size();
        }).orElse(-1);
        if (sent > 0) {
            log.info("Reminders: {} mails for tomorrow's appointments put in the outbox", sent);
        }
        return sent;
    }
}
