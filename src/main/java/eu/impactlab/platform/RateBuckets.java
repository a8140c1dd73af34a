package eu.impactlab.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets in PostgreSQL (table rate_bucket), so login throttling and rate limits count across every app instance
 * that shares the database: a bucket holds {@code capacity} tokens and refills evenly over {@code period}; taking a
 * token is one atomic upsert, so two instances never both take the last one. Keys are stored as their SHA-256 only,
 * and a full bucket is deleted by the hourly cleanup, so the table holds only what is being limited right now.
 * Frequent limits may reserve tokens in batches ({@link #takeReserving}), so that not every request writes the table.
 */
@Component
public class RateBuckets implements PersonalData.DeletionJob {

    static final String LOCK = "impactlab.platform.rate-buckets";
    private static final Logger log = LoggerFactory.getLogger(RateBuckets.class);
    private static final Take TAKEN = new Take(true, Duration.ZERO);
    /** Beyond this many keys in memory, the reservations that have run out are dropped. */
    private static final int MAX_RESERVES = 10_000;

    /** The tokens a stored bucket holds at :now: what it had plus the refill since, never more than its capacity. */
    private static final String REFILLED = "least(b.capacity, b.tokens + greatest(0, extract(epoch from (cast(:now as timestamptz)"
            + " - b.updated_at)) * 1000) * b.capacity / b.period_ms)";

    private final JdbcClient jdbc;
    private final OnceAcrossInstances once;
    private final Clock clock;
    private final Map<String, Reserve> reserves = new ConcurrentHashMap<>();

    RateBuckets(JdbcClient jdbc, OnceAcrossInstances once, Clock clock) {
        this.jdbc = jdbc;
        this.once = once;
        this.clock = clock;
    }

    /** What taking a token gave: whether it was taken, and if not, how long until the next one. */
    public record Take(boolean taken, Duration retryAfter) {
    }

    /** Takes one token from the bucket of {@code key} (a new bucket starts full). */
    public Take take(String key, int capacity, Duration period) {
        return take(SecretTokens.hash(key), capacity, period, 1);
    }

    /**
     * Takes one token like {@link #take}, but reserves {@code batch} tokens from the table at once and hands out the
     * rest from this instance's memory: one upsert per batch instead of one per request. Every token handed out was
     * taken from the table, so across instances the limit never lets more through; a reserve lasts one period and what
     * an instance did not use is lost, so with several instances the limit may bite up to {@code batch - 1} requests
     * per instance early. When no whole batch is left, it counts request by request, as {@link #take} does; a refusal
     * is remembered until the bucket's next token is due, so a client over its limit does not write the table either.
     */
    public Take takeReserving(String key, int capacity, Duration period, int batch) {
        String hash = SecretTokens.hash(key);
        int size = Math.min(batch, capacity);
        if (size <= 1) {
            return take(hash, capacity, period, 1);
        }
        Instant now = clock.instant();
        if (reserves.size() > MAX_RESERVES) {
            reserves.values().removeIf(r -> r.idle(now));
        }
        Reserve reserve = reserves.computeIfAbsent(hash, h -> new Reserve());
        synchronized (reserve) {
            if (reserve.left > 0 && now.isBefore(reserve.until)) {
                reserve.left--;
                return TAKEN;
            }
            if (now.isBefore(reserve.refusedUntil)) {
                return new Take(false, Duration.between(now, reserve.refusedUntil));
            }
            boolean batches = !now.isBefore(reserve.singlyUntil);
            if (batches && take(hash, capacity, period, size).taken()) {
                reserve.left = size - 1;
                reserve.until = now.plus(period);
                return TAKEN;
            }
            if (batches) {
                // Near the limit: one by one until a whole batch has had time to refill.
                reserve.singlyUntil = now.plus(period.multipliedBy(size).dividedBy(capacity));
            }
            Take single = take(hash, capacity, period, 1);
            if (!single.taken()) {
                reserve.refusedUntil = now.plus(single.retryAfter());
            }
            return single;
        }
    }

    /** Tokens this instance reserved for one key, until when it counts one by one, and until when it refuses. */
    private static final class Reserve {
        int left;
        Instant until = Instant.MIN;
        Instant singlyUntil = Instant.MIN;
        Instant refusedUntil = Instant.MIN;

        boolean idle(Instant now) {
            return (left == 0 || !now.isBefore(until)) && !now.isBefore(singlyUntil) && !now.isBefore(refusedUntil);
        }
    }

    /** Takes {@code count} tokens at once, or none when fewer are left. */
    private Take take(String hash, int capacity, Duration period, int count) {
        return jdbc.sql("""
                insert into rate_bucket as b (key_hash, capacity, period_ms, tokens, updated_at, consumed)
                values (:key, :capacity, :period, :capacity - :count, cast(:now as timestamptz), true)
                on conflict (key_hash) do update set
                    tokens = case when %1$s >= :count then %1$s - :count else %1$s end,
                    consumed = %1$s >= :count,
                    updated_at = greatest(b.updated_at, cast(:now as timestamptz)),
                    capacity = excluded.capacity,
                    period_ms = excluded.period_ms
                returning consumed, tokens""".formatted(REFILLED.replace("b.capacity", ":capacity").replace("b.period_ms", ":period")))
                .param("key", hash).param("capacity", capacity).param("period", period.toMillis()).param("count", count)
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, i) -> {
                    boolean taken = rs.getBoolean(1);
                    double missing = Math.max(0, 1 - rs.getDouble(2));
                    return new Take(taken, taken ? Duration.ZERO
                            : Duration.ofMillis((long) Math.ceil(missing * period.toMillis() / capacity)));
                }).single();
    }

    /** Whether the bucket of {@code key} has no whole token left right now; takes nothing. */
    public boolean empty(String key) {
        return jdbc.sql("select " + REFILLED + " < 1 from rate_bucket b where key_hash = :key")
                .param("key", SecretTokens.hash(key)).param("now", Timestamp.from(clock.instant()))
                .query(Boolean.class).optional().orElse(false);
    }

    /** Forgets the bucket of {@code key}, as if it were full again. */
    public void forget(String key) {
        reserves.remove(SecretTokens.hash(key));
        jdbc.sql("delete from rate_bucket where key_hash = :key").param("key", SecretTokens.hash(key)).update();
    }

    @Override
    public String name() {
        return LOCK;
    }

    @Scheduled(cron = "${impactlab.rate-limit.cleanup-cron:0 50 * * * *}", zone = "Europe/Berlin")
    void scheduled() {
        deleteDue(clock.instant());
    }

    /** Deletes the buckets that have refilled by {@code now}: they limit nothing any more. */
    @Override
    public int deleteDue(Instant now) {
        int deleted = once.deletion(LOCK, () -> jdbc.sql("delete from rate_bucket b where " + REFILLED + " >= b.capacity")
                .param("now", Timestamp.from(now)).update()).orElse(-1);
        if (deleted > 0) {
            log.info("Rate limits: deleted {} refilled buckets", deleted);
        }
        return deleted;
    }
}
