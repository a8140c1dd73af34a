package eu.impactlab.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the whole app, in Bremen's time zone, so tests can fix it. */
@Configuration(proxyBeanMethods = false)
class Clocks {

    public static final ZoneId BREMEN = ZoneId.of("Europe/Berlin");

    @Bean
    Clock clock() {
        return Clock.system(BREMEN);
    }
}
