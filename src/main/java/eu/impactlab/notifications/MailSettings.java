package eu.impactlab.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator's mail settings under {@code impactlab.mail.*}; the SMTP server itself is Spring Boot's
 * {@code spring.mail.*}. README.md documents each one.
 *
 * @param from the sender of every mail
 * @param pollInterval how long the sender rests between two looks at the outbox
 * @param maxAttempts after this many failed attempts a mail is marked FAILED
 */
@ConfigurationProperties("impactlab.mail")
record MailSettings(
        @DefaultValue("Digital Impact Labs <noreply@impactlab.invalid>") String from,
        @DefaultValue("10s") Duration pollInterval,
        @DefaultValue("10") int maxAttempts) {

    MailSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("impactlab.mail.max-attempts must be at least 1");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("impactlab.mail.poll-interval must be positive");
        }
    }
}
