package eu.impactlab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The token buckets in PostgreSQL that login throttling and rate limits share across instances. */
class RateBucketsTest extends AbstractIntegrationTest {

    @Autowired
    RateBuckets buckets;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void aBucketGivesItsCapacityThenSaysHowLongToWaitAndStoresNoKeyInClear() {
        String key = "test:198.51.100.77";
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take(key, 3, Duration.ofMinutes(15)).taken()).isTrue();
        }
        assertThat(buckets.empty(key)).isTrue();
        RateBuckets.Take refused = buckets.take(key, 3, Duration.ofMinutes(15));
        assertThat(refused.taken()).isFalse();
        // One token every 5 minutes: the next one comes within those 5 minutes.
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5));
        assertThat(buckets.empty("test:198.51.100.78")).as("another key").isFalse();
        assertThat(jdbc.sql("select count(*) from rate_bucket where key_hash like '%198.51%'").query(Long.class).single()).isZero();

        buckets.forget(key);
        assertThat(buckets.empty(key)).isFalse();
    }

    @Test
    void manyTakingAtOnceGetExactlyTheCapacity() throws Exception {
        String key = "test:concurrent";
        int threads = 20;
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Boolean>> takes = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            takes.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return buckets.take(key, 5, Duration.ofHours(1)).taken();
            }));
        }
        ready.await();
        go.countDown();
        int taken = 0;
        for (Future<Boolean> take : takes) {
            taken += take.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(taken).isEqualTo(5);
    }

    @Test
    void theCleanupDeletesOnlyBucketsThatHaveRefilled() {
        String key = "test:cleanup";
        buckets.take(key, 2, Duration.ofMinutes(15));
        buckets.take(key, 2, Duration.ofMinutes(15));
        String hash = SecretTokens.hash(key);

        buckets.deleteDue(clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(jdbc.sql("select count(*) from rate_bucket where key_hash = ?").param(hash).query(Long.class).single())
                .as("still limiting after 10 minutes").isOne();
        assertThat(buckets.deleteDue(clock.instant().plus(Duration.ofMinutes(16)))).isPositive();
        assertThat(jdbc.sql("select count(*) from rate_bucket where key_hash = ?").param(hash).query(Long.class).single())
                .as("full again after 15 minutes").isZero();
    }
}
