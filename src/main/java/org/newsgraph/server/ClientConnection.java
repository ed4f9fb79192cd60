package org.newsgraph.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.util.BufferUtil;

/**
 * Whether the client of a request is still there, asked while its query runs. Jetty does not
 * read from an HTTP/1.1 connection while a blocking servlet handles its request, so a client
 * that closes its socket is noticed only when the answer is written, after the whole query
 * has run. {@link #goneCheck} reads from the connection without waiting instead: end of input
 * (or a reset) means the client has closed it.
 *
 * <p>Used only once the request body has been read, and only on plain HTTP/1.1 connections
 * (not TLS or HTTP/2, where the bytes belong to another layer). Two limits of the method: a
 * client that half-closes its side (shutting down output while it waits for the answer) is
 * taken as gone; a byte of a pipelined next request, if one has arrived, is consumed, so the
 * check stops there and the connection is closed after this answer ({@link Probe#stopBeforeAnswer}).
 */
final class ClientConnection {

    private ClientConnection() {
    }

    /** A check of the connection of {@code request}; one that always says "there" when it cannot tell. */
    static Probe goneCheck(HttpServletRequest request) {
        ServletContextRequest core = ServletContextRequest.getServletContextRequest(request);
        EndPoint endPoint = core == null ? null : core.getConnectionMetaData().getConnection().getEndPoint();
        return new Probe(endPoint instanceof SocketChannelEndPoint plain ? plain : null);
    }

    /** Says whether the client has gone; asked from the watchdog's thread. */
    static final class Probe implements BooleanSupplier {
        private final EndPoint endPoint;
        private final ByteBuffer one = BufferUtil.allocate(1);
        private volatile boolean tookInput;
        private boolean stopped;

        private Probe(EndPoint endPoint) {
            this.endPoint = endPoint;
        }

        @Override
        public synchronized boolean getAsBoolean() {
            if (endPoint == null || tookInput || stopped) {
                return false;
            }
            if (!endPoint.isOpen() || endPoint.isInputShutdown()) {
                return true;
            }
            if (endPoint.isFillInterested()) {
                return false; // Jetty is reading the connection itself
            }
            try {
                BufferUtil.clear(one);
                int read = endPoint.fill(one);
                if (read > 0) {
                    tookInput = true;
                }
                return read < 0;
            } catch (IOException e) {
                return true;
            }
        }

        /**
         * No more reads: call when the query has ended, before the answer is complete, so that
         * a read cannot take the start of the client's next request on a kept-alive connection.
         * Waits for a read under way.
         */
        synchronized void stop() {
            stopped = true;
        }

        /**
         * No more reads, as {@link #stop}, and when a read took a byte of the client's next
         * request, {@code response} closes the connection after it: that request cannot be read
         * whole from it. Call before the answer is sent.
         */
        void stopBeforeAnswer(HttpServletResponse response) {
            stop();
            if (tookInput) {
                response.setHeader("Connection", "close");
            }
        }
    }
}
