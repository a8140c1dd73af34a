package eu.impactlab.web;

import eu.impactlab.labs.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The message bundles, with two twists. Numbers in messages use Latin digits in every language: times, dates, codes
 * and ticket numbers are written with Latin digits everywhere on the site (as is usual in Arabic in Germany), and a
 * count in Arabic-Indic digits beside them would read as a different kind of number. And Leichte Sprache ({@code _ls})
 * may be partial: a key without a Leichte Sprache text shows the German one, and the page is told so
 * ({@link EasyLanguagePage}) to say it in Leichte Sprache near the top.
 */
@Configuration(proxyBeanMethods = false)
class MessageSourceConfiguration {

    /** One shared bundle, and one per module with many texts of its own (MessageBundlesTest checks them all). */
    static final List<String> BASENAMES = List.of("messages", "i18n/courses", "i18n/course-staff", "i18n/impact",
            "i18n/security", "i18n/input", "i18n/site", "i18n/flows", "i18n/staff",
            "i18n/equipment", "i18n/partners", "i18n/skills", "i18n/participation", "i18n/privacy");

    @Bean
    MessageSource messageSource() {
        Map<String, String> easyTexts = easyTexts();
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource() {
            @Override
            protected MessageFormat createMessageFormat(String message, Locale locale) {
                return super.createMessageFormat(message, new Locale.Builder()
                        .setLocale(Language.formatLocale(locale)).setUnicodeLocaleKeyword("nu", "latn").build());
            }

            @Override
            protected String resolveCodeWithoutArguments(String code, Locale locale) {
                return noted(code, locale, super.resolveCodeWithoutArguments(code, locale));
            }

            @Override
            protected MessageFormat resolveCode(String code, Locale locale) {
                return noted(code, locale, super.resolveCode(code, locale));
            }

            private <T> T noted(String code, Locale locale, T found) {
                if (found != null && EasyLanguagePage.isEasy(locale)) {
                    EasyLanguagePage page = EasyLanguagePage.current();
                    if (page != null) {
                        String easy = easyTexts.get(code);
                        if (easy != null) {
                            page.shownEasy(code, easy);
                        } else if (!code.startsWith("format.")) {
                            page.shownGerman(code);
                        }
                    }
                }
                return found;
            }
        };
        messages.setBasenames(BASENAMES.toArray(String[]::new));
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    /** Every Leichte Sprache text there is, by key (keys are unique across the bundles). */
    static Map<String, String> easyTexts() {
        Map<String, String> texts = new HashMap<>();
        for (String basename : BASENAMES) {
            try (InputStream in = MessageSourceConfiguration.class.getResourceAsStream("/" + basename + "_ls.properties")) {
                if (in == null) {
                    continue;
                }
                Properties properties = new Properties();
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                properties.stringPropertyNames().forEach(key -> texts.put(key, properties.getProperty(key)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.copyOf(texts);
    }
}
