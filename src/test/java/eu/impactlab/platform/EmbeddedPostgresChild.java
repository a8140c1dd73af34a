package eu.impactlab.platform;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Run in a child JVM by {@link EmbeddedPostgresLauncherTest}: starts a durable launcher on the directory given as the
 * only argument, commits a row, prints {@code READY <port>} and waits to be killed. If the parent goes away (its end
 * of our standard input closes) or after two minutes, it shuts down cleanly, so a failed test leaves nothing running.
 */
public final class EmbeddedPostgresChild {

    public static final String ROW = "written by the child";

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresLauncher launcher = EmbeddedPostgresLauncher.start(Path.of(args[0]));
        try (Connection connection = DriverManager.getConnection(launcher.jdbcUrl(), launcher.username(), null);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE crash_test (note text)");
            statement.execute("INSERT INTO crash_test VALUES ('" + ROW + "')");
        }
        System.out.println("READY " + launcher.port());
        System.out.flush();
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // wait for the parent's end of the pipe to close
                }
            } catch (Exception ignored) {
                // treat like a closed pipe
            }
            launcher.close();
            Runtime.getRuntime().halt(0);
        });
        watchdog.setDaemon(true);
        watchdog.start();
        Thread.sleep(120_000);
        launcher.close();
        Runtime.getRuntime().halt(0);
    }
}
