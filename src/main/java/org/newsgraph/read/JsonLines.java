package org.newsgraph.read;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.List;
import java.util.Optional;

/**
 * The articles of one JSONL file, read a line at a time: a feed of any length takes the memory
 * of one line, and a line longer than the limit is skipped over without being held, failing
 * alone. Lines are split on bytes, so that one badly encoded line fails alone; 0x0A never occurs
 * inside a multi-byte UTF-8 character. What the whole file is (binary, a PDF, UTF-16) is told
 * from its first {@value #HEAD_BYTES} bytes, as {@code file(1)} does.
 *
 * <p>Not thread-safe; the stream is closed at the end, on the first read error, or by
 * {@link #close}.
 */
final class JsonLines implements Iterator<ReadResult>, Closeable {

    /** How much of the start of a file tells what the file is. */
    static final int HEAD_BYTES = 64 * 1024;

    private static final int CHUNK = 64 * 1024;
    /** The longest line a Java array holds. */
    private static final long LONGEST_ARRAY = Integer.MAX_VALUE - 16;

    private final InputStream in;
    private final String base;
    private final String source;
    private final long maxLineBytes;
    private final ArticleParser parser;
    private final Optional<Charset> utf16;

    private final byte[] chunk = new byte[CHUNK];
    private int chunkPos;
    private int chunkEnd;
    /** The bytes of the current line, at most {@code maxLineBytes} of them. */
    private byte[] line = new byte[256];
    private int lineLength;
    /** The whole length of the current line, held or not. */
    private long lineBytes;
    private long lineNumber;
    /** Where the current line starts in the file, for the offsets in decoding errors. */
    private long lineOffset;
    private long offset;

    private ReadResult next;
    private boolean done;

    private JsonLines(InputStream in, long start, String base, String source, long maxLineBytes,
            ArticleParser parser, Optional<Charset> utf16) {
        this.in = in;
        this.offset = start;
        this.base = base;
        this.source = source;
        this.maxLineBytes = Math.min(maxLineBytes, LONGEST_ARRAY);
        this.parser = parser;
        this.utf16 = utf16;
    }

    /**
     * The articles of the JSONL file {@code in}, which this closes; line {@code n} is
     * {@code <source>:n}, its id {@code <base>-n} unless it has one.
     */
    static Iterator<ReadResult> open(InputStream in, String base, String source, long maxLineBytes, ArticleParser parser) {
        byte[] head;
        try {
            head = in.readNBytes(HEAD_BYTES);
        } catch (IOException e) {
            closeQuietly(in);
            return only(ReadResult.failure(source, "cannot read: " + SourceFinder.reason(e)));
        }
        Optional<String> problem = Utf8.fileProblem(head);
        if (problem.isPresent()) {
            closeQuietly(in);
            return only(ReadResult.failure(source, problem.get()));
        }
        Optional<Charset> utf16 = Utf8.utf16(head);
        InputStream whole = new SequenceInputStream(new ByteArrayInputStream(head), in);
        int bom = utf16.isPresent() ? 0 : Utf8.bomLength(head);
        try {
            // Re-encoded as UTF-8 so that the line splitting has one kind of input to handle.
            InputStream utf8 = utf16.isPresent() ? Utf8.utf16AsUtf8(whole, utf16.get()) : whole;
            utf8.skipNBytes(bom);
            return new JsonLines(utf8, bom, base, source, maxLineBytes, parser, utf16);
        } catch (IOException e) {
            throw new UncheckedIOException("skipping a byte-order mark already in memory", e);
        }
    }

    private static Iterator<ReadResult> only(ReadResult result) {
        return List.of(result).iterator();
    }

    @Override
    public boolean hasNext() {
        while (next == null && !done) {
            next = nextResult();
        }
        return next != null;
    }

    @Override
    public ReadResult next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ReadResult result = next;
        next = null;
        return result;
    }

    /** The result of the next line; {@code null} for a blank line and at the end. */
    private ReadResult nextResult() {
        boolean read;
        try {
            read = readLine();
        } catch (CharacterCodingException e) {
            return fail(source + ":" + (lineNumber + 1), "not " + utf16.map(Charset::name).orElse("UTF-8")
                    + " text although it starts with a UTF-16 byte-order mark (a broken character); convert it to UTF-8");
        } catch (IOException e) {
            return fail(source + ":" + (lineNumber + 1), "cannot read: " + SourceFinder.reason(e));
        }
        if (!read) {
            close();
            return null;
        }
        lineNumber++;
        String lineSource = source + ":" + lineNumber;
        if (lineBytes > maxLineBytes) {
            return ReadResult.failure(lineSource, ArticleReader.tooLong(lineBytes, maxLineBytes));
        }
        try {
            String text = Utf8.decode(line, 0, lineLength, lineOffset);
            return TextRules.isBlank(text) ? null : parser.parseJsonLine(text, lineSource, base + "-" + lineNumber);
        } catch (Utf8.NotText e) {
            return ReadResult.failure(lineSource, e.getMessage());
        }
    }

    private ReadResult fail(String where, String problem) {
        close();
        return ReadResult.failure(where, problem);
    }

    /**
     * Reads the next line into {@link #line}, without its {@code \n} or {@code \r\n}: whether
     * there was one before the end of the file.
     */
    private boolean readLine() throws IOException {
        lineLength = 0;
        lineBytes = 0;
        lineOffset = offset;
        boolean any = false;
        int last = -1;
        while (true) {
            if (chunkPos == chunkEnd) {
                int n = in.read(chunk);
                if (n < 0) {
                    return any && trimmed(last);
                }
                chunkPos = 0;
                chunkEnd = n;
                continue;
            }
            any = true;
            int end = chunkPos;
            while (end < chunkEnd && chunk[end] != '\n') {
                end++;
            }
            hold(chunkPos, end);
            if (end > chunkPos) {
                last = chunk[end - 1];
            }
            boolean lineEnds = end < chunkEnd;
            offset += end - chunkPos + (lineEnds ? 1 : 0);
            chunkPos = lineEnds ? end + 1 : end;
            if (lineEnds) {
                return trimmed(last);
            }
        }
    }

    /** Drops a {@code \r} that ended the line, whose last byte was {@code last}; true. */
    private boolean trimmed(int last) {
        if (last == '\r') {
            lineBytes--;
            lineLength = (int) Math.min(lineLength, lineBytes);
        }
        return true;
    }

    /** Adds {@code chunk[from, to)} to the line, holding no more than the limit and a byte. */
    private void hold(int from, int to) {
        lineBytes += to - from;
        int room = (int) Math.max(0, Math.min(to - from, maxLineBytes + 1 - lineLength));
        if (room == 0) {
            return;
        }
        if (lineLength + room > line.length) {
            line = Arrays.copyOf(line, (int) Math.min(Math.max(2L * line.length, lineLength + room), maxLineBytes + 1));
        }
        System.arraycopy(chunk, from, line, lineLength, room);
        lineLength += room;
    }

    @Override
    public void close() {
        done = true;
        closeQuietly(in);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // nothing was written; there is nothing to lose
        }
    }
}
