package eu.impactlab.platform;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether modules seed demo data on an empty database: by default only with the embedded database,
 * so a production start against an external server never gets default accounts.
 */
@Component
public class DemoDataPolicy {

    private final boolean seed;

    DemoDataPolicy(ImpactLabProperties properties, Environment environment) {
        String mode = properties.demoData() == null ? "auto" : properties.demoData().trim().toLowerCase();
        boolean embedded = !environment.containsProperty("spring.datasource.url")
                || environment.getProperty("spring.datasource.url", "").isBlank();
        this.seed = switch (mode) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> embedded;
        };
    }

    public boolean seedDemoData() {
        return seed;
    }
}
