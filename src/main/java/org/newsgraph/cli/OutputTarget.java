package org.newsgraph.cli;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.newsgraph.error.NewsgraphException;

/**
 * Where a command writes its output: standard output, or a file that appears complete or not at
 * all. A file is written under a temporary name in the same folder and renamed over the target
 * by {@link #commit()}; a run that fails or is killed leaves the target as it was (and at worst a
 * {@code .part} file, replaced by the next run). A name ending in {@code .gz} is gzipped.
 */
final class OutputTarget implements AutoCloseable {

    private final Path target;
    private final Path partial;
    private final OutputStream stream;
    private boolean committed;

    private OutputTarget(Path target, Path partial, OutputStream stream) {
        this.target = target;
        this.partial = partial;
        this.stream = stream;
    }

    /** Standard output when {@code file} is null, else the file. */
    static OutputTarget open(Path file) {
        if (file == null) {
            return new OutputTarget(null, null, new BufferedOutputStream(new KeepOpen(System.out)));
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new NewsgraphException(file + ": folder " + parent + " does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new NewsgraphException(file + " is a folder; give a file name");
        }
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try {
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
                out = new GZIPOutputStream(out, 1 << 16);
            }
            return new OutputTarget(file, partial, out);
        } catch (IOException e) {
            throw new NewsgraphException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    OutputStream stream() {
        return stream;
    }

    /** Ends the output: the file now holds all of it. */
    void commit() {
        try {
            stream.close();
            if (target != null) {
                try {
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            committed = true;
        } catch (IOException e) {
            throw new NewsgraphException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Without {@link #commit()}: drops the partial file; the target keeps what it had. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            stream.close();
        } catch (IOException e) {
            // The output is abandoned anyway; the error that got us here is the one to report.
        }
        if (partial != null) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public String toString() {
        return target == null ? "standard output" : target.toString();
    }

    /** Standard output stays open after the writer is done, for anything printed later. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
