package eu.impactlab;

import eu.impactlab.platform.EmbeddedPostgresLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A real PostgreSQL streaming replica (hot standby) of a running server, made from the same PostgreSQL 17 binaries:
 * a base backup with PostgreSQL's low-level API (pg_backup_start, a copy of the data directory, pg_backup_stop; the
 * bundle has no pg_basebackup), a physical replication slot that keeps the log until the standby streams it, and
 * standby.signal with primary_conninfo. PostgreSQL refuses to run as root, so as root the standby runs as "nobody".
 */
public final class StreamingReplica implements AutoCloseable {

    private static final Set<String> NOT_COPIED = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
            "tablespace_map", "standby.signal", "recovery.signal");
    private static final Set<String> COPIED_EMPTY = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp");
    /** Settings a hot standby must have at least as high as its primary. */
    private static final List<String> AT_LEAST_PRIMARY = List.of("max_connections", "max_worker_processes",
            "max_wal_senders", "max_prepared_transactions", "max_locks_per_transaction");

    private final Path directory;
    private final Path pgCtl;
    private final int port;
    private final String slot;
    private final EmbeddedPostgresLauncher primary;

    private StreamingReplica(Path directory, Path pgCtl, int port, String slot, EmbeddedPostgresLauncher primary) {
        this.directory = directory;
        this.pgCtl = pgCtl;
        this.port = port;
        this.slot = slot;
        this.primary = primary;
    }

    public static StreamingReplica of(EmbeddedPostgresLauncher primary) {
        try (Connection connection = connect(primary.jdbcUrl(), primary)) {
            Path primaryData = Path.of(value(connection, "show data_directory"));
            if ("minimal".equals(value(connection, "show wal_level"))) {
                throw new IllegalStateException("the primary runs with wal_level=minimal");
            }
            Path pgCtl = binDirectory(primaryData).resolve("pg_ctl");
            List<String> settings = new ArrayList<>();
            for (String name : AT_LEAST_PRIMARY) {
                settings.add("-c " + name + "=" + value(connection, "show " + name));
            }
            int port = freePort();
            String slot = "test_replica_" + port;
            Path base = Files.createTempDirectory("impactlab-replica");
            Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path data = base.resolve("postgres");

            try (Statement statement = connection.createStatement()) {
                statement.execute("select pg_create_physical_replication_slot('" + slot + "', true)");
                statement.execute("select pg_backup_start('test replica', true)");
                copy(primaryData, data);
                try (ResultSet rs = statement.executeQuery("select labelfile from pg_backup_stop(false)")) {
                    rs.next();
                    Files.writeString(data.resolve("backup_label"), rs.getString(1));
                }
            }
            Files.createDirectories(data.resolve("pg_wal/archive_status"));
            Files.writeString(data.resolve("standby.signal"), "");
            Files.writeString(data.resolve("postgresql.auto.conf"), """

                    primary_conninfo = 'host=localhost port=%d user=%s application_name=test_replica'
                    primary_slot_name = '%s'
                    hot_standby = on
                    """.formatted(primary.port(), primary.username(), slot), StandardOpenOption.APPEND);
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
            if (asRoot()) {
                run(List.of("chown", "-R", "nobody", base.toString()));
            }
            run(command(pgCtl.toString(), "-D", data.toString(), "-l", base.resolve("standby.log").toString(),
                    "-o", "-p " + port + " -c listen_addresses=localhost -c unix_socket_directories= "
                            + String.join(" ", settings),
                    "-w", "-t", "120", "start"));
            StreamingReplica replica = new StreamingReplica(data, pgCtl, port, slot, primary);
            try (Connection standby = connect(replica.jdbcUrl("postgres"), primary)) {
                if (!"t".equals(value(standby, "select pg_is_in_recovery()"))) {
                    throw new IllegalStateException("the copy is no standby");
                }
            }
            return replica;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** A connection to one database on the standby (read-only by nature). */
    public Connection connect(String database) throws SQLException {
        return connect(jdbcUrl(database), primary);
    }

    /** Stops replaying the log: the standby keeps answering with what it had, the primary goes on. */
    public void pauseReplay() throws SQLException {
        execute("select pg_wal_replay_pause()");
    }

    public void resumeReplay() throws SQLException {
        execute("select pg_wal_replay_resume()");
    }

    /** Waits until the standby has replayed everything the primary has written so far. */
    public void catchUp(Duration atMost) throws SQLException, InterruptedException {
        String target;
        try (Connection connection = connect(primary.jdbcUrl(), primary)) {
            target = value(connection, "select pg_current_wal_lsn()");
        }
        long deadline = System.nanoTime() + atMost.toNanos();
        try (Connection standby = connect("postgres")) {
            while (!"t".equals(value(standby, "select pg_last_wal_replay_lsn() >= '" + target + "'::pg_lsn"))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the standby did not catch up with " + target);
                }
                Thread.sleep(50);
            }
        }
    }

    @Override
    public void close() {
        try {
            run(command(pgCtl.toString(), "-D", directory.toString(), "-m", "immediate", "-w", "stop"));
        } finally {
            try (Connection connection = connect(primary.jdbcUrl(), primary)) {
                connection.createStatement().execute("select pg_drop_replication_slot('" + slot + "') "
                        + "from pg_replication_slots where slot_name = '" + slot + "' and not active");
            } catch (SQLException e) {
                // the primary may already be gone at the end of the run; its slot goes with it
            }
            try (var files = Files.walk(directory.getParent())) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind is harmless
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection standby = connect("postgres"); Statement statement = standby.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection connect(String url, EmbeddedPostgresLauncher primary) throws SQLException {
        return DriverManager.getConnection(url, primary.username(), primary.password() == null ? "" : primary.password());
    }

    private static String value(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The running postmaster's own binary sits beside pg_ctl. */
    private static Path binDirectory(Path primaryData) throws IOException {
        long pid = Long.parseLong(Files.readAllLines(primaryData.resolve("postmaster.pid")).get(0).strip());
        String command = ProcessHandle.of(pid).flatMap(p -> p.info().command())
                .orElseThrow(() -> new IllegalStateException("cannot see the primary's postmaster " + pid));
        return Path.of(command).getParent();
    }

    /** Copies a live data directory; files that change or vanish meanwhile are repaired by the replayed log. */
    private static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(dir).toString());
                Files.createDirectories(target);
                return dir.getParent() != null && dir.getParent().equals(from)
                        && COPIED_EMPTY.contains(dir.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (file.getParent().equals(from) && NOT_COPIED.contains(file.getFileName().toString())) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                } catch (NoSuchFileException vanished) {
                    // dropped while copying: the log replay knows
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        if (asRoot()) {
            command.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        command.addAll(List.of(args));
        return command;
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
