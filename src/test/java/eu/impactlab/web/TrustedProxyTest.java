package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.impactlab.AbstractIntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Behind a proxy on the same machine (loopback, trusted by default): what the proxy adds counts, nothing else. */
class TrustedProxyTest extends AbstractIntegrationTest {

    @Test
    void theRightMostAddressThatIsNoTrustedProxyIsTheClient() throws Exception {
        Http http = new Http(baseUrl());
        // The client sends a made-up left part each time; the proxy appends the address it really saw.
        for (int i = 0; i < 20; i++) {
            assertThat(Http.location(http.login("nobody" + i, "falsch", "X-Forwarded-For", "10.4." + i + ".1, 203.0.113.7")))
                    .endsWith("/login?error");
        }
        assertThat(Http.location(http.login("admin", "demo", "X-Forwarded-For", "10.4.99.1, 203.0.113.7")))
                .as("the address the proxy saw is throttled, whatever the client wrote in front of it")
                .endsWith("/login?throttled");
        assertThat(Http.location(http.login("admin", "demo", "X-Forwarded-For", "203.0.113.7, 203.0.113.8, 127.0.0.1")))
                .as("another client behind two proxies, the inner one trusted").endsWith("/admin");
    }

    @Test
    void theTrustedProxysHostAndProtocolShapeRedirects() throws Exception {
        HttpResponse<String> admin = new Http(baseUrl()).get("/admin", "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "labs.bremen.example", "X-Forwarded-For", "203.0.113.9");
        assertThat(Http.location(admin)).startsWith("https://labs.bremen.example/login");
    }

    @Test
    void theSettingTakesAddressesAndRangesInIpv4AndIpv6AndRefusesAnythingElse() {
        assertThat(TrustedProxies.parse("127.0.0.0/8, ::1, 10.0.0.7 ,fd00::/8,")).containsExactly(
                "127.0.0.0/8", "0:0:0:0:0:0:0:1/128", "10.0.0.7/32", "fd00:0:0:0:0:0:0:0/8");
        assertThat(TrustedProxies.parse("")).isEmpty();
        assertThatThrownBy(() -> TrustedProxies.parse("proxy.example")).hasMessageContaining("'proxy.example'");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).hasMessageContaining("'10.0.0.0/33'");
        assertThatThrownBy(() -> TrustedProxies.parse("300.1.1.1")).hasMessageContaining("'300.1.1.1'");
    }
}
