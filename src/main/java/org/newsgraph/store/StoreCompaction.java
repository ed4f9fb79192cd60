package org.newsgraph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.jena.tdb2.DatabaseMgr;
import org.newsgraph.error.NewsgraphException;

/**
 * Compacts a store's TDB2 folder: TDB2 never gives back the space of what a write replaced
 * (every article ingested again leaves its old graph's nodes and index blocks behind), so a
 * store that is kept up to date grows without end. Compaction writes the live data into a new
 * generation ({@code Data-000N}) and deletes the old one; the store stays open and readable
 * meanwhile, and writers wait.
 */
public final class StoreCompaction {

    private StoreCompaction() {
    }

    /** The folder's size before and after, in bytes, and how long it took. */
    public record Result(long bytesBefore, long bytesAfter, long nanos) {
    }

    /**
     * Compacts {@code store}, which must be on disk; call it outside any transaction.
     *
     * @throws NewsgraphException for a store in memory, or when the folder cannot be read
     */
    public static Result compact(GraphStore store) {
        Path folder = store.folder().orElseThrow(
                () -> new NewsgraphException("a store in memory has nothing to compact"));
        long before = size(folder);
        long start = System.nanoTime();
        DatabaseMgr.compact(store.dataset(), true);
        return new Result(before, size(folder), System.nanoTime() - start);
    }

    /** The bytes of every file under {@code folder}. */
    static long size(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            throw new NewsgraphException("cannot measure the database folder " + folder + ": " + e.getMessage(), e);
        }
    }
}
