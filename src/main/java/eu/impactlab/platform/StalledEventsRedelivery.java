package eu.impactlab.platform;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again what a module's listener could not handle (for example an impact fact when no database connection
 * was free under a booking rush), so it does not wait for the next restart: every few minutes, publications still
 * incomplete after {@code impactlab.events.redeliver-after} are handed to their listeners again, by one instance at a
 * time. Every listener is idempotent (a redelivered event counts and mails once), so a slow first delivery that
 * completes meanwhile does no harm.
 */
@Component
public class StalledEventsRedelivery {

    private static final Logger log = LoggerFactory.getLogger(StalledEventsRedelivery.class);

    private final IncompleteEventPublications incomplete;
    private final OnceAcrossInstances once;
    private final Duration after;

    StalledEventsRedelivery(IncompleteEventPublications incomplete, OnceAcrossInstances once,
            @Value("${impactlab.events.redeliver-after:PT5M}") Duration after) {
        this.incomplete = incomplete;
        this.once = once;
        this.after = after;
    }

    @Scheduled(fixedDelayString = "${impactlab.events.redeliver-every:PT5M}",
            initialDelayString = "${impactlab.events.redeliver-every:PT5M}")
    public void redeliver() {
        try {
            once.run("redeliver-stalled-events", () -> {
                incomplete.resubmitIncompletePublicationsOlderThan(after);
                return 0;
            });
        } catch (RuntimeException e) {
            // The next run tries again; the publications stay in the registry meanwhile.
            log.warn("Redelivering stalled events failed: {}", e.toString());
        }
    }
}
