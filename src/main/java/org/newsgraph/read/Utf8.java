package org.newsgraph.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Strict decoding of file bytes, with messages that say what the bytes are instead. Files are
 * UTF-8; a file that starts with a UTF-16 byte-order mark is UTF-16, which some Windows editors
 * save as "Unicode", and is decoded as such since the mark leaves no doubt.
 */
final class Utf8 {

    private Utf8() {
    }

    /** Thrown when bytes are not UTF-8 text; the message is a {@link ReadResult.Failure} problem. */
    static final class NotText extends Exception {
        NotText(String problem) {
            super(problem, null, false, false);
        }
    }

    /**
     * Why the whole file is not text, looking only at what decoding would not explain well: a
     * UTF-32 byte-order mark, a PDF document, or NUL bytes as in binary files.
     */
    static Optional<String> fileProblem(byte[] bytes) {
        if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
            return Optional.of("not UTF-8 text (it starts with a UTF-32 byte-order mark); convert it to UTF-8");
        }
        if (utf16(bytes).isPresent()) {
            return Optional.empty(); // every other character of UTF-16 Latin text is a NUL byte
        }
        if (startsWith(bytes, '%', 'P', 'D', 'F', '-')) {
            return Optional.of("a PDF document, not text; extract its text into a .txt file first");
        }
        for (byte b : bytes) {
            if (b == 0) {
                return Optional.of("binary file, not text (contains NUL bytes)");
            }
        }
        return Optional.empty();
    }

    /** UTF-16 with its byte order when {@code bytes} start with a UTF-16 byte-order mark. */
    static Optional<Charset> utf16(byte[] bytes) {
        if (startsWith(bytes, 0xFF, 0xFE) && !startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
            return Optional.of(StandardCharsets.UTF_16LE);
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        return Optional.empty();
    }

    /** The whole of a UTF-16 file, without its byte-order mark. */
    static String decodeUtf16(byte[] bytes, Charset charset) throws NotText {
        try {
            return newDecoder(charset).decode(ByteBuffer.wrap(bytes, 2, bytes.length - 2)).toString();
        } catch (CharacterCodingException e) {
            throw new NotText("not " + charset.name() + " text although it starts with a UTF-16 byte-order mark"
                    + " (a broken character); convert it to UTF-8");
        }
    }

    /**
     * The UTF-16 text of {@code in}, whose first two bytes are its byte-order mark, as UTF-8
     * bytes, decoded as they are read: a broken character throws a
     * {@link CharacterCodingException} from {@code read}.
     */
    static InputStream utf16AsUtf8(InputStream in, Charset charset) throws IOException {
        in.skipNBytes(2);
        Reader reader = new InputStreamReader(in, newDecoder(charset));
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
        return new InputStream() {
            private final CharBuffer chars = CharBuffer.allocate(8192);
            // A char is at most 3 bytes of UTF-8, a surrogate pair 4.
            private final ByteBuffer bytes = ByteBuffer.allocate(3 * 8192).flip();

            @Override
            public int read() throws IOException {
                return fill() ? bytes.get() & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                if (!fill()) {
                    return -1;
                }
                int n = Math.min(len, bytes.remaining());
                bytes.get(b, off, n);
                return n;
            }

            /** Whether bytes are ready, after encoding more characters if none was. */
            private boolean fill() throws IOException {
                while (!bytes.hasRemaining()) {
                    if (reader.read(chars) < 0) {
                        return false;
                    }
                    chars.flip();
                    bytes.clear();
                    // A high surrogate at the end waits in chars for its pair.
                    encoder.encode(chars, bytes, false);
                    bytes.flip();
                    chars.compact();
                }
                return true;
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        };
    }

    /** The length of a UTF-8 byte-order mark at the start of {@code bytes}: 3 or 0. */
    static int bomLength(byte[] bytes) {
        return startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
    }

    /** Decodes {@code bytes[from, to)}; offsets in messages count from the start of {@code bytes}. */
    static String decode(byte[] bytes, int from, int to) throws NotText {
        return decode(bytes, from, to, 0);
    }

    /**
     * Decodes {@code bytes[from, to)}, which start at {@code offsetOfBytes} in their file: the
     * offsets in messages are the file's.
     */
    static String decode(byte[] bytes, int from, int to, long offsetOfBytes) throws NotText {
        // A fresh decoder each time: decoders are stateful and not thread-safe.
        CharsetDecoder decoder = newDecoder(StandardCharsets.UTF_8);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            // The decoder leaves the buffer positioned at the first byte it could not decode.
            int offset = in.position();
            String detail = offset < to && !truncatedAtEnd(bytes, offset, to)
                    ? String.format("invalid byte 0x%02X at offset %d", bytes[offset] & 0xFF, offsetOfBytes + offset)
                    : "incomplete character at the end";
            throw new NotText("not UTF-8 text (" + detail + "); convert it to UTF-8");
        }
    }

    /** Whether {@code bytes[offset, to)} is the start of a multi-byte character cut off by the end. */
    private static boolean truncatedAtEnd(byte[] bytes, int offset, int to) {
        int lead = bytes[offset] & 0xFF;
        int length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 && lead < 0xF0 ? 3 : lead >= 0xC2 && lead < 0xE0 ? 2 : 0;
        if (length == 0 || to - offset >= length) {
            return false;
        }
        for (int i = offset + 1; i < to; i++) {
            if ((bytes[i] & 0xC0) != 0x80) {
                return false;
            }
        }
        return true;
    }

    private static CharsetDecoder newDecoder(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
