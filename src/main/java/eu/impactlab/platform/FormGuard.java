package eu.impactlab.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps simple bots out without a captcha service: a hidden field that people never fill in, and a minimum time
 * between opening a public form and sending it. The same rule for every public form (booking, course registration,
 * ideas, machine reservations), so one setting tunes them all.
 */
@Component
public class FormGuard {

    private final Duration minimumFillTime;
    private final Clock clock;

    public FormGuard(@Value("${impactlab.rate-limit.min-fill-time:3s}") Duration minimumFillTime, Clock clock) {
        this.minimumFillTime = minimumFillTime;
        this.clock = clock;
    }

    public boolean looksHuman(String honeypot, Instant formShownAt) {
        if (honeypot != null && !honeypot.isBlank()) {
            return false;
        }
        if (minimumFillTime.isZero()) {
            return true;
        }
        return formShownAt != null && !Instant.now(clock).isBefore(formShownAt.plus(minimumFillTime));
    }
}
