package org.newsgraph.server;

import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Puts {@link ServerLimits} on a Jetty server before it starts: an idle timeout and a connection
 * cap on its connectors, and in front of its handler, outermost first:
 *
 * <ol>
 * <li>{@link LoginThrottle}, so that guessed passwords cost the guesser;</li>
 * <li>a size check and an eager read of every body, without a thread, so that a client that sends
 *     headers and then its body slowly (or never) holds a connection but no worker, and loses
 *     that too when the body has not all come within the idle timeout: a read's body larger than
 *     {@link ServerLimits#eagerBodyBytes()} is answered 413; a write's larger body is read by the
 *     write, which has the user's credentials;</li>
 * <li>{@link FairQueue}, which bounds the reads that run at once, per client and in all.</li>
 * </ol>
 *
 * {@code /healthz} and writes pass the queue: they have their own room in the thread pool.
 */
final class TrafficControl {

    private TrafficControl() {
    }

    /** A running server's queue, for its health answer. */
    record Installed(FairQueue queue) {
    }

    static Installed install(Server server, ServerLimits limits) {
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof AbstractConnector c) {
                c.setIdleTimeout(limits.idleTimeout().toMillis());
            }
            HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null) {
                HttpConfiguration config = http.getHttpConfiguration();
                config.setIdleTimeout(limits.idleTimeout().toMillis());
            }
        }
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), server));

        Predicate<Request> write = TrafficControl::isWrite;
        // A write without credentials is refused at once; with false ones, by the security handler.
        Predicate<Request> passesQueue = write.and(r -> r.getHeaders().contains(HttpHeader.AUTHORIZATION))
                .or(r -> "/healthz".equals(Request.getPathInContext(r)));
        FairQueue queue = new FairQueue(limits, passesQueue);
        queue.setHandler(server.getHandler());
        Handler bodyArrived = new BodyArrived(queue);

        EagerContentHandler writeBodies = new EagerContentHandler(bodyArrived,
                new EagerContentHandler.RetainedContentLoaderFactory(limits.eagerBodyBytes(), -1, false));
        writeBodies.include(write);
        EagerContentHandler readBodies = new EagerContentHandler(writeBodies,
                new EagerContentHandler.RetainedContentLoaderFactory(limits.eagerBodyBytes(), -1, true));
        readBodies.exclude(write);
        Handler bodyDeadline = new BodyDeadline(limits.idleTimeout().toMillis(), readBodies);
        Handler readSize = new ReadBodySize(limits.eagerBodyBytes(), bodyDeadline);
        LoginThrottle throttle = new LoginThrottle(limits);
        throttle.setHandler(readSize);
        server.setHandler(throttle);
        return new Installed(queue);
    }

    /** {@link RequestGuard#isWrite} for a request before the servlets. */
    static boolean isWrite(Request request) {
        return RequestGuard.isWrite(Request.getPathInContext(request), request.getMethod());
    }

    private static final String DEADLINE = BodyDeadline.class.getName();

    /**
     * Closes the connection of a request whose body has not all come within {@code millis}.
     * Jetty's idle timeout does not: a read that times out while the body is read eagerly is
     * tried again, and the connection would stay open for as long as the client likes.
     */
    private static final class BodyDeadline extends Handler.Wrapper {
        private final long millis;

        BodyDeadline(long millis, Handler next) {
            super(next);
            this.millis = millis;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            if (request.getLength() != 0) {
                org.eclipse.jetty.io.EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
                Scheduler.Task task = request.getComponents().getScheduler()
                        .schedule(endPoint::close, millis, TimeUnit.MILLISECONDS);
                request.setAttribute(DEADLINE, task);
            }
            return super.handle(request, response, callback);
        }
    }

    /** Where a request's body has come: its {@link BodyDeadline} is off. */
    private static final class BodyArrived extends Handler.Wrapper {
        BodyArrived(Handler next) {
            super(next);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            if (request.removeAttribute(DEADLINE) instanceof Scheduler.Task task) {
                task.cancel();
            }
            return super.handle(request, response, callback);
        }
    }

    /**
     * Answers 413 at once to a read whose declared body is over the limit: the eager read that
     * rejects a larger body waits for the body first, and the client need not send it.
     */
    private static final class ReadBodySize extends Handler.Wrapper {
        private final long maxBytes;

        ReadBodySize(long maxBytes, Handler next) {
            super(next);
            this.maxBytes = maxBytes;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            if (request.getLength() > maxBytes && !isWrite(request)) {
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
                Response.writeError(request, response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413,
                        "request body over the limit of " + maxBytes + " bytes for a query");
                return true;
            }
            return super.handle(request, response, callback);
        }
    }
}
