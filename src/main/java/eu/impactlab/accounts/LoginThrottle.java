package eu.impactlab.accounts;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after 5 failed logins for one user name, or 20 from one address, within
 * 15 minutes, further attempts are refused until the bucket refills (one attempt every 3 minutes per user name).
 * Kept in memory per instance; a bounded map so a flood of names cannot exhaust memory.
 */
@Component
class LoginThrottle {

    static final int USER_FAILURES = 5;
    static final int ADDRESS_FAILURES = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 10_000;

    private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_TRACKED;
        }
    });

    boolean blocked(String username, String address) {
        return empty("user:" + key(username)) || empty("addr:" + address);
    }

    void failed(String username, String address) {
        bucket("user:" + key(username), USER_FAILURES).tryConsume(1);
        bucket("addr:" + address, ADDRESS_FAILURES).tryConsume(1);
    }

    void succeeded(String username) {
        buckets.remove("user:" + key(username));
    }

    private boolean empty(String key) {
        Bucket bucket = buckets.get(key);
        return bucket != null && bucket.getAvailableTokens() <= 0;
    }

    private Bucket bucket(String key, int capacity) {
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, WINDOW).build())
                .build());
    }

    private static String key(String username) {
        return Usernames.normalise(username);
    }
}
