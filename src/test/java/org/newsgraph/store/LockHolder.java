package org.newsgraph.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A second process for the locking test: opens the database folder given as argument, prints
 * "open" and keeps it open until its standard input ends.
 */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws IOException {
        try (GraphStore store = GraphStore.open(Path.of(args[0]))) {
            System.out.println("open " + store.articleIds().size());
            System.out.flush();
            while (System.in.read() >= 0) {
                // Hold the database until the test closes our standard input.
            }
        }
    }
}
