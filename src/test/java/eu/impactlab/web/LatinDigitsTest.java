package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

class LatinDigitsTest {

    private final MessageSource messages = new MessageSourceConfiguration().messageSource();

    @Test
    void countsInArabicMessagesUseTheSameDigitsAsTimesAndCodes() {
        String text = messages.getMessage("paging.position", new Object[] {3, 12}, java.util.Locale.forLanguageTag("ar"));
        assertThat(text).contains("3", "12").doesNotContain("٣");
        assertThat(messages.getMessage("home.heading", null, java.util.Locale.forLanguageTag("xx"))).startsWith("Hilfe");
    }
}
