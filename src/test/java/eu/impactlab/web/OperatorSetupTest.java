package eu.impactlab.web;

import eu.impactlab.TestDatabase;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The app as a city operator runs it: staff single sign-on through a real OpenID Connect provider started here
 * (mock-oauth2-server) and metrics on a separate management port. Its subclasses share this one Spring context, on the
 * same shared test database as every other test.
 */
// The management port as an operator sets it, before the environment is prepared (a dynamic property comes too late).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class OperatorSetupTest {

    static final String ISSUER_ID = "city";
    static final String CLIENT_ID = "impactlab";
    static final String PROVIDER_NAME = "Bremen-Login";
    /** The provider's name for a login with a second factor, as an operator configures it. */
    static final String SECOND_FACTOR_ACR = "urn:bremen:loa:substantial";

    /** Started once for the JVM, like the shared database; the context that uses it is cached as long. */
    static final MockOAuth2Server PROVIDER = started();

    @Autowired
    protected MockMvc mvc;

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    private static MockOAuth2Server started() {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void operatorSettings(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "impactlab");
        registry.add("impactlab.sso.issuer-uri", () -> PROVIDER.issuerUrl(ISSUER_ID).toString());
        registry.add("impactlab.sso.client-id", () -> CLIENT_ID);
        registry.add("impactlab.sso.client-secret", () -> "test-secret");
        registry.add("impactlab.sso.name", () -> PROVIDER_NAME);
        registry.add("impactlab.sso.second-factor-acr", () -> SECOND_FACTOR_ACR);
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}
