package org.newsgraph.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * The first filter of every request: sets {@code X-Content-Type-Options: nosniff}, answers 413
 * to a body over the size limit (before anything parses it; a gzip or deflate body is inflated
 * here, up to the limit, and passed on inflated), refuses writes when they are off, and refuses writes that a page of another site sends (a browser
 * that has the user's credentials would send them along; the {@code Origin} header tells).
 * Authentication itself is Jetty's, before this filter.
 *
 * <p>Writes are SPARQL Update ({@code /news/update}), ingest ({@code /news/ingest}) and every
 * method but GET, HEAD and OPTIONS on {@code /news/data} and on the dataset itself.
 */
final class RequestGuard implements Filter {

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String DATASET = "/" + NewsServer.DATASET;

    /** Content-Encodings of a request body that are inflated here, within the limit. */
    private static final Set<String> COMPRESSED = Set.of("gzip", "x-gzip", "deflate");

    private final boolean writable;
    private final long maxBodyBytes;
    private final long maxQueryBodyBytes;

    /**
     * @param maxBodyBytes      the largest body of a write, inflated
     * @param maxQueryBodyBytes the largest body of any other request (a query), inflated
     */
    RequestGuard(boolean writable, long maxBodyBytes, long maxQueryBodyBytes) {
        this.writable = writable;
        this.maxBodyBytes = maxBodyBytes;
        this.maxQueryBodyBytes = maxQueryBodyBytes;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        response.setHeader("X-Content-Type-Options", "nosniff");
        boolean write = isWrite(request);
        long limit = write ? maxBodyBytes : Math.min(maxBodyBytes, maxQueryBodyBytes);
        long length = request.getContentLengthLong();
        if (length > limit) {
            tooLarge(response, limit, "");
            return;
        }
        String type = request.getContentType();
        boolean form = type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
        String encoding = request.getHeader("Content-Encoding");
        boolean compressed = encoding != null && COMPRESSED.contains(encoding.strip().toLowerCase(Locale.ROOT));
        boolean chunked = length < 0 && request.getHeader("Transfer-Encoding") != null;
        if ((chunked || compressed) && !form) {
            // A chunked body has no length to check up front, and a compressed one may inflate
            // to any size: read it here, up to the limit, so that no parser downstream meets the
            // end of the limit halfway (it would answer 500). Forms are Jetty's to read, with
            // its own limit of 200 KB.
            byte[] body;
            try {
                body = readUpTo(request, compressed ? encoding.strip().toLowerCase(Locale.ROOT) : null, limit + 1);
            } catch (ZipException e) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST,
                        "the body is not " + encoding + " as its Content-Encoding says: " + e.getMessage());
                return;
            }
            if (body.length > limit) {
                tooLarge(response, limit, compressed ? ", inflated," : "");
                return;
            }
            request = new BufferedBody(request, body, compressed);
        }
        if (write) {
            if (!writable) {
                refuse(response, "writes are off on this server: start it with --password-file FILE or the "
                        + "environment variable NEWSGRAPH_PASSWORD to allow updates and ingest");
                return;
            }
            if (isCrossOrigin(request)) {
                refuse(response, "writes from a page of another site are refused (Origin "
                        + request.getHeader("Origin") + ")");
                return;
            }
        }
        chain.doFilter(request, res);
    }

    /** At most {@code max} bytes of the body, inflated when {@code encoding} is not null. */
    private static byte[] readUpTo(HttpServletRequest request, String encoding, long max) throws IOException {
        InputStream in = request.getInputStream();
        if ("deflate".equals(encoding)) {
            in = new InflaterInputStream(in);
        } else if (encoding != null) {
            in = new GZIPInputStream(in);
        }
        return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max));
    }

    private static void tooLarge(HttpServletResponse response, long limit, String how) throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        // The rest of the body is not read, so the connection cannot carry another request.
        response.setHeader("Connection", "close");
        response.setContentType("text/plain;charset=utf-8");
        response.getWriter().println("request body" + how + " over the limit of " + limit + " bytes");
    }

    /** A request whose body was read into memory already. */
    private static final class BufferedBody extends HttpServletRequestWrapper {
        private final byte[] body;
        private final boolean inflated;

        BufferedBody(HttpServletRequest request, byte[] body, boolean inflated) {
            super(request);
            this.body = body;
            this.inflated = inflated;
        }

        /** An inflated body has no Content-Encoding left: hidden, so nothing inflates it twice. */
        private boolean hidden(String name) {
            return inflated && "Content-Encoding".equalsIgnoreCase(name);
        }

        @Override
        public String getHeader(String name) {
            return hidden(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = Collections.list(super.getHeaderNames());
            names.removeIf(this::hidden);
            return Collections.enumeration(names);
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    /** Whether {@code request} would change the store. */
    static boolean isWrite(HttpServletRequest request) {
        return isWrite(request.getRequestURI().substring(request.getContextPath().length()), request.getMethod());
    }

    /** Whether a request of {@code method} on {@code path} (within the context) would change the store. */
    static boolean isWrite(String path, String method) {
        if (path.equals(DATASET + "/update") || path.startsWith(DATASET + "/update/")
                || path.equals(DATASET + "/ingest") || path.startsWith(DATASET + "/ingest/")) {
            return !method.equals("OPTIONS");
        }
        boolean data = path.equals(DATASET) || path.equals(DATASET + "/")
                || path.equals(DATASET + "/data") || path.startsWith(DATASET + "/data/");
        return data && !READ_METHODS.contains(method);
    }

    private static boolean isCrossOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null || origin.isEmpty()) {
            return false;
        }
        try {
            URI o = URI.create(origin);
            int port = o.getPort() >= 0 ? o.getPort() : ("https".equals(o.getScheme()) ? 443 : 80);
            return !(request.getServerName().equalsIgnoreCase(o.getHost()) && request.getServerPort() == port);
        } catch (IllegalArgumentException e) {
            return true; // "null" and other opaque origins
        }
    }

    private static void refuse(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/plain;charset=utf-8");
        response.getWriter().println(message);
    }
}
