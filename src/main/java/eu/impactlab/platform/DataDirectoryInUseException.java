package eu.impactlab.platform;

import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Another process (or another launcher in this JVM) already holds the data directory's lock, so this instance must
 * not start a second PostgreSQL on the same data.
 */
public class DataDirectoryInUseException extends RuntimeException {

    private final transient Path dataDirectory;
    private final Long holderPid;

    public DataDirectoryInUseException(Path dataDirectory, OptionalLong holderPid) {
        super(message(dataDirectory, holderPid));
        this.dataDirectory = dataDirectory;
        this.holderPid = holderPid.isPresent() ? holderPid.getAsLong() : null;
    }

    private static String message(Path dataDirectory, OptionalLong holderPid) {
        return "Another Impact Lab instance is already running with data directory " + dataDirectory
                + (holderPid.isPresent() ? " (process " + holderPid.getAsLong() + ")" : "")
                + "; stop it or set IMPACTLAB_DATA_DIR to another directory.";
    }

    /** The data directory that is in use, as an absolute path. */
    public Path getDataDirectory() {
        return dataDirectory;
    }

    /** The process id the other instance wrote into the lock file, when it could be read. */
    public OptionalLong getHolderPid() {
        return holderPid == null ? OptionalLong.empty() : OptionalLong.of(holderPid);
    }
}
