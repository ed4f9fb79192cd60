package org.newsgraph.transfer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import org.newsgraph.error.NewsgraphException;

/**
 * What earlier pushes to one target sent: a text file of {@code graph-IRI TAB fingerprint} lines,
 * each appended and forced to disk once the store has accepted that graph. A push killed at any
 * point leaves every line complete but maybe the last, which is ignored; the next push skips the
 * graphs listed with their current fingerprint and sends the rest.
 */
final class PushJournal implements AutoCloseable {

    private final Path file;
    private final Map<String, String> sent;
    /** The file ends in a line a crash cut short: the next record starts on a line of its own. */
    private boolean cutShort;
    private FileChannel channel;

    private PushJournal(Path file, Map<String, String> sent, boolean cutShort) {
        this.file = file;
        this.sent = sent;
        this.cutShort = cutShort;
    }

    /** The journal in {@code file}, read if it exists; {@code fresh} forgets what it holds. */
    static PushJournal open(Path file, boolean fresh) {
        Map<String, String> sent = new HashMap<>();
        boolean cutShort = false;
        try {
            if (fresh) {
                Files.deleteIfExists(file);
            } else if (Files.exists(file)) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                cutShort = !text.isEmpty() && !text.endsWith("\n");
                for (String line : text.split("\n")) {
                    String[] cols = line.split("\t");
                    if (cols.length == 2 && cols[1].length() == 64) {
                        sent.put(cols[0], cols[1]);
                    }
                }
            }
        } catch (IOException e) {
            throw new NewsgraphException("cannot read push journal " + file + ": " + e.getMessage(), e);
        }
        return new PushJournal(file, sent, cutShort);
    }

    /** Whether graph {@code g} was sent with these very triples. */
    boolean has(OutgoingGraph g) {
        return g.fingerprint().equals(sent.get(g.name().getURI()));
    }

    /** Records that the store holds {@code g}, durably, before the push goes on. */
    void record(OutgoingGraph g) {
        String line = (cutShort ? "\n" : "") + g.name().getURI() + "\t" + g.fingerprint() + "\n";
        try {
            if (channel == null) {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            }
            channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
            cutShort = false;
            sent.put(g.name().getURI(), g.fingerprint());
        } catch (IOException e) {
            throw new NewsgraphException("cannot write push journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** Forgets graph {@code name}, which the store turned out not to hold as we sent it. */
    void forget(org.apache.jena.graph.Node name) {
        sent.remove(name.getURI());
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                throw new NewsgraphException("cannot close push journal " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
