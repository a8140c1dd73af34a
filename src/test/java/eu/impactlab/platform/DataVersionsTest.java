package eu.impactlab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads of all data versions are shared by callers that arrive together, yet each caller still sees every change
 * committed before it asked: the promise the kept public pages rely on ("a change shows on the next request").
 */
class DataVersionsTest extends AbstractIntegrationTest {

    @Autowired
    DataVersions versions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyCallerSeesEveryChangeCommittedBeforeItAskedWhileManyAskAtOnce() throws Exception {
        List<String> names = jdbc.sql("select name from data_version order by name").query(String.class).list();
        int labs = names.indexOf(DataVersions.LABS);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(17);
        try {
            Future<Integer> writer = pool.submit(() -> {
                int changes = 0;
                while (!stop.get()) {
                    jdbc.sql("update data_version set version = version + 1 where name = :name")
                            .param("name", DataVersions.LABS).update();
                    changes++;
                }
                return changes;
            });
            List<Future<Integer>> readers = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                readers.add(pool.submit(() -> {
                    int stale = 0;
                    for (int i = 0; i < 200; i++) {
                        long committedBefore = versions.current(DataVersions.LABS);
                        long seen = Long.parseLong(versions.all().split(",")[labs]);
                        if (seen < committedBefore) {
                            stale++;
                        }
                    }
                    return stale;
                }));
            }
            int stale = 0;
            for (Future<Integer> reader : readers) {
                stale += reader.get();
            }
            stop.set(true);
            assertThat(writer.get()).as("the labs' version changed while they read").isPositive();
            assertThat(stale).as("answers older than a change committed before the call").isZero();
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
    }

    @Test
    void aChangeShowsOnTheNextCallWithoutAnyoneElseAsking() {
        String before = versions.all();
        jdbc.sql("update data_version set version = version + 1 where name = :name").param("name", DataVersions.LABS)
                .update();
        assertThat(versions.all()).isNotEqualTo(before);
    }
}
