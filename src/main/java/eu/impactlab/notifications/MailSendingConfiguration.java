package eu.impactlab.notifications;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sending is on only when a mail server is configured: the same condition under which Spring Boot creates the
 * {@link JavaMailSender}. Without it (the embedded default) mails stay PENDING in the outbox for admins to read.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.mail.host")
@EnableScheduling
class MailSendingConfiguration {

    @Bean
    OutboxSender outboxSender(MailOutboxRepository outbox, JavaMailSender mailSender, TransactionTemplate transactions,
            MailSettings settings, Clock clock) {
        return new OutboxSender(outbox, mailSender, transactions, settings, clock);
    }

    /** Every instance polls; row locks, not a scheduler lock, make sure each mail goes out once. */
    @Bean
    SchedulingConfigurer outboxSchedule(OutboxSender sender, MailSettings settings) {
        return registrar -> registrar.addFixedDelayTask(sender::run, settings.pollInterval());
    }
}
