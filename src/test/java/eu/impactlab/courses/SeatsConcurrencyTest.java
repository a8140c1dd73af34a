package eu.impactlab.courses;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Many people press "register" at the same moment: never more seats than the course has, and a waitlist without gaps. */
class SeatsConcurrencyTest extends AbstractIntegrationTest {

    static final int THREADS = 40;

    @Autowired
    Seats seats;
    @Autowired
    CourseStore store;
    @Autowired
    JdbcClient jdbc;

    @RepeatedTest(4)
    void fortySimultaneousRegistrationsGiveExactlyCapacitySeatsAndAGapFreeWaitlist() throws Exception {
        int capacity = 5;
        long course = new CourseFixtures(jdbc).course("Ansturm", capacity, 7, 14);

        List<RegistrationOutcome> outcomes = all(IntStream.range(0, THREADS).mapToObj(i -> (Callable<RegistrationOutcome>) () ->
                seats.register(request(course, "Person " + i))).toList());

        List<Registration> registered = outcomes.stream().map(o -> ((RegistrationOutcome.Registered) o).registration()).toList();
        assertThat(registered.stream().filter(r -> r.status() == Registration.Status.CONFIRMED)).hasSize(capacity);
        List<Integer> positions = store.active(course).stream().map(Registration::waitlistPosition)
                .filter(p -> p != null).sorted().toList();
        assertThat(positions).isEqualTo(IntStream.rangeClosed(1, THREADS - capacity).boxed().toList());
        // What each person was told is where they are.
        assertThat(registered.stream().map(Registration::waitlistPosition).filter(p -> p != null).sorted().toList())
                .isEqualTo(positions);
        CourseFixtures fixtures = new CourseFixtures(jdbc);
        assertThat(fixtures.counter(course)).isEqualTo(capacity).isEqualTo(fixtures.confirmed(course));
    }

    @RepeatedTest(3)
    void simultaneousCancellationsEachPromoteExactlyOneInWaitlistOrder() throws Exception {
        int capacity = 6;
        long course = new CourseFixtures(jdbc).course("Absagen", capacity, 7);
        List<Long> confirmed = new ArrayList<>();
        List<Long> waitlisted = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Registration r = ((RegistrationOutcome.Registered) seats.register(request(course, "P" + i))).registration();
            (r.status() == Registration.Status.CONFIRMED ? confirmed : waitlisted).add(r.id());
        }
        assertThat(confirmed).hasSize(capacity);

        // Every confirmed person cancels at once, and the same cancellation is sent twice.
        List<Seats.Cancellation> results = all(confirmed.stream().flatMap(id -> List.<Callable<Seats.Cancellation>>of(
                () -> seats.cancel(id, "citizen"), () -> seats.cancel(id, "citizen")).stream()).toList());

        assertThat(results.stream().filter(Seats.Cancellation::cancelled)).hasSize(capacity);
        List<Long> promoted = results.stream().flatMap(c -> c.promotedRegistrationId().stream()).sorted().toList();
        assertThat(promoted).as("the first six of the waitlist, each once").isEqualTo(waitlisted.subList(0, capacity));
        CourseFixtures fixtures = new CourseFixtures(jdbc);
        assertThat(fixtures.confirmed(course)).isEqualTo(capacity).isEqualTo(fixtures.counter(course));
        assertThat(store.active(course).stream().map(Registration::waitlistPosition).filter(p -> p != null).sorted().toList())
                .isEqualTo(IntStream.rangeClosed(1, 10 - capacity).boxed().toList());
    }

    static RegistrationRequest request(long course, String name) {
        return new RegistrationRequest(course, name, null, null, true, null, null, null, "de", null, "citizen");
    }

    /** Runs all tasks on their own threads, released at the same moment. */
    static <T> List<T> all(List<Callable<T>> tasks) throws Exception {
        CountDownLatch ready = new CountDownLatch(tasks.size());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
