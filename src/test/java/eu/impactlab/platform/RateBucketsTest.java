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
    @Autowired
    OnceAcrossInstances once;

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
    void aReservingLimitWritesTheTableOncePerBatch() {
        String key = "test:reserving";
        String hash = SecretTokens.hash(key);
        assertThat(buckets.takeReserving(key, 300, Duration.ofMinutes(1), 15).taken()).isTrue();
        var first = jdbc.sql("select tokens, updated_at from rate_bucket where key_hash = ?").param(hash).query().singleRow();
        assertThat(((Number) first.get("tokens")).doubleValue()).as("a batch of 15 taken at once").isEqualTo(285.0);
        for (int i = 0; i < 14; i++) {
            assertThat(buckets.takeReserving(key, 300, Duration.ofMinutes(1), 15).taken()).isTrue();
        }
        assertThat(jdbc.sql("select updated_at from rate_bucket where key_hash = ?").param(hash).query().singleValue())
                .as("the other 14 came from memory").isEqualTo(first.get("updated_at"));
        assertThat(buckets.takeReserving(key, 300, Duration.ofMinutes(1), 15).taken()).isTrue();
        assertThat(jdbc.sql("select tokens from rate_bucket where key_hash = ?").param(hash).query(Double.class).single())
                .as("the 16th reserved the next batch").isLessThan(271.0);
    }

    @Test
    void instancesReservingAtOnceNeverLetMoreThanTheCapacityThroughAndCountSinglyAtTheEnd() throws Exception {
        String key = "test:reserving-instances";
        Clock stopped = Clock.fixed(clock.instant(), java.time.ZoneOffset.UTC);
        List<RateBuckets> instances = List.of(new RateBuckets(jdbc, once, stopped), new RateBuckets(jdbc, once, stopped));
        int threads = 16;
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> takes = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            RateBuckets instance = instances.get(i % 2);
            takes.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                int taken = 0;
                for (int n = 0; n < 10; n++) {
                    taken += instance.takeReserving(key, 40, Duration.ofHours(1), 5).taken() ? 1 : 0;
                }
                return taken;
            }));
        }
        ready.await();
        go.countDown();
        int taken = 0;
        for (Future<Integer> take : takes) {
            taken += take.get();
        }
        pool.shutdown();
        // 160 tries on two instances against 40 tokens: at most 40, and at most a batch less one per instance unused.
        assertThat(taken).isBetween(40 - 2 * 4, 40);
        RateBuckets.Take refused = instances.get(0).takeReserving(key, 40, Duration.ofHours(1), 5);
        assertThat(refused.taken()).isFalse();
        assertThat(refused.retryAfter()).isPositive();
    }

    @Test
    void aRefusalIsRememberedUntilTheNextTokenIsDue() {
        String key = "test:reserving-refused";
        MovingClock time = new MovingClock(clock.instant());
        RateBuckets instance = new RateBuckets(jdbc, once, time);
        for (int i = 0; i < 4; i++) {
            assertThat(instance.takeReserving(key, 4, Duration.ofMinutes(4), 2).taken()).isTrue();
        }
        RateBuckets.Take refused = instance.takeReserving(key, 4, Duration.ofMinutes(4), 2);
        assertThat(refused.taken()).isFalse();
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));

        // Without its row the table would give a token; this instance still knows the client must wait.
        jdbc.sql("delete from rate_bucket where key_hash = ?").param(SecretTokens.hash(key)).update();
        time.now = time.now.plusSeconds(30);
        assertThat(instance.takeReserving(key, 4, Duration.ofMinutes(4), 2).taken()).isFalse();
        time.now = time.now.plusSeconds(31);
        assertThat(instance.takeReserving(key, 4, Duration.ofMinutes(4), 2).taken()).as("a minute later").isTrue();
    }

    /** A clock the test moves forward. */
    static final class MovingClock extends Clock {
        volatile java.time.Instant now;

        MovingClock(java.time.Instant start) {
            this.now = start;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
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
