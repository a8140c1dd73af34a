package eu.impactlab.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Believes {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} and {@code -Port} only from the proxies in
 * {@code impactlab.trusted-proxies}, and takes the right-most address in {@code X-Forwarded-For} that is not one of
 * them as the client. Tomcat's RemoteIpValve rewrites the request itself, so the rate limits, the login throttle,
 * redirects and links all see the same trusted result; {@code Forwarded} (RFC 7239) is read by nothing at all.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final String cidrs;

    TrustedProxies(@Value("${impactlab.trusted-proxies:127.0.0.0/8,::1}") String setting) {
        this.cidrs = String.join(", ", parse(setting));
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        RemoteIpValve valve = new RemoteIpValve();
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProtocolHeader("X-Forwarded-Proto");
        valve.setHostHeader("X-Forwarded-Host");
        valve.setPortHeader("X-Forwarded-Port");
        // Tomcat reads a value without "/" as a regular expression, so every entry goes in as a CIDR range; empty trusts nobody.
        valve.setInternalProxies(cidrs);
        valve.setTrustedProxies(null);
        factory.addEngineValves(valve);
    }

    String cidrs() {
        return cidrs;
    }

    /** Each entry an IPv4 or IPv6 address or CIDR range; anything else stops the start with the entry named. */
    static List<String> parse(String setting) {
        List<String> ranges = new ArrayList<>();
        if (setting == null) {
            return ranges;
        }
        for (String raw : setting.split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            InetAddress parsed = literal(address, entry);
            int max = parsed.getAddress().length * 8;
            int bits = max;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > max) {
                    throw new IllegalArgumentException("impactlab.trusted-proxies: '" + entry + "' has no valid prefix length");
                }
            }
            ranges.add(parsed.getHostAddress() + "/" + bits);
        }
        return ranges;
    }

    private static InetAddress literal(String address, String entry) {
        // Only literals: a host name here would mean a DNS lookup and a trust that changes with DNS.
        boolean ipv4 = IPV4.matcher(address).matches()
                && java.util.Arrays.stream(address.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
        if (ipv4 || IPV6.matcher(address).matches()) {
            try {
                return InetAddress.getByName(address);
            } catch (UnknownHostException e) {
                // falls through to the error below
            }
        }
        throw new IllegalArgumentException("impactlab.trusted-proxies: '" + entry + "' is not an IP address or CIDR range");
    }
}
