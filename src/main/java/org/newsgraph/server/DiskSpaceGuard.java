package org.newsgraph.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Answers 507 Insufficient Storage to a write when the store's disk is (nearly) full, whichever
 * write it is (SPARQL Update, Graph Store PUT, POST and DELETE, ingest): before the write, when
 * less than {@code minFreeBytes} beside the body is free; and after it, in place of the 500
 * Fuseki would answer, when the write failed and the disk has less than that left. TDB2 rolls
 * the failed write back, so the store holds what it held before.
 */
final class DiskSpaceGuard implements Filter {

    private final Path folder;
    private final long minFreeBytes;

    DiskSpaceGuard(Path folder, long minFreeBytes) {
        this.folder = folder;
        this.minFreeBytes = minFreeBytes;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (!RequestGuard.isWrite(request)) {
            chain.doFilter(req, res);
            return;
        }
        long free = freeBytes();
        long needed = minFreeBytes + Math.max(0, request.getContentLengthLong());
        if (free < needed) {
            noSpace(response, free);
            return;
        }
        chain.doFilter(req, new HttpServletResponseWrapper(response) {
            @Override
            public void setStatus(int sc) {
                if (sc == SC_INTERNAL_SERVER_ERROR && diskLow()) {
                    sc = 507;
                }
                super.setStatus(sc);
            }

            @Override
            public void sendError(int sc, String msg) throws IOException {
                if (sc == SC_INTERNAL_SERVER_ERROR && diskLow()) {
                    super.sendError(507, message(freeBytes()));
                    return;
                }
                super.sendError(sc, msg);
            }

            @Override
            public void sendError(int sc) throws IOException {
                sendError(sc, null);
            }
        });
    }

    /** After a failed write: whether the disk is why (with no margin asked for, under 1 MB left). */
    private boolean diskLow() {
        return freeBytes() < Math.max(minFreeBytes, 1024 * 1024);
    }

    private long freeBytes() {
        try {
            return Files.getFileStore(folder).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE; // cannot tell: let the write try
        }
    }

    private String message(long free) {
        return "the store's disk is full: " + free / 1024 + " KB free, a write needs at least "
                + minFreeBytes / 1024 + " KB beside its body; nothing was written";
    }

    private void noSpace(HttpServletResponse response, long free) throws IOException {
        response.setStatus(507);
        response.setHeader("Connection", "close"); // the body is not read
        response.setContentType("text/plain;charset=utf-8");
        response.getWriter().println(message(free));
    }
}
