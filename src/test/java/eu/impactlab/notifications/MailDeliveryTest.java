package eu.impactlab.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import eu.impactlab.TestDatabase;
import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail goes out through a real SMTP server (GreenMail): with the booking's transaction or not at all, once even
 * with several senders, and late but complete when the mail server was down.
 */
@SpringBootTest(properties = {"spring.mail.host=localhost", "impactlab.mail.poll-interval=200ms",
        "logging.level.com.icegreen=WARN"})
@ActiveProfiles("test")
@DirtiesContext // Closes this context after the class, so its sender stops polling while other tests run.
class MailDeliveryTest {

    private static final int SMTP_PORT = freePort();
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "localhost", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "notifications");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    MailOutbox outbox;
    @Autowired
    OutboxSender sender;
    @Autowired
    CalendarInvitations calendars;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void aMailQueuedInATransactionArrivesWithItsCalendarInvitation() throws Exception {
        String to = "ayse.arrives@example.org";
        Invitation invitation = new Invitation("appointment-1@impactlab", 0,
                ZonedDateTime.of(2026, 3, 10, 14, 30, 0, 0, ZoneId.of("Europe/Berlin")),
                ZonedDateTime.of(2026, 3, 10, 15, 15, 0, 0, ZoneId.of("Europe/Berlin")),
                "Beratung im Lab Gröpelingen", null, "Lindenhofstraße 53, 28237 Bremen", null,
                "noreply@impactlab.invalid", to);
        transactions.executeWithoutResult(tx -> outbox.enqueue(new OutgoingMail(to, "Ihr Termin am Dienstag",
                "Guten Tag,\n\nIhr Termin ist bestätigt: Dienstag, 10. März, 14:30 Uhr.\n", calendars.requestAttachment(invitation))));

        MimeMessage mail = awaitMailTo(to);
        assertThat(mail.getSubject()).isEqualTo("Ihr Termin am Dienstag");
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("noreply@impactlab.invalid");
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("Digital Impact Labs");
        assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        Multipart parts = (Multipart) mail.getContent();
        assertThat(GreenMailUtil.getBody(mail)).contains("Ihr Termin ist best");
        Part ics = attachment(parts);
        assertThat(ics.getFileName()).isEqualTo("invite.ics");
        assertThat(ics.getContentType()).startsWith("text/calendar").contains("method=REQUEST");
        String calendar = new String(ics.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(calendar).contains("METHOD:REQUEST", "UID:appointment-1@impactlab", "TZID=Europe/Berlin",
                "BEGIN:VTIMEZONE");

        awaitTrue(() -> "SENT".equals(status(to)), "the outbox marks the mail SENT");
        assertThat(attempts(to)).isEqualTo(1);
    }

    @Test
    void aRolledBackTransactionQueuesNothing() {
        String to = "rolled.back@example.org";
        transactions.executeWithoutResult(tx -> {
            outbox.enqueue(new OutgoingMail(to, "Ihr Termin", "Dieser Termin wurde nie gebucht."));
            tx.setRollbackOnly();
        });
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            outbox.enqueue(new OutgoingMail(to, "Ihr Termin", "Dieser Termin wurde nie gebucht."));
            throw new IllegalStateException("the booking failed after the mail was queued");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(rows(to)).isZero();
    }

    @Test
    void theMailBecomesVisibleOnlyWhenTheCallersTransactionCommits() throws Exception {
        String to = "commits.together@example.org";
        transactions.executeWithoutResult(tx -> {
            outbox.enqueue(new OutgoingMail(to, "Ihr Termin", "Bestätigt."));
            assertThat(rowsSeenFromOutside(to)).as("another connection sees nothing before the commit").isZero();
        });
        assertThat(rowsSeenFromOutside(to)).isEqualTo(1);
    }

    @Test
    void whileTheMailServerIsDownTheMailWaitsAndArrivesWhenItIsBack() throws Exception {
        String to = "server.down@example.org";
        smtp.stop();
        try {
            Instant queued = Instant.now();
            outbox.enqueue(new OutgoingMail(to, "Erinnerung an Ihren Termin", "Morgen um 10 Uhr."));

            awaitTrue(() -> attempts(to) >= 1, "the sender tried once");
            assertThat(status(to)).isEqualTo("PENDING");
            assertThat(attempts(to)).as("no second try before the backoff has passed").isEqualTo(1);
            Instant next = nextAttemptAt(to);
            assertThat(next).isAfter(queued.plusSeconds(50)).isBefore(Instant.now().plusSeconds(70));
            String error = jdbc.sql("select last_error from mail_outbox where recipient = ?").param(to)
                    .query(String.class).single();
            assertThat(error).isNotBlank().doesNotContain(to, "example.org");
        } finally {
            smtp.start();
        }

        // The backoff minute passes.
        jdbc.sql("update mail_outbox set next_attempt_at = now() where recipient = ?").param(to).update();

        MimeMessage mail = awaitMailTo(to);
        assertThat(mail.getSubject()).isEqualTo("Erinnerung an Ihren Termin");
        awaitTrue(() -> "SENT".equals(status(to)), "the outbox marks the mail SENT");
        assertThat(attempts(to)).isEqualTo(2);
    }

    @Test
    void afterTheLastAttemptTheMailIsFailedAndKept() throws Exception {
        String to = "gives.up@example.org";
        smtp.stop();
        try {
            transactions.executeWithoutResult(tx -> {
                outbox.enqueue(new OutgoingMail(to, "Kursbestätigung", "Sie sind angemeldet."));
                // Nine attempts already failed over the last hours.
                jdbc.sql("update mail_outbox set attempts = 9 where recipient = ?").param(to).update();
            });
            awaitTrue(() -> "FAILED".equals(status(to)), "the tenth failed attempt marks the mail FAILED");
            assertThat(attempts(to)).isEqualTo(10);
            assertThat(jdbc.sql("select body from mail_outbox where recipient = ?").param(to).query(String.class).single())
                    .isEqualTo("Sie sind angemeldet.");
        } finally {
            smtp.start();
        }
    }

    @Test
    void severalSendersAtOnceDeliverEveryMailExactlyOnce() throws Exception {
        String domain = "once.example.org";
        int mails = 30;
        transactions.executeWithoutResult(tx -> {
            for (int i = 0; i < mails; i++) {
                outbox.enqueue(new OutgoingMail("person" + i + "@" + domain, "Nachricht " + i, "Text " + i));
            }
        });

        // Four more senders, as if four more app instances polled at the same moment as the scheduled one.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                return sender.sendDueMails();
            }));
        }
        start.countDown();
        for (Future<Integer> run : runs) {
            run.get();
        }
        pool.shutdown();

        awaitTrue(() -> jdbc.sql("select count(*) from mail_outbox where recipient like ? and status = 'SENT'")
                .param("%@" + domain).query(Long.class).single() == mails, "all mails are SENT");
        List<String> subjects = Arrays.stream(smtp.getReceivedMessagesForDomain(domain))
                .map(MailDeliveryTest::subject).toList();
        assertThat(subjects).hasSize(mails).doesNotHaveDuplicates();
        assertThat(jdbc.sql("select max(attempts) from mail_outbox where recipient like ?").param("%@" + domain)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anUnreadableAddressFailsAtOnceWithoutBlockingTheOthers() throws Exception {
        String bad = "not an address@@example.org";
        outbox.enqueue(new OutgoingMail(bad, "Kaputt", "Diese Adresse kann niemand lesen."));
        outbox.enqueue(new OutgoingMail("after.the.bad.one@example.org", "Danach", "Kommt trotzdem an."));

        awaitMailTo("after.the.bad.one@example.org");
        awaitTrue(() -> "FAILED".equals(status(bad)), "the unreadable mail is FAILED");
        assertThat(attempts(bad)).isEqualTo(1);
    }

    private MimeMessage awaitMailTo(String to) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                for (Address recipient : message.getAllRecipients()) {
                    if (((InternetAddress) recipient).getAddress().equals(to)) {
                        return message;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail to " + to + " arrived within " + PATIENCE);
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + PATIENCE + ": " + what);
            }
            Thread.sleep(100);
        }
    }

    private static Part attachment(Multipart parts) throws Exception {
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return part;
            }
        }
        throw new AssertionError("no attachment");
    }

    private String status(String to) {
        return jdbc.sql("select status from mail_outbox where recipient = ?").param(to).query(String.class).single();
    }

    private int attempts(String to) {
        return jdbc.sql("select attempts from mail_outbox where recipient = ?").param(to).query(Integer.class).single();
    }

    private Instant nextAttemptAt(String to) {
        return jdbc.sql("select next_attempt_at from mail_outbox where recipient = ?").param(to)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).single();
    }

    private long rows(String to) {
        return jdbc.sql("select count(*) from mail_outbox where recipient = ?").param(to).query(Long.class).single();
    }

    /** Through a connection of its own, outside any transaction of the test. */
    private long rowsSeenFromOutside(String to) {
        try (Connection connection = dataSource.getConnection();
                var statement = connection.prepareStatement("select count(*) from mail_outbox where recipient = ?")) {
            statement.setString(1, to);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
