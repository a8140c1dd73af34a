package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.platform.RateBuckets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import tools.jackson.databind.ObjectMapper;

/** The filter with the app's PostgreSQL buckets; each test uses addresses of its own, since the buckets outlive it. */
class RateLimitFilterTest extends AbstractIntegrationTest {

    @Autowired
    RateBuckets buckets;

    @Test
    void bookingsBeyondTheHourlyLimitGet429WithRetryAfterPerAddress() throws Exception {
        RateLimitFilter filter = filter(new RateLimitProperties(true, 3, 1000));
        for (int i = 0; i < 3; i++) {
            assertThat(send(filter, "POST", "/api/v1/appointments", "198.51.100.1").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = send(filter, "POST", "/api/v1/appointments", "198.51.100.1");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isPositive();
        assertThat(refused.getContentAsString()).contains("\"status\":429", "\"title\":\"Bitte warten Sie einen Moment\"");
        // Another address is not affected, and neither are the slot lists of the same address.
        assertThat(send(filter, "POST", "/api/v1/appointments", "198.51.100.2").getStatus()).isEqualTo(200);
        assertThat(send(filter, "GET", "/api/v1/labs/vegesack/slots", "198.51.100.1").getStatus()).isEqualTo(200);
    }

    @Test
    void theFormLimitLeadsToAPageThatSaysToWait() throws Exception {
        RateLimitFilter filter = filter(new RateLimitProperties(true, 1, 1000));
        send(filter, "POST", "/book/check", "198.51.100.3");
        MockHttpServletResponse refused = send(filter, "POST", "/book/confirm", "198.51.100.3");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getForwardedUrl()).isEqualTo("/too-many-requests");
    }

    @Test
    void requestsPerMinuteAreLimitedAndStaffPagesAreNot() throws Exception {
        RateLimitFilter filter = filter(new RateLimitProperties(true, 10, 2));
        send(filter, "GET", "/book/topic", "198.51.100.4");
        send(filter, "GET", "/api/v1/topics", "198.51.100.4");
        assertThat(send(filter, "GET", "/book/topic", "198.51.100.4").getStatus()).isEqualTo(429);
        assertThat(send(filter, "GET", "/labs", "198.51.100.4").getStatus()).isEqualTo(200);
    }

    @Test
    void courseRegistrationsCountLikeBookingsByFormOrApi() throws Exception {
        RateLimitFilter filter = filter(new RateLimitProperties(true, 2, 1000));
        assertThat(send(filter, "POST", "/courses/7/register/confirm", "198.51.100.6").getStatus()).isEqualTo(200);
        assertThat(send(filter, "POST", "/api/v1/courses/7/registrations", "198.51.100.6").getStatus()).isEqualTo(200);
        assertThat(send(filter, "POST", "/api/v1/courses/8/registrations", "198.51.100.6").getStatus()).isEqualTo(429);
        assertThat(send(filter, "POST", "/courses/7/register/contact", "198.51.100.6").getStatus())
                .as("the pages before the last two are ordinary requests").isEqualTo(200);
        assertThat(send(filter, "GET", "/courses", "198.51.100.6").getStatus()).isEqualTo(200);
    }

    @Test
    void machineReservationsCountLikeBookingsAndPassLinksAreLimited() throws Exception {
        RateLimitFilter filter = filter(new RateLimitProperties(true, 2, 3));
        assertThat(send(filter, "POST", "/machines/4/reserve", "198.51.100.7").getStatus()).isEqualTo(200);
        assertThat(send(filter, "POST", "/api/v1/machines/4/reservations", "198.51.100.7").getStatus()).isEqualTo(200);
        assertThat(send(filter, "POST", "/machines/5/reserve", "198.51.100.7").getStatus()).isEqualTo(429);
        send(filter, "GET", "/passes/abc", "198.51.100.8");
        send(filter, "GET", "/reservations/abc", "198.51.100.8");
        send(filter, "GET", "/machines/4", "198.51.100.8");
        assertThat(send(filter, "GET", "/passes/def", "198.51.100.8").getStatus()).as("guessing pass links is slowed down")
                .isEqualTo(429);
    }

    @Test
    void canBeSwitchedOffForLoadTests() throws Exception {
        RateLimitFilter filter = filter(new RateLimitProperties(false, 1, 1));
        for (int i = 0; i < 5; i++) {
            assertThat(send(filter, "POST", "/api/v1/appointments", "198.51.100.5").getStatus()).isEqualTo(200);
        }
    }

    private RateLimitFilter filter(RateLimitProperties properties) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new RateLimitFilter(properties, messages, new FixedLocaleResolver(Locale.GERMAN),
                new ObjectMapper(), buckets);
    }

    private static MockHttpServletResponse send(RateLimitFilter filter, String method, String path, String address)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
