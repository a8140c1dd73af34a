package eu.impactlab.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.labs.LabService;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 50 people with 50 passes want the same machine at the same time, released at once: one gets it, 49 get other times. */
class ReservationConcurrencyTest extends AbstractIntegrationTest {

    @Autowired
    Reservations reservations;
    @Autowired
    MakerPasses passes;
    @Autowired
    LabService labs;
    @Autowired
    JdbcClient jdbc;

    @Test
    void fiftySimultaneousReservationsOfOneTimeGiveExactlyOneWinner() throws Exception {
        long machine = EquipmentTesting.machine(jdbc, "groepelingen", "Concurrency printer", null);
        long lab = EquipmentTesting.labId(jdbc, "groepelingen");
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            codes.add(passes.issue(lab, null, null, "de").pass().code());
        }
        ZonedDateTime start = EquipmentTesting.openTime(labs, "groepelingen", 2, 60);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ReservationOutcome>> results = new ArrayList<>();
        try {
            for (String code : codes) {
                results.add(pool.submit(() -> {
                    go.await();
                    return reservations.reserve(new Reservations.Request(machine, code, start, start.plusHours(1), "de", null));
                }));
            }
            go.countDown();
            int reserved = 0;
            int taken = 0;
            for (Future<ReservationOutcome> result : results) {
                ReservationOutcome outcome = result.get();
                if (outcome instanceof ReservationOutcome.Reserved) {
                    reserved++;
                } else if (outcome instanceof ReservationOutcome.Taken t) {
                    taken++;
                    assertThat(t.alternatives()).as("a conflict offers other times").isNotEmpty()
                            .allMatch(a -> !a.start().isBefore(start.plusHours(1).plusMinutes(15)) || !a.end().isAfter(start));
                }
            }
            assertThat(reserved).isEqualTo(1);
            assertThat(taken).isEqualTo(49);
            assertThat(jdbc.sql("select count(*) from machine_reservation where machine_id = ? and status = 'BOOKED'")
                    .param(machine).query(Long.class).single()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
            EquipmentTesting.retire(jdbc, machine);
        }
    }
}
