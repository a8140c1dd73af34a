package eu.impactlab.web;

import eu.impactlab.labs.Language;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and times as people say them in each language ("Dienstag, 3. März", "14:30 Uhr"); the patterns live in the
 * message bundles so each language can write them its own way.
 */
@Component("dates")
public class DateTexts {

    private final MessageSource messages;

    DateTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String day(LocalDate date) {
        return format(date, "format.date.long");
    }

    public String dayShort(LocalDate date) {
        return format(date, "format.date.short");
    }

    public String weekday(LocalDate date) {
        return format(date, "format.date.weekday");
    }

    public String weekdayName(java.time.DayOfWeek day) {
        return day.getDisplayName(java.time.format.TextStyle.FULL_STANDALONE,
                Language.formatLocale(LocaleContextHolder.getLocale()));
    }

    public String time(LocalTime time) {
        Locale locale = LocaleContextHolder.getLocale();
        return DateTimeFormatter.ofPattern(messages.getMessage("format.time", null, "HH:mm", locale),
                Language.formatLocale(locale)).format(time);
    }

    public String timeRange(LocalTime from, LocalTime to) {
        Locale locale = LocaleContextHolder.getLocale();
        // Leichte Sprache writes hours without a leading zero ("9:00 bis 16:00 Uhr"), as its rules ask.
        String pattern = Language.forLocale(locale) == Language.LS ? "H:mm" : "HH:mm";
        return messages.getMessage("format.time.range", new Object[] {plain(from, pattern), plain(to, pattern)}, locale);
    }

    private static String plain(LocalTime time, String pattern) {
        return DateTimeFormatter.ofPattern(pattern).format(time);
    }

    private String format(LocalDate date, String key) {
        Locale locale = LocaleContextHolder.getLocale();
        String text = DateTimeFormatter.ofPattern(messages.getMessage(key, null, locale), Language.formatLocale(locale))
                .format(date);
        // Russian, Ukrainian and Polish weekdays are lower case; a date that starts a line starts with a capital.
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
    }
}
