package org.newsgraph.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.dboe.DBOpEnvException;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.newsgraph.error.NewsgraphException;
import org.newsgraph.error.StoreLockedException;

/**
 * The folder of a TDB2 database as {@link GraphStore} opens it: what may become a database,
 * what holds one, and TDB2's errors on opening turned into messages that say what to do.
 */
final class StoreFolder {

    private static final Pattern LOCK_HOLDER = Pattern.compile("held by process (\\d+)");
    private static final Pattern TDB2_DATA = Pattern.compile("Data-\\d+");
    private static final String TDB2_LOCK = "tdb.lock";

    /** The real path of a folder that holds a TDB2 database or may become one. */
    static Path prepareFolder(Path dir) {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new NewsgraphException("database " + dir + " is not a folder; give a new folder or one made by newsgraph");
            }
            if (Files.isDirectory(dir) && !isDatabaseOrEmpty(dir)) {
                throw new NewsgraphException("database " + dir + " holds files that are not a TDB2 database;"
                        + " give a new or empty folder, or one made by newsgraph");
            }
            Files.createDirectories(dir);
            return dir.toRealPath();
        } catch (IOException e) {
            throw new NewsgraphException("cannot create or open database folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean isDatabaseOrEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            List<String> names = entries.map(p -> p.getFileName().toString()).toList();
            return names.stream().allMatch(TDB2_LOCK::equals)
                    || names.stream().anyMatch(n -> TDB2_DATA.matcher(n).matches());
        }
    }

    static boolean holdsDatabase(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.anyMatch(p -> TDB2_DATA.matcher(p.getFileName().toString()).matches());
        } catch (IOException e) {
            throw new NewsgraphException("cannot read database folder " + dir + ": " + e.getMessage(), e);
        }
    }

    static DatasetGraph connect(Path given, Path folder) {
        try {
            return DatabaseMgr.connectDatasetGraph(Location.create(folder.toString()));
        } catch (DBOpEnvException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("Failed to get a lock")) {
                Matcher holder = LOCK_HOLDER.matcher(message);
                String process = holder.find() ? " (process " + holder.group(1) + ")" : "";
                throw new StoreLockedException("database " + given + " is in use by another newsgraph process" + process
                        + "; TDB2 allows one process per database: wait for it to finish, stop it, or use another folder", e);
            }
            throw new NewsgraphException("cannot open database " + given + ": " + message, e);
        } catch (RuntimeException e) {
            throw new NewsgraphException("cannot open database " + given + ": " + e.getMessage(), e);
        }
    }

    private StoreFolder() {
    }
}
