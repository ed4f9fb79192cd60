package org.newsgraph.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket from a chosen loopback address, so that a test can be several
 * clients (127.0.0.1, 127.0.0.2, ...) and can send a request that never ends.
 */
final class RawHttp implements AutoCloseable {

    private final Socket socket;

    private RawHttp(Socket socket) {
        this.socket = socket;
    }

    /** Connects to {@code port} on 127.0.0.1 from {@code from} (any 127.x.y.z works on Linux). */
    static RawHttp connect(String from, int port) throws IOException {
        Socket s = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0);
        s.setSoTimeout(60_000);
        return new RawHttp(s);
    }

    /** Sends text as it is (CRLFs and all). */
    RawHttp send(String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return this;
    }

    /** Sends bytes as they are. */
    RawHttp sendBytes(byte[] bytes) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Sends a whole GET and returns this, to read the answer with {@link #answer()}. */
    RawHttp get(String target, String... headers) throws IOException {
        StringBuilder b = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        for (String h : headers) {
            b.append(h).append("\r\n");
        }
        return send(b.append("\r\n").toString());
    }

    /** Reads until the server closes the connection (the requests asked for {@code Connection: close}). */
    Answer answer() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                all.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new IOException("no end of the answer within " + socket.getSoTimeout() + " ms: " + all, e);
        }
        return new Answer(all.toString(StandardCharsets.UTF_8));
    }

    /**
     * Reads the answer to its end, keeping only the status line's code and counting the rest, so
     * that a huge answer costs this side nothing: {@code [status, bytes]}; status -1 when the
     * server closed without an answer.
     */
    long[] discard() throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buf = new byte[65536];
        long bytes = 0;
        StringBuilder head = new StringBuilder();
        for (int n; (n = in.read(buf)) >= 0; ) {
            if (head.length() < 12) {
                head.append(new String(buf, 0, Math.min(n, 12), StandardCharsets.ISO_8859_1));
            }
            bytes += n;
        }
        String h = head.toString();
        int status = h.startsWith("HTTP/1.1 ") && h.length() >= 12 ? Integer.parseInt(h.substring(9, 12)) : -1;
        return new long[] {status, bytes};
    }

    /** Whether the server closed the connection within {@code millis}: reads return end of stream. */
    boolean closedWithin(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[8192];
            while (in.read(buf) >= 0) {
                // an error answer may come first
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** What the server sent: status line, headers and body. */
    record Answer(String text) {
        int status() {
            if (!text.startsWith("HTTP/1.1 ")) {
                throw new AssertionError("not an HTTP answer: '" + text + "'");
            }
            return Integer.parseInt(text.substring(9, 12));
        }

        String header(String name) {
            for (String line : text.substring(0, Math.max(0, text.indexOf("\r\n\r\n"))).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        String body() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? "" : text.substring(end + 4);
        }
    }
}
