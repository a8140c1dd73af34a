package eu.impactlab;

import eu.impactlab.platform.EmbeddedPostgresLauncher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.boot.SpringApplication;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL 17 per test JVM, started on first use and stopped after all cached Spring contexts closed.
 * Each test configuration gets its own database in it, so tests that need an empty database can have one.
 */
public final class TestDatabase {

    private static EmbeddedPostgresLauncher server;

    private TestDatabase() {
    }

    public static synchronized EmbeddedPostgresLauncher server() {
        if (server == null) {
            try {
                Path dir = Files.createTempDirectory("impactlab-test-pg");
                deleteLeftovers(dir.getParent());
                server = EmbeddedPostgresLauncher.start(dir, EmbeddedPostgresLauncher.Durability.FAST);
                // Spring runs these after closing the cached contexts, so nothing writes to a stopped database.
                // The directory goes with it: each test JVM's cluster holds hundreds of megabytes, and leaving them behind
                // filled the disk of the machine that runs the builds.
                SpringApplication.getShutdownHandlers().add(() -> {
                    server.close();
                    deleteRecursively(dir);
                });
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return server;
    }

    /**
     * Removes what test JVMs that were killed (a fork timeout, an interrupted build) left behind: directories of this
     * kind without a running server that are older than an hour (a younger one may belong to a fork starting now).
     */
    private static void deleteLeftovers(Path tmp) {
        var hourAgo = java.time.Instant.now().minus(java.time.Duration.ofHours(1));
        try (var dirs = Files.newDirectoryStream(tmp, "impactlab-test-pg*")) {
            for (Path old : dirs) {
                if (!Files.exists(old.resolve(EmbeddedPostgresLauncher.POSTGRES_DIRECTORY_NAME).resolve("postmaster.pid"))
                        && Files.getLastModifiedTime(old).toInstant().isBefore(hourAgo)) {
                    deleteRecursively(old);
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not look for old test database directories: " + e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not delete the test database directory " + dir + ": " + e);
        }
    }

    /** Points the context at a database of that name, created empty on first use. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        EmbeddedPostgresLauncher pg = server();
        createIfMissing(pg, database);
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + pg.port() + "/" + database);
        registry.add("spring.datasource.username", pg::username);
        registry.add("spring.datasource.password", () -> pg.password() == null ? "" : pg.password());
    }

    public static synchronized void createIfMissing(EmbeddedPostgresLauncher pg, String database) {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password() == null ? "" : pg.password())) {
            var rs = c.createStatement().executeQuery("select 1 from pg_database where datname = '" + database + "'");
            if (!rs.next()) {
                c.createStatement().execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
