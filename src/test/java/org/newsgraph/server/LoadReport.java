package org.newsgraph.server;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** {@link LoadIT}'s measurements and its report: latencies per kind, and what hostile clients got. */
final class LoadReport {

    private LoadReport() {
    }

    /** One answer: what kind of request, its status, how long it took. */
    record Sample(String kind, int status, long nanos, String what) {
    }

    /** Sends {@code request}; no answer at all counts as a failure, as a 5xx does. */
    static Sample send(HttpClient http, String kind, HttpRequest request) {
        long start = System.nanoTime();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
        } catch (IOException e) {
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        return new Sample(kind, status, System.nanoTime() - start, request.method() + " " + request.uri().getPath());
    }

    /** Sends a polite GET from {@code from}, a client address of its own. */
    static Sample send(String from, int port, LoadRequests.Polite polite) {
        long start = System.nanoTime();
        int status;
        try (RawHttp h = RawHttp.connect(from, port)) {
            status = (int) h.get(polite.target(), "Accept: application/sparql-results+json").discard()[0];
        } catch (IOException e) {
            status = -1;
        }
        return new Sample(polite.kind(), status, System.nanoTime() - start, "GET " + polite.target());
    }

    static String of(String title, List<Sample> samples, int ingested, List<HostileClient.Outcome> attacks) {
        Map<String, List<Long>> byKind = new TreeMap<>();
        samples.forEach(s -> byKind.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s.nanos()));
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%s: %d requests, %d articles ingested%n",
                title, samples.size(), ingested));
        out.append(String.format(Locale.ROOT, "%-14s %8s %10s %10s %10s%n", "kind", "requests", "p50 ms", "p95 ms", "max ms"));
        byKind.forEach((kind, nanos) -> {
            Collections.sort(nanos);
            out.append(String.format(Locale.ROOT, "%-14s %8d %10.1f %10.1f %10.1f%n", kind, nanos.size(),
                    percentile(nanos, 50), percentile(nanos, 95), nanos.get(nanos.size() - 1) / 1e6));
        });
        long errors = samples.stream().filter(s -> s.status() >= 500 || s.status() < 0).count();
        out.append("5xx or no answer: ").append(errors).append('\n');
        if (!attacks.isEmpty()) {
            Map<String, List<HostileClient.Outcome>> byAttack = new TreeMap<>();
            attacks.forEach(a -> byAttack.computeIfAbsent(a.attack(), k -> new ArrayList<>()).add(a));
            out.append(String.format(Locale.ROOT, "%-16s %6s %-22s %10s %12s%n", "hostile request", "sent", "statuses", "max ms",
                    "max bytes"));
            byAttack.forEach((attack, list) -> {
                Map<Integer, Integer> statuses = new TreeMap<>();
                list.forEach(a -> statuses.merge(a.status(), 1, Integer::sum));
                out.append(String.format(Locale.ROOT, "%-16s %6d %-22s %10.0f %12d%n", attack, list.size(),
                        attack.equals("slow-body") ? "(held open)" : statuses.toString(),
                        list.stream().mapToLong(HostileClient.Outcome::nanos).max().orElse(0) / 1e6,
                        list.stream().mapToLong(HostileClient.Outcome::bytes).max().orElse(0)));
            });
        }
        return out.toString();
    }

    private static double percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
