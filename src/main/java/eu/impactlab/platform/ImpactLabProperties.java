package eu.impactlab.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The operator's settings under {@code impactlab.*}; README.md documents each one. */
@ConfigurationProperties("impactlab")
public record ImpactLabProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("auto") String demoData,
        @DefaultValue("demo") String demoPassword,
        String adminEmail,
        String baseUrl) {

    static final String DEFAULT_BASE_URL = "http://localhost:8080";

    /** For links that leave without a request (mails, the log, jobs): IMPACTLAB_BASE_URL, else this machine. */
    public String baseUrlWithoutSlash() {
        String url = baseUrlConfigured() ? baseUrl.strip() : DEFAULT_BASE_URL;
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public boolean baseUrlConfigured() {
        return baseUrl != null && !baseUrl.isBlank();
    }

    /**
     * For links in an answer to a request (API, pages, feeds): the address that request came in on, so they work on
     * any host and port; forwarded values count only from trusted proxies, because Tomcat's RemoteIpValve (set up in
     * web) has already applied them to the request. Without a request: the base URL.
     */
    public String publicAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return ServletUriComponentsBuilder.fromContextPath(attributes.getRequest()).replaceQuery(null).build()
                    .toUriString();
        }
        return baseUrlWithoutSlash();
    }
}
