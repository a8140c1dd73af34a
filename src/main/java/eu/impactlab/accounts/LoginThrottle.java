package eu.impactlab.accounts;

import eu.impactlab.platform.RateBuckets;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after 5 failed logins for one user name, or 20 from one address, within
 * 15 minutes, further attempts are refused until the bucket refills (one attempt every 3 minutes per user name).
 * The buckets live in PostgreSQL (platform.RateBuckets), so failures count across every app instance.
 */
@Component
class LoginThrottle {

    static final int USER_FAILURES = 5;
    static final int ADDRESS_FAILURES = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final RateBuckets buckets;

    LoginThrottle(RateBuckets buckets) {
        this.buckets = buckets;
    }

    boolean blocked(String username, String address) {
        return buckets.empty(userKey(username)) || buckets.empty(addressKey(address));
    }

    void failed(String username, String address) {
        buckets.take(userKey(username), USER_FAILURES, WINDOW);
        buckets.take(addressKey(address), ADDRESS_FAILURES, WINDOW);
    }

    void succeeded(String username) {
        buckets.forget(userKey(username));
    }

    private static String userKey(String username) {
        return "login-user:" + Usernames.normalise(username);
    }

    private static String addressKey(String address) {
        return "login-addr:" + address;
    }
}
