package eu.impactlab.web;

import eu.impactlab.labs.Language;
import eu.impactlab.platform.LanguageChoice;
import eu.impactlab.platform.LinkLanguage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.TimeZone;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The UI language: {@code ?lang=xx} switches it and a cookie remembers it; a private link's pages speak the language
 * the link was created in ({@link LinkLanguage}); without either the browser's language is used when we speak it;
 * anything else falls back to German.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new SupportedLocaleResolver();
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setCookieHttpOnly(true);
        resolver.setDefaultLocaleFunction(request -> fromAcceptLanguage(request));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName(LanguageChoice.PARAMETER);
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }

    static Locale fromAcceptLanguage(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return Language.DE.locale();
        }
        var locales = request.getLocales();
        while (locales.hasMoreElements()) {
            Locale candidate = locales.nextElement();
            var language = Language.fromTag(candidate.getLanguage()).filter(Language::ui);
            if (language.isPresent()) {
                return language.get().locale();
            }
        }
        return Language.DE.locale();
    }

    /** Keeps only the seven UI languages; an unsupported one becomes German. */
    static class SupportedLocaleResolver extends CookieLocaleResolver {

        SupportedLocaleResolver() {
            super(LanguageChoice.COOKIE);
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            var linkLanguage = LinkLanguage.of(request);
            if (linkLanguage.isPresent()) {
                return Language.forLocale(linkLanguage.get()).locale();
            }
            return Language.forLocale(super.resolveLocale(request)).locale();
        }

        /** Evaluated at each use, so dates and texts formatted later in the request follow a link's language too. */
        @Override
        public LocaleContext resolveLocaleContext(HttpServletRequest request) {
            LocaleContext cookieContext = super.resolveLocaleContext(request);
            return new TimeZoneAwareLocaleContext() {
                @Override
                public Locale getLocale() {
                    return resolveLocale(request);
                }

                @Override
                public TimeZone getTimeZone() {
                    return cookieContext instanceof TimeZoneAwareLocaleContext zoned ? zoned.getTimeZone() : null;
                }
            };
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            super.setLocale(request, response, locale == null ? null : Language.forLocale(locale).locale());
        }
    }
}
