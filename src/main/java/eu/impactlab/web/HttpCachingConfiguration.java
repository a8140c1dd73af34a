package eu.impactlab.web;

import eu.impactlab.platform.DataVersions;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** How pages and static files are served cheaply: links to static files, caching of static files and pages. */
@Configuration(proxyBeanMethods = false)
class HttpCachingConfiguration implements WebMvcConfigurer {

    private final PublicPageCache publicPages;

    HttpCachingConfiguration(DataVersions versions, Clock clock, LocaleResolver locales,
            @Value("${impactlab.page-cache.entries:1000}") int pageCacheEntries) {
        this.publicPages = new PublicPageCache(versions, clock, locales, pageCacheEntries);
    }

    @Bean
    PublicPageCache publicPageCache() {
        return publicPages;
    }

    /** After Spring Security and the rate limit (RateLimitFilter's order), before the DispatcherServlet. */
    @Bean
    FilterRegistrationBean<PublicPageCache> publicPageCacheFilter() {
        FilterRegistrationBean<PublicPageCache> registration = new FilterRegistrationBean<>(publicPages);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(RateLimitFilter.ORDER + 1);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(publicPages);
    }

    /**
     * Replaces Spring Boot's link-rewriting filter with the selective one; Boot skips its own only when the declared
     * type is exactly this one.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> staticResourceLinks() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new StaticResourceLinks());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    /** Outside Spring Security's filters, so it sees the whole page, and sets its caching header before them. */
    @Bean
    FilterRegistrationBean<ConditionalPages> conditionalPages() {
        FilterRegistrationBean<ConditionalPages> registration = new FilterRegistrationBean<>(new ConditionalPages());
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
