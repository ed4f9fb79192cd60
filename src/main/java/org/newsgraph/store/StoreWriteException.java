package org.newsgraph.store;

import java.io.IOException;
import java.util.Optional;
import org.newsgraph.error.NewsgraphException;

/**
 * A database's files could not be written: the disk is full, or an I/O error. Unlike a bad
 * article, this stops a batch: the transaction was rolled back, so the store holds every article
 * stored before it, complete, and nothing of this one; writing on would only fail again, or worse.
 */
public final class StoreWriteException extends NewsgraphException {

    private StoreWriteException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The exception for {@code failure} of a write to the store named {@code store}, when it was
     * one of the files (an I/O error in its causes, or a fault in a memory-mapped file, which the
     * JVM raises as an {@link InternalError}); empty for any other failure.
     */
    static Optional<StoreWriteException> of(String store, Throwable failure) {
        Optional<String> reason = ioReason(failure);
        return reason.map(r -> new StoreWriteException("database " + store + " could not be written: " + r
                + "; this write was rolled back. Free disk space, then run the same command again:"
                + " the articles stored already are skipped", failure));
    }

    /** The same failure, its message starting with the article's source. */
    StoreWriteException about(String source) {
        return new StoreWriteException(source + ": " + getMessage(), getCause());
    }

    private static Optional<String> ioReason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return Optional.of(t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName());
            }
            if (t instanceof InternalError) {
                // What the JVM throws when a page of a memory-mapped file cannot be backed by the disk.
                return Optional.of("a memory-mapped file could not be written (No space left on device?)");
            }
        }
        return Optional.empty();
    }
}
