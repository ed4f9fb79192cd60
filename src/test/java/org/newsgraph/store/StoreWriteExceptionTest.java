package org.newsgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.jena.dboe.DBOpEnvException;
import org.junit.jupiter.api.Test;

/** Which failures of a write are the files' (stop the batch) and which are the article's. */
class StoreWriteExceptionTest {

    @Test
    void anIoErrorAmongTheCausesIsTheFilesAndNamesTheReason() {
        RuntimeException tdb = new DBOpEnvException("NodeTableThrift/Write",
                new UncheckedIOException(new IOException("No space left on device")));

        String message = StoreWriteException.of("news-db", tdb).orElseThrow().getMessage();

        assertEquals("database news-db could not be written: No space left on device; this write was rolled back. "
                + "Free disk space, then run the same command again: the articles stored already are skipped", message);
    }

    @Test
    void aFaultInAMemoryMappedFileIsTheFiles() {
        InternalError fault = new InternalError("a fault occurred in an unsafe memory access operation");

        StoreWriteException e = StoreWriteException.of("news-db", fault).orElseThrow();

        assertTrue(e.getMessage().contains("a memory-mapped file could not be written (No space left on device?)"), e.getMessage());
        assertTrue(e.about("feed.jsonl:3").getMessage().startsWith("feed.jsonl:3: database news-db could not be written"));
    }

    @Test
    void anyOtherFailureIsNot() {
        assertEquals(Optional.empty(), StoreWriteException.of("news-db", new IllegalArgumentException("bad literal")));
    }
}
