package eu.impactlab.web;

import java.text.MessageFormat;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The message bundles, with one twist: numbers in messages use Latin digits in every language. Times, dates, codes
 * and ticket numbers are written with Latin digits everywhere on the site (as is usual in Arabic in Germany), and a
 * count in Arabic-Indic digits beside them would read as a different kind of number.
 */
@Configuration(proxyBeanMethods = false)
class MessageSourceConfiguration {

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource() {
            @Override
            protected MessageFormat createMessageFormat(String message, Locale locale) {
                return super.createMessageFormat(message, new Locale.Builder().setLocale(locale)
                        .setUnicodeLocaleKeyword("nu", "latn").build());
            }
        };
        // one shared bundle, and one per module with many texts of its own (MessageBundlesTest checks them all)
        messages.setBasenames("messages", "i18n/courses", "i18n/course-staff", "i18n/impact", "i18n/security",
                "i18n/input", "i18n/site", "i18n/flows", "i18n/staff",
                "i18n/equipment", "i18n/partners", "i18n/skills", "i18n/participation", "i18n/privacy");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
