package eu.impactlab.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the app's own PostgreSQL 17 (zonky {@link EmbeddedPostgres}) on a persistent data directory.
 *
 * <p>Layout of the data directory: {@code postgres/} holds PostgreSQL's cluster, {@code impactlab.lock} is locked
 * with {@link FileChannel#tryLock()} for the lifetime of the database so that only one instance uses the directory.
 * A postmaster that survived a {@code kill -9} of a previous instance (pg_ctl detaches it) is stopped before the
 * start, and a stale {@code postmaster.pid} is removed.
 *
 * <p>Plain Java on purpose (no Spring): {@link EmbeddedDatabaseConfiguration} wraps it for the app, and tests can
 * run it in a child JVM.
 */
public final class EmbeddedPostgresLauncher implements AutoCloseable {

    /** How the server is tuned. */
    public enum Durability {
        /** fsync, synchronous_commit and full_page_writes on: a crash of the machine loses no committed data. */
        DURABLE,
        /** The library's defaults (fsync off): fast, for tests whose data may be lost. */
        FAST
    }

    /** What the start did about traces of an instance that did not shut down cleanly. */
    enum Recovery {
        NONE,
        STOPPED_LEFTOVER_POSTMASTER,
        REMOVED_STALE_PID_FILE
    }

    public static final String LOCK_FILE_NAME = "impactlab.lock";
    public static final String POSTGRES_DIRECTORY_NAME = "postgres";
    public static final String USERNAME = "postgres";
    public static final String DATABASE = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration LEFTOVER_STOP_WAIT = Duration.ofSeconds(20);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    /**
     * Data directories locked by this JVM. On POSIX systems closing any channel to a locked file releases the whole
     * process's lock on it, so this JVM must not even open the lock file of a directory it already holds.
     */
    private static final Set<Path> LOCKED_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path dataDirectory;
    private final Path postgresDirectory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;
    private final Optional<ProcessHandle> postmaster;
    private final Recovery recovery;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedPostgresLauncher(Path dataDirectory, FileChannel lockChannel, FileLock lock,
            EmbeddedPostgres postgres, Optional<ProcessHandle> postmaster, Recovery recovery) {
        this.dataDirectory = dataDirectory;
        this.postgresDirectory = dataDirectory.resolve(POSTGRES_DIRECTORY_NAME);
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
        this.postmaster = postmaster;
        this.recovery = recovery;
    }

    /** Starts a durable server on {@code dataDirectory}; see {@link #start(Path, Durability)}. */
    public static EmbeddedPostgresLauncher start(Path dataDirectory) {
        return start(dataDirectory, Durability.DURABLE);
    }

    /**
     * Locks {@code dataDirectory} (created if missing), recovers from an unclean stop of a previous instance and
     * starts PostgreSQL on {@code dataDirectory/postgres} (initialised on first use), listening on localhost on a
     * free port.
     *
     * @throws DataDirectoryInUseException when another instance holds the directory
     * @throws IllegalStateException when PostgreSQL cannot be started
     */
    public static EmbeddedPostgresLauncher start(Path dataDirectory, Durability durability) {
        Path directory;
        try {
            Files.createDirectories(dataDirectory);
            directory = dataDirectory.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDirectory.toAbsolutePath(), e);
        }
        if (!LOCKED_IN_THIS_JVM.add(directory)) {
            throw new DataDirectoryInUseException(directory, OptionalLong.of(ProcessHandle.current().pid()));
        }
        FileChannel channel = null;
        FileLock lock = null;
        try {
            channel = FileChannel.open(directory.resolve(LOCK_FILE_NAME),
                    StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new DataDirectoryInUseException(directory, readHolderPid(channel));
            }
            writeOwnPid(channel);

            Path pgData = directory.resolve(POSTGRES_DIRECTORY_NAME);
            Recovery recovery = recoverFromUncleanStop(pgData);
            EmbeddedPostgres postgres = startPostgres(pgData, durability);
            Optional<ProcessHandle> postmaster = readPid(pgData.resolve("postmaster.pid")).stream()
                    .mapToObj(ProcessHandle::of)
                    .flatMap(Optional::stream)
                    .findFirst();
            log.info("Embedded PostgreSQL ({}) is running on port {} with its data in {}",
                    durability == Durability.DURABLE ? "durable" : "fast, not crash-safe", postgres.getPort(),
                    pgData);
            return new EmbeddedPostgresLauncher(directory, channel, lock, postgres, postmaster, recovery);
        } catch (IOException | RuntimeException e) {
            releaseQuietly(directory, channel, lock);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(
                    "Could not start the embedded PostgreSQL in " + directory.resolve(POSTGRES_DIRECTORY_NAME), e);
        }
    }

    private static EmbeddedPostgres startPostgres(Path pgData, Durability durability) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(STARTUP_WAIT)
                // TCP on localhost only, and no Unix socket in /tmp: fewer ways in to a server that trusts local users.
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("unix_socket_directories", "");
        if (durability == Durability.DURABLE) {
            // The library passes -F (fsync off); a later -c wins over it.
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        return builder.start();
    }

    /**
     * Called while holding the app lock, so no live instance uses {@code pgData}: a postmaster still running there
     * was left behind by an instance that died without stopping it.
     */
    static Recovery recoverFromUncleanStop(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Recovery.NONE;
        }
        OptionalLong pid = readPid(pidFile);
        Optional<ProcessHandle> process = pid.isPresent() ? ProcessHandle.of(pid.getAsLong()) : Optional.empty();
        if (process.isPresent() && process.get().isAlive() && isPostmasterOf(process.get(), pgData)) {
            long started = System.nanoTime();
            String how = stop(process.get());
            log.warn("Stopped the embedded PostgreSQL (pid {}) left running by an instance that did not shut down "
                    + "cleanly ({}, {} ms)", pid.getAsLong(), how, (System.nanoTime() - started) / 1_000_000);
            if (process.get().isAlive()) {
                throw new IllegalStateException("Could not stop the PostgreSQL server (pid " + pid.getAsLong()
                        + ") left running in " + pgData + "; stop it by hand and start again.");
            }
            Files.deleteIfExists(pidFile); // only left behind when it had to be killed
            return Recovery.STOPPED_LEFTOVER_POSTMASTER;
        }
        Files.deleteIfExists(pidFile);
        log.warn("Removed a stale postmaster.pid left by an instance that did not shut down cleanly (pid {} no longer "
                + "runs this PostgreSQL)", pid.isPresent() ? pid.getAsLong() : "unreadable");
        return Recovery.REMOVED_STALE_PID_FILE;
    }

    private static boolean isPostmasterOf(ProcessHandle process, Path pgData) {
        ProcessHandle.Info info = process.info();
        String command = info.command().or(info::commandLine).orElse("");
        if (!command.contains("postgres")) {
            return false;
        }
        Optional<String[]> arguments = info.arguments();
        if (arguments.isEmpty()) {
            return true; // a postgres whose arguments we may not read: the pid file in our directory names it
        }
        List<String> args = List.of(arguments.get());
        int d = args.indexOf("-D");
        if (d < 0 || d + 1 >= args.size()) {
            return false; // ours always runs with -D; this pid was reused by another server
        }
        try {
            return Files.isSameFile(Path.of(args.get(d + 1)), pgData);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** SIGTERM (smart shutdown: its clients died with the old instance), then SIGKILL as the last resort. */
    private static String stop(ProcessHandle postmaster) {
        List<ProcessHandle> children = postmaster.descendants().toList();
        String how = "terminated";
        postmaster.destroy();
        if (!awaitExit(postmaster, LEFTOVER_STOP_WAIT)) {
            how = "killed after " + LEFTOVER_STOP_WAIT.toSeconds() + " s";
            postmaster.destroyForcibly();
            awaitExit(postmaster, KILL_WAIT);
        }
        // Backends still attached to the old shared memory would make the new postmaster refuse to start.
        for (ProcessHandle child : children) {
            if (!awaitExit(child, KILL_WAIT)) {
                child.destroyForcibly();
                awaitExit(child, KILL_WAIT);
            }
        }
        return how;
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static OptionalLong readPid(Path pidFile) {
        try (var lines = Files.lines(pidFile, StandardCharsets.UTF_8)) {
            return lines.findFirst()
                    .map(String::trim)
                    .filter(s -> s.matches("\\d{1,18}"))
                    .map(s -> OptionalLong.of(Long.parseLong(s)))
                    .orElse(OptionalLong.empty());
        } catch (IOException | UncheckedIOException e) {
            return OptionalLong.empty();
        }
    }

    private static void writeOwnPid(FileChannel channel) throws IOException {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
    }

    private static OptionalLong readHolderPid(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
            return text.matches("\\d{1,18}") ? OptionalLong.of(Long.parseLong(text)) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    private static void releaseQuietly(Path directory, FileChannel channel, FileLock lock) {
        try {
            if (lock != null) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            log.warn("Could not release the lock on the data directory: {}", e.toString());
        } finally {
            LOCKED_IN_THIS_JVM.remove(directory);
        }
    }

    /** The data directory as an absolute, real path. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** PostgreSQL's own data directory, {@code dataDirectory()/postgres}. */
    public Path postgresDirectory() {
        return postgresDirectory;
    }

    public int port() {
        return postgres.getPort();
    }

    /** {@code jdbc:postgresql://localhost:<port>/postgres}, without credentials. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    public String username() {
        return USERNAME;
    }

    /** No password: the server trusts local connections (it listens on localhost only). */
    public String password() {
        return null;
    }

    public String databaseName() {
        return DATABASE;
    }

    Recovery recovery() {
        return recovery;
    }

    /** Stops PostgreSQL (fast shutdown), waits for its postmaster to exit, then releases the data directory. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            log.error("Could not stop the embedded PostgreSQL cleanly: {}", e.toString());
        }
        postmaster.ifPresent(process -> {
            if (!awaitExit(process, SHUTDOWN_WAIT)) {
                log.warn("The embedded PostgreSQL (pid {}) is still shutting down after {} s; the next start will "
                        + "stop it", process.pid(), SHUTDOWN_WAIT.toSeconds());
            }
        });
        releaseQuietly(dataDirectory, lockChannel, lock);
    }

    @Override
    public String toString() {
        return "EmbeddedPostgresLauncher[" + dataDirectory + ", port " + port() + "]";
    }
}
