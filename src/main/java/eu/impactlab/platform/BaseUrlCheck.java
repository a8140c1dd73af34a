package eu.impactlab.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * An external database means a real installation, whose mails need the public address: without IMPACTLAB_BASE_URL
 * their links would point at this machine, so the operator hears about it once at start.
 */
@Component
class BaseUrlCheck {

    private static final Logger log = LoggerFactory.getLogger(BaseUrlCheck.class);

    private final ImpactLabProperties properties;
    private final Environment environment;

    BaseUrlCheck(ImpactLabProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWithoutBaseUrl() {
        boolean external = !environment.getProperty("spring.datasource.url", "").isBlank();
        if (external && !properties.baseUrlConfigured()) {
            log.warn("IMPACTLAB_BASE_URL is not set: links in mails and in the log point at {}. Set it to the app's public "
                    + "address (answers to requests use their own address either way).", properties.baseUrlWithoutSlash());
        }
    }
}
