package org.newsgraph.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;

/**
 * The first filter of every request: sets {@code X-Content-Type-Options: nosniff}, refuses
 * writes when they are off, and refuses writes that a page of another site sends (a browser
 * that has the user's credentials would send them along; the {@code Origin} header tells).
 * Authentication itself is Jetty's, before this filter.
 *
 * <p>Writes are SPARQL Update ({@code /news/update}), ingest ({@code /news/ingest}) and every
 * method but GET, HEAD and OPTIONS on {@code /news/data} and on the dataset itself.
 */
final class RequestGuard implements Filter {

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String DATASET = "/" + NewsServer.DATASET;

    private final boolean writable;

    RequestGuard(boolean writable) {
        this.writable = writable;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (isWrite(request)) {
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
        chain.doFilter(req, res);
    }

    /** Whether {@code request} would change the store. */
    static boolean isWrite(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(DATASET + "/update") || path.startsWith(DATASET + "/update/")
                || path.equals(DATASET + "/ingest") || path.startsWith(DATASET + "/ingest/")) {
            return !request.getMethod().equals("OPTIONS");
        }
        boolean data = path.equals(DATASET) || path.equals(DATASET + "/")
                || path.equals(DATASET + "/data") || path.startsWith(DATASET + "/data/");
        return data && !READ_METHODS.contains(request.getMethod());
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
