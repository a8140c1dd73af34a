package eu.impactlab.platform;

import java.util.Map;
import java.util.Objects;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A separate management port (metrics, health) listens on 127.0.0.1 unless IMPACTLAB_MANAGEMENT_ADDRESS or
 * management.server.address says otherwise. Set here rather than in application.properties because Spring Boot
 * refuses a management address while the management endpoints share the app's port, the default.
 */
class ManagementAddressDefault implements EnvironmentPostProcessor, Ordered {

    static final String LOOPBACK = "127.0.0.1";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String port = environment.getProperty("management.server.port", "").strip();
        // As Spring Boot decides: 0 is a random separate port, a negative one switches the endpoints off.
        boolean separate = !port.isEmpty() && !port.startsWith("-")
                && (port.equals("0") || !Objects.equals(port, environment.getProperty("server.port", "8080").strip()));
        if (separate && environment.getProperty("management.server.address", "").isBlank()) {
            String address = environment.getProperty("impactlab.management-address", "");
            environment.getPropertySources().addLast(new MapPropertySource("impactlab-management-address",
                    Map.of("management.server.address", address.isBlank() ? LOOPBACK : address.strip())));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
