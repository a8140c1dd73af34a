package eu.impactlab.consultations;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Kept free times answered by a filter of their own: answered by the controller, they served about half as many
 * requests (bench/README.md).
 */
@Configuration(proxyBeanMethods = false)
class KeptFreeTimesConfiguration {

    /**
     * After Spring Security (order -100), the rate limit ({@code LOWEST_PRECEDENCE - 100}) and the kept public pages
     * ({@code - 99}), so every request is still checked, limited and given its security headers.
     */
    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 98;

    @Bean
    FilterRegistrationBean<KeptFreeTimesFilter> keptFreeTimesFilter(KeptFreeTimes kept) {
        FilterRegistrationBean<KeptFreeTimesFilter> registration = new FilterRegistrationBean<>(new KeptFreeTimesFilter(kept));
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(ORDER);
        registration.addUrlPatterns("/api/v1/labs/*");
        return registration;
    }
}
