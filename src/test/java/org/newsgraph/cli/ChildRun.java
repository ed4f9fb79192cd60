package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** A {@code newsgraph} command in a child JVM, to be killed with SIGKILL at a chosen moment. */
final class ChildRun {

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    final List<String> output = new ArrayList<>();

    private ChildRun(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(reading the child's output failed: " + e + ")");
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
    }

    static ChildRun start(String heap, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return new ChildRun(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Waits for {@code count} lines matching {@code wanted}; fails after {@code seconds}. */
    void awaitLines(Predicate<String> wanted, int count, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        int seen = 0;
        while (seen < count) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertNotNull(line, "not " + count + " wanted lines within " + seconds + " s:\n" + String.join("\n", output));
            output.add(line);
            if (wanted.test(line)) {
                seen++;
            }
        }
    }

    /** Polls {@code condition} every few milliseconds; fails after {@code seconds}. */
    void await(BooleanSupplier condition, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            assertTrue(process.isAlive(), "the child ended first:\n" + drained());
            assertTrue(System.nanoTime() < deadline, "not within " + seconds + " s:\n" + drained());
            Thread.sleep(2);
        }
    }

    /** SIGKILL, and checks the child died of it rather than ending on its own first. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child ended");
        assertEquals(137, process.exitValue(), "killed by SIGKILL:\n" + drained());
    }

    private String drained() {
        lines.drainTo(output);
        return String.join("\n", output);
    }
}
