package eu.impactlab;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches every log line of the test run, at every level and with its stack trace, for e-mail addresses and phone
 * numbers (configured in logback-test.xml). What it finds is kept for {@link PersonalDataInLogsTest} and written to
 * target/personal-data-in-logs.txt.
 */
public class PersonalDataLogAppender extends AppenderBase<ILoggingEvent> {

    /** Also what only looks like one ("<x>@example.org"): whatever a person typed must not be logged either. */
    static final Pattern EMAIL = Pattern.compile("[^\\s@,;:\"'()\\[\\]]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}");
    /** International (+49 …, 0049 …) or German national numbers with a separator (0421 1234567, 0170/1234567). */
    static final Pattern PHONE = Pattern.compile(
            "(?<![\\w.:/#-])(?:(?:\\+|00)[1-9]\\d{0,2}[ /-]?(?:\\(0\\) ?)?\\d{2,5}|0[1-9]\\d{1,4})[ /-]?\\d{3,}(?:[ -]\\d{2,})*(?![\\w.:])");
    private static final Path REPORT = Path.of("target", "personal-data-in-logs.txt");
    private static final List<String> FINDINGS = new ArrayList<>();

    static {
        try {
            Files.deleteIfExists(REPORT); // a report of this run only
        } catch (IOException e) {
            // an old report stays; the check itself reads only this run's findings
        }
    }

    /** The first e-mail address or phone number in the text, if any. */
    static Optional<String> personalData(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher email = EMAIL.matcher(text);
        if (email.find()) {
            return Optional.of("e-mail address " + email.group());
        }
        Matcher phone = PHONE.matcher(text);
        return phone.find() ? Optional.of("phone number " + phone.group()) : Optional.empty();
    }

    static synchronized List<String> findings() {
        return List.copyOf(FINDINGS);
    }

    @Override
    protected void append(ILoggingEvent event) {
        String text = event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy()));
        personalData(text).ifPresent(found -> record(event, found, text));
    }

    private static synchronized void record(ILoggingEvent event, String found, String text) {
        String line = event.getLevel() + " " + event.getLoggerName() + ": " + found + " in \""
                + text.lines().findFirst().orElse("") + "\"";
        FINDINGS.add(line);
        try {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the list above still fails the check
        }
    }
}
