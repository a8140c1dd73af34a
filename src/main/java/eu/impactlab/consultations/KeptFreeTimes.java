package eu.impactlab.consultations;

import eu.impactlab.platform.DataVersions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.DigestUtils;

/**
 * The free-times API's answers kept in memory as bytes with their tag, so a repeated question costs one shared
 * version query instead of six queries and the JSON. An answer is used only while every input is unchanged: the
 * versions of the labs, the topics, the helpers and the appointments (V79), read <em>before</em> the answer is
 * computed so a booking during the computation is never hidden, and the clock (the first time offered has not come
 * within the lead time, and it is still the same day in Bremen). Least recently used answers go first when the
 * answers together pass the byte budget.
 */
@Component
class KeptFreeTimes {

    /** What the API sends: the JSON bytes and their tag. */
    record Answer(byte[] json, String etag) {
    }

    /** The request attribute with the filter's lookup that found nothing, so the controller does not read again. */
    static final String MISSED = "eu.impactlab.consultations.KeptFreeTimes.missed";

    /** A question with the versions and the time read for it; {@code kept} is the answer still valid then, or null. */
    record Lookup(String key, String versions, Instant at, Answer kept) {
    }

    private record Entry(String versions, Instant offeredUntil, Instant nextDay, Answer answer) {

        boolean validFor(String current, Instant now) {
            return versions.equals(current) && !now.isAfter(offeredUntil) && now.isBefore(nextDay);
        }
    }

    private final DataVersions dataVersions;
    private final Clock clock;
    private final ConsultationsProperties properties;
    private final long budget;
    private final Map<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    /** Computations running now, by question and versions, so requests that missed together share one. */
    private final Map<String, CompletableFuture<Entry>> computing = new ConcurrentHashMap<>();
    private long bytes;

    KeptFreeTimes(DataVersions dataVersions, Clock clock, ConsultationsProperties properties) {
        this.dataVersions = dataVersions;
        this.clock = clock;
        this.properties = properties;
        this.budget = properties.keptFreeTimes().toBytes();
    }

    /**
     * Reads the versions and looks for a kept answer. Inside a transaction nothing is kept or used: the transaction
     * may see its own uncommitted changes, which the shared version read does not.
     */
    Lookup look(String lab, String topic, String language, LocalDate first, LocalDate last) {
        return look(lab, topic, language, first, last, null);
    }

    /**
     * The same, but a lookup of the same question that missed earlier in this request ({@link #MISSED}, left by the
     * filter) is used as it is: its versions were read before anything is computed, as the answer needs.
     */
    Lookup look(String lab, String topic, String language, LocalDate first, LocalDate last, Lookup missed) {
        if (budget <= 0 || TransactionSynchronizationManager.isActualTransactionActive()) {
            return new Lookup(null, null, null, null);
        }
        String key = lab + '|' + topic + '|' + language + '|' + first + '|' + last;
        if (missed != null && key.equals(missed.key())) {
            return missed;
        }
        String versions = dataVersions.slots();
        Entry entry;
        synchronized (entries) {
            entry = entries.get(key);
        }
        Instant now = clock.instant();
        return new Lookup(key, versions, now, entry != null && entry.validFor(versions, now) ? entry.answer() : null);
    }

    /**
     * The answer computed after {@link #look}. Requests that missed with the same versions share one computation: a
     * booking then costs one computation, not one per waiting reader. Sharing is safe because the same versions mean
     * no change committed between the two reads, so the first request's computation sees all the second one must.
     */
    Answer compute(Lookup lookup, Supplier<List<Slot>> free, Function<List<Slot>, byte[]> json) {
        if (lookup.key() == null) {
            return keep(lookup, free.get(), json);
        }
        String flight = lookup.key() + '@' + lookup.versions();
        CompletableFuture<Entry> mine = new CompletableFuture<>();
        CompletableFuture<Entry> running = computing.putIfAbsent(flight, mine);
        if (running != null) {
            try {
                Entry shared = running.join();
                if (shared.validFor(lookup.versions(), clock.instant())) {
                    return shared.answer();
                }
            } catch (CompletionException e) {
                // the other request failed: this one tries on its own and answers with its own outcome
            }
            return keep(lookup, free.get(), json);
        }
        try {
            Entry entry = store(lookup, free.get(), json);
            mine.complete(entry);
            return entry.answer();
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            computing.remove(flight, mine);
        }
    }

    /** The answer for the free times computed after {@link #look}, kept under the versions that look read. */
    Answer keep(Lookup lookup, List<Slot> slots, Function<List<Slot>, byte[]> json) {
        return store(lookup, slots, json).answer();
    }

    private Entry store(Lookup lookup, List<Slot> slots, Function<List<Slot>, byte[]> json) {
        byte[] body = json.apply(slots);
        // The same tag ConditionalPages (Spring's ShallowEtagHeaderFilter) gives these bytes.
        Answer answer = new Answer(body, "\"0" + DigestUtils.md5DigestAsHex(body) + "\"");
        if (lookup.key() == null) {
            return new Entry(lookup.versions(), Instant.MIN, Instant.MIN, answer);
        }
        Entry entry = new Entry(lookup.versions(), offeredUntil(slots), nextDay(lookup.at()), answer);
        if (body.length > budget) {
            return entry;
        }
        synchronized (entries) {
            Entry old = entries.put(lookup.key(), entry);
            bytes += body.length - (old == null ? 0 : old.answer().json().length);
            for (Iterator<Entry> eldest = entries.values().iterator(); bytes > budget && eldest.hasNext(); ) {
                bytes -= eldest.next().answer().json().length;
                eldest.remove();
            }
        }
        return entry;
    }

    /**
     * The last instant at which the earliest time in the answer is still offered (SlotFinder offers a time while its
     * start is at least the lead time away); later times cannot drop out before it.
     */
    private Instant offeredUntil(List<Slot> slots) {
        return slots.stream().map(s -> s.start().toInstant()).min(Instant::compareTo)
                .map(start -> start.minus(properties.leadTime())).orElse(Instant.MAX);
    }

    /** Midnight in Bremen: today's date decides the first and the last bookable day. */
    static Instant nextDay(Instant now) {
        return ZonedDateTime.ofInstant(now, SlotFinder.BREMEN).toLocalDate().plusDays(1).atStartOfDay(SlotFinder.BREMEN)
                .toInstant();
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    long bytes() {
        synchronized (entries) {
            return bytes;
        }
    }

    void clear() {
        synchronized (entries) {
            entries.clear();
            bytes = 0;
        }
    }
}
