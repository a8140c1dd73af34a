package eu.impactlab.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits per client address for the public booking pages and API ({@code impactlab.rate-limit.*}).
 *
 * @param enabled          false turns all limits off, e.g. for load tests
 * @param bookingsPerHour  booking submissions (form or API) per address and hour
 * @param requestsPerMinute other requests to the booking pages and the public API per address and minute
 */
@ConfigurationProperties("impactlab.rate-limit")
record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("20") int bookingsPerHour,
        @DefaultValue("300") int requestsPerMinute) {
}
