package eu.impactlab;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ImpactLabApplication {

    public static void main(String[] args) {
        SpringApplication.run(ImpactLabApplication.class, args);
    }
}
