package eu.impactlab.consultations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps simple bots out without a captcha service: a hidden field that people never fill in, and a minimum time
 * between opening the contact form and sending it.
 */
@Component
class FormGuard {

    private final Duration minimumFillTime;
    private final Clock clock;

    FormGuard(@Value("${impactlab.rate-limit.min-fill-time:3s}") Duration minimumFillTime, Clock clock) {
        this.minimumFillTime = minimumFillTime;
        this.clock = clock;
    }

    boolean looksHuman(String honeypot, Instant formShownAt) {
        if (honeypot != null && !honeypot.isBlank()) {
            return false;
        }
        if (minimumFillTime.isZero()) {
            return true;
        }
        return formShownAt != null && !Instant.now(clock).isBefore(formShownAt.plus(minimumFillTime));
    }
}
