package eu.impactlab.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.impactlab.platform.EmbeddedPostgresLauncher.Durability;
import eu.impactlab.platform.EmbeddedPostgresLauncher.Recovery;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EmbeddedPostgresLauncherTest {

    @Test
    void durableModeTurnsFsyncAndSynchronousCommitOn(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgresLauncher launcher = EmbeddedPostgresLauncher.start(dir, Durability.DURABLE)) {
            assertThat(show(launcher, "fsync")).isEqualTo("on");
            assertThat(show(launcher, "synchronous_commit")).isEqualTo("on");
            assertThat(show(launcher, "full_page_writes")).isEqualTo("on");
            assertThat(show(launcher, "server_version")).startsWith("17.");
            assertThat(launcher.postgresDirectory()).isEqualTo(dir.toRealPath().resolve("postgres"));
            assertThat(launcher.postgresDirectory().resolve("PG_VERSION")).exists();
            assertThat(dir.resolve("impactlab.lock")).exists();
            assertThat(launcher.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:" + launcher.port() + "/postgres");
        }
    }

    @Test
    void dataSurvivesACloseAndRestartAndTheDirectoryIsLockedWhileRunning(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgresLauncher launcher = EmbeddedPostgresLauncher.start(dir, Durability.FAST)) {
            execute(launcher, "CREATE TABLE survivor (note text)", "INSERT INTO survivor VALUES ('still here')");

            assertThatThrownBy(() -> EmbeddedPostgresLauncher.start(dir.resolve("."), Durability.FAST))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining("Another Impact Lab instance is already running with data directory "
                            + dir.toRealPath());
            assertThat(query(launcher, "SELECT count(*) FROM survivor")).containsExactly("1");
        }
        assertThat(dir.resolve("postgres/postmaster.pid")).doesNotExist();

        try (EmbeddedPostgresLauncher launcher = EmbeddedPostgresLauncher.start(dir, Durability.DURABLE)) {
            assertThat(launcher.recovery()).isEqualTo(Recovery.NONE);
            assertThat(query(launcher, "SELECT note FROM survivor")).containsExactly("still here");
        }
    }

    @Test
    void aStalePidFileWhosePidRunsSomethingElseIsRemoved(@TempDir Path dir) throws Exception {
        EmbeddedPostgresLauncher.start(dir, Durability.FAST).close();
        // After a crash and reboot the recorded pid may belong to an unrelated live process (here: this JVM), which
        // makes PostgreSQL refuse to start ("Is another postmaster running?").
        Path pidFile = dir.resolve("postgres/postmaster.pid");
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n" + dir.resolve("postgres") + "\n");

        try (EmbeddedPostgresLauncher launcher = EmbeddedPostgresLauncher.start(dir, Durability.FAST)) {
            assertThat(launcher.recovery()).isEqualTo(Recovery.REMOVED_STALE_PID_FILE);
            assertThat(query(launcher, "SELECT 1")).containsExactly("1");
        }
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    void recoversAfterTheAppWasKilledAndRefusesASecondInstanceWhileItRuns(@TempDir Path dir) throws Exception {
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                EmbeddedPostgresChild.class.getName(), dir.toString())
                .redirectErrorStream(true)
                .start();
        Optional<ProcessHandle> leftover = Optional.empty();
        try {
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            List<String> output = new ArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (Exception ignored) {
                    // the child was killed
                }
            });
            reader.setDaemon(true);
            reader.start();
            String ready = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (ready == null && System.nanoTime() < deadline && child.isAlive()) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line != null) {
                    output.add(line);
                    ready = line.startsWith("READY ") ? line : null;
                }
            }
            assertThat(ready).as("child output: %s", output).isNotNull();

            // A second instance on the same directory is refused while the first one lives.
            assertThatThrownBy(() -> EmbeddedPostgresLauncher.start(dir, Durability.DURABLE))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessage("Another Impact Lab instance is already running with data directory "
                            + dir.toRealPath() + " (process " + child.pid() + "); stop it or set IMPACTLAB_DATA_DIR "
                            + "to another directory.");

            long postmasterPid = Long.parseLong(
                    Files.readAllLines(dir.resolve("postgres/postmaster.pid")).get(0).trim());
            leftover = ProcessHandle.of(postmasterPid);

            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close()
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(leftover).as("pg_ctl's detached postmaster outlives the killed app")
                    .hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

            try (EmbeddedPostgresLauncher launcher = EmbeddedPostgresLauncher.start(dir, Durability.DURABLE)) {
                assertThat(launcher.recovery()).isEqualTo(Recovery.STOPPED_LEFTOVER_POSTMASTER);
                assertThat(leftover.get().isAlive()).isFalse();
                assertThat(query(launcher, "SELECT note FROM crash_test")).containsExactly(EmbeddedPostgresChild.ROW);
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(20, TimeUnit.SECONDS);
            leftover.filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static String show(EmbeddedPostgresLauncher launcher, String setting) throws SQLException {
        return query(launcher, "SHOW " + setting).get(0);
    }

    private static List<String> query(EmbeddedPostgresLauncher launcher, String sql) throws SQLException {
        try (Connection connection = connect(launcher);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static void execute(EmbeddedPostgresLauncher launcher, String... statements) throws SQLException {
        try (Connection connection = connect(launcher); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static Connection connect(EmbeddedPostgresLauncher launcher) throws SQLException {
        return DriverManager.getConnection(launcher.jdbcUrl(), launcher.username(), launcher.password());
    }
}
