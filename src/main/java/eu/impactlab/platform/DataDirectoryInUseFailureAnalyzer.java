package eu.impactlab.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a second instance on the same data directory into a plain "APPLICATION FAILED TO START" report. */
public class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
        String holder = cause.getHolderPid().isPresent() ? " (process " + cause.getHolderPid().getAsLong() + ")" : "";
        String description = "Another Impact Lab instance" + holder + " is already running with data directory "
                + cause.getDataDirectory() + ". Its embedded PostgreSQL database can be used by only one instance "
                + "at a time.";
        String action = "Stop the other instance, or set IMPACTLAB_DATA_DIR to another directory "
                + "(or set SPRING_DATASOURCE_URL to use a PostgreSQL server instead of the embedded one).";
        return new FailureAnalysis(description, action, cause);
    }
}
