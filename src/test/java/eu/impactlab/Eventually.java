package eu.impactlab;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits for what asynchronous listeners do (impact facts, claim mails): polls a condition for up to 20 seconds. */
public final class Eventually {

    private Eventually() {
    }

    public static void until(BooleanSupplier condition, String what) {
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("waited in vain for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
