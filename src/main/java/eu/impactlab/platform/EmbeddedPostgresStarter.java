package eu.impactlab.platform;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Starts the embedded PostgreSQL on a background thread as soon as the bean factory is ready, so the database boots
 * (about 1–2 s, more with initdb on a first start) while Spring creates its beans; the launcher bean waits for it.
 */
class EmbeddedPostgresStarter implements BeanFactoryPostProcessor, DisposableBean {

    private final Path dataDirectory;
    private volatile CompletableFuture<EmbeddedPostgresLauncher> start;

    EmbeddedPostgresStarter(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        begin();
    }

    private synchronized CompletableFuture<EmbeddedPostgresLauncher> begin() {
        if (start == null) {
            start = CompletableFuture.supplyAsync(
                    () -> EmbeddedPostgresLauncher.start(dataDirectory, EmbeddedPostgresLauncher.Durability.DURABLE),
                    runnable -> {
                        Thread thread = new Thread(runnable, "embedded-postgres-start");
                        thread.setDaemon(true);
                        thread.start();
                    });
        }
        return start;
    }

    /** The running database; rethrows what stopped it from starting (e.g. the data directory is in use). */
    EmbeddedPostgresLauncher await() {
        try {
            return begin().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** When the context fails before the launcher bean took over, the database still gets stopped. */
    @Override
    public void destroy() {
        CompletableFuture<EmbeddedPostgresLauncher> running = start;
        if (running != null) {
            running.thenAccept(EmbeddedPostgresLauncher::close);
        }
    }
}
