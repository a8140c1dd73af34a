package eu.impactlab.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The operator's settings under {@code impactlab.*}; README.md documents each one. */
@ConfigurationProperties("impactlab")
public record ImpactLabProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("auto") String demoData,
        @DefaultValue("demo") String demoPassword,
        String adminEmail,
        @DefaultValue("http://localhost:8080") String baseUrl) {

    public String baseUrlWithoutSlash() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
