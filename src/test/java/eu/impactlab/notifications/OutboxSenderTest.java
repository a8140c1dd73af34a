package eu.impactlab.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

/** How the sender waits between attempts and what it writes down about a failure. */
class OutboxSenderTest {

    @Test
    void backoffDoublesFromOneMinute() {
        assertThat(OutboxSender.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(OutboxSender.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(OutboxSender.backoff(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(OutboxSender.backoff(9)).isEqualTo(Duration.ofMinutes(256));
        assertThat(OutboxSender.backoff(500)).isPositive();
    }

    @Test
    void aRejectedRecipientIsRecordedByItsSmtpCodeWithoutTheAddress() {
        MessagingException rejected = new MessagingException("550 5.1.1 <ayse@example.org>: Recipient address rejected");
        MailSendException failure = new MailSendException(Map.of(new Object(), rejected));

        String error = OutboxSender.describe(failure);

        assertThat(error).isEqualTo("MessagingException (SMTP 550 5.1.1)").doesNotContain("ayse", "example.org");
    }

    @Test
    void aServerThatIsDownIsRecordedByTheKindOfError() {
        MessagingException connect = new MessagingException("Couldn't connect to host mail.example.org, port 25",
                new ConnectException("Connection refused"));
        String error = OutboxSender.describe(new MailSendException("Mail server connection failed", connect));

        assertThat(error).isEqualTo("MailSendException: ConnectException").doesNotContain("example.org");
    }
}
