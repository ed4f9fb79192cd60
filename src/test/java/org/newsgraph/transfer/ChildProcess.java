package org.newsgraph.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server started as a child process, its output (stdout and stderr) in one log file. It dies
 * with {@link #stop()}, or with the JVM through a shutdown hook, so a failed or interrupted test
 * run leaves no store behind. A SIGKILL of the JVM runs no hooks: for that, the server runs
 * under a small shell that kills it when the pipe from the JVM closes, which the kernel does
 * whenever the JVM ends.
 *
 * <pre>{@code
 * ChildProcess p = ChildProcess.start("virtuoso", List.of("virtuoso-t", "+foreground"), dir, dir.resolve("out.log"));
 * p.awaitHttp(URI.create("http://127.0.0.1:8890/sparql"), Duration.ofSeconds(120));
 * }</pre>
 */
final class ChildProcess {

    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
    /**
     * Runs its arguments with an empty standard input and waits for them; a background reader
     * of the shell's standard input, the JVM's pipe (never written), kills them at end of file.
     */
    private static final String WATCHDOG = "exec 3<&0; \"$@\" </dev/null 3<&- & child=$!; "
            + "(cat <&3 >/dev/null; kill $child 2>/dev/null) & wait $child";
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final int LOG_TAIL_LINES = 40;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final Process process;
    private final Path log;
    private final Thread killOnExit;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.killOnExit = new Thread(this::kill, "kill " + name);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Starts {@code command} in {@code dir}, its standard input empty, all output appended to {@code log}. */
    static ChildProcess start(String name, List<String> command, Path dir, Path log) {
        List<String> watched = new java.util.ArrayList<>(List.of("sh", "-c", WATCHDOG, "sh"));
        watched.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(watched).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        try {
            return new ChildProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + " (" + String.join(" ", command) + "): " + e.getMessage(), e);
        }
    }

    /** A port free on the loopback interface now; the store binds it a moment later. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /**
     * Waits until a GET of {@code url} answers 200, failing early if the process dies and after
     * {@link #STARTUP_TIMEOUT} otherwise, with the end of the store's log in the message.
     */
    void awaitHttp(URI url, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET().build();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw failure(name + " exited with code " + process.exitValue() + " before " + url + " answered");
            }
            try {
                int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return;
                }
                last = "HTTP " + status;
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("interrupted while waiting for " + name);
            }
            sleep(Duration.ofMillis(250));
        }
        throw failure(name + " did not answer 200 at " + url + " within " + timeout.toSeconds() + " s (last: " + last + ")");
    }

    /** An exception for a store that misbehaves, with the end of its log so CI output shows why. */
    IllegalStateException failure(String message) {
        return new IllegalStateException(message + "\n--- last lines of " + log + " ---\n" + logTail());
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Asks the process and every process under it (the server, under its watchdog shell) to
     * end, kills what is left after a grace period, and returns once all are gone, so that
     * nothing still writes in the folders a test deletes next.
     */
    void stop() {
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to run: it does the same.
        }
        List<ProcessHandle> all = family();
        all.forEach(ProcessHandle::destroy);
        if (!awaitExit(all)) {
            all.forEach(ProcessHandle::destroyForcibly);
            awaitExit(all);
        }
    }

    private List<ProcessHandle> family() {
        return java.util.stream.Stream.concat(process.descendants(), java.util.stream.Stream.of(process.toHandle())).toList();
    }

    /** Whether every process of {@code all} ended within the grace period. */
    private static boolean awaitExit(List<ProcessHandle> all) {
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                return false;
            } catch (java.util.concurrent.ExecutionException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private void kill() {
        family().forEach(ProcessHandle::destroyForcibly);
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
