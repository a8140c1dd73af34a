package eu.impactlab.web;

import eu.impactlab.labs.Language;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The UI language: {@code ?lang=xx} switches it and a cookie remembers it; without a cookie the browser's
 * language is used when we speak it; anything else falls back to German.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    static final String COOKIE = "lang";

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
        interceptor.setParamName("lang");
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
            super(COOKIE);
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            return Language.forLocale(super.resolveLocale(request)).locale();
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            super.setLocale(request, response, locale == null ? null : Language.forLocale(locale).locale());
        }
    }
}
