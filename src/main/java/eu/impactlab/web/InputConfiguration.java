package eu.impactlab.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Checks every request's input before it reaches a controller. */
@Configuration(proxyBeanMethods = false)
class InputConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // After the language switch, so the refusal comes in the language the person asked for.
        registry.addInterceptor(new NulCharacterInterceptor()).order(Ordered.LOWEST_PRECEDENCE);
    }
}
