package org.newsgraph.transfer;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.jena.http.auth.AuthEnv;
import org.newsgraph.error.NewsgraphException;
import org.newsgraph.rdf.OntologyGraphs;
import org.newsgraph.store.GraphStore;

/**
 * Copies article graphs from a store into another graph store over SPARQL 1.1, by the Graph
 * Store Protocol or by SPARQL Update ({@link PushTarget}).
 *
 * <ul>
 * <li><b>Idempotent</b>: each graph is replaced as a whole, so pushing twice leaves the target as
 *     pushing once did.</li>
 * <li><b>Resumable</b>: a journal ({@link PushJournal}) records each graph the target accepted;
 *     the next push to the same target skips those still unchanged, so a push killed halfway
 *     and run again sends only the rest.</li>
 * <li><b>Patient</b>: requests failing for a passing reason are retried with backoff
 *     ({@link RetryPolicy}); when retries run out the push stops, to be resumed later. A graph
 *     the target rejects (HTTP 400, 413, ...) is reported and the others go on.</li>
 * <li><b>Checked</b>: afterwards every chosen graph is counted in the target and compared with
 *     ours; one that differs (say, the target was emptied since the last push) is sent again
 *     at once and counted again.</li>
 * </ul>
 * Memory holds one request's graphs at a time, whatever the size of the store.
 *
 * <pre>{@code
 * GraphPusher pusher = GraphPusher.builder().target(PushTarget.gsp(URI.create("http://host/ds/data")))
 *         .journal(Path.of("news-db-push.journal")).build();
 * PushReport report = pusher.push(store, List.of());   // every article
 * }</pre>
 */
public final class GraphPusher {

    private final PushTarget target;
    private final Path journalFile;
    private final boolean fresh;
    private final boolean verify;
    private final boolean withOntology;
    private final long triplesPerRequest;
    private final Requests requests;
    private final GraphSink sink;

    private GraphPusher(Builder b) {
        this.target = Objects.requireNonNull(b.target, "target");
        this.journalFile = Objects.requireNonNull(b.journal, "journal");
        this.fresh = b.fresh;
        this.verify = b.verify;
        this.withOntology = b.withOntology;
        this.triplesPerRequest = b.triplesPerRequest;
        this.requests = new Requests(target.endpoint().toString(), b.retry, b.listener);
        this.sink = sinkFor(target, b.timeout);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Pushes the graphs of {@code articleIds} (every article when empty) from {@code store}.
     *
     * @throws NewsgraphException when a chosen article is not in the store (nothing is sent then),
     *                            when the target refuses the credentials, or when it stays
     *                            unreachable after the retries; what was sent until then is in
     *                            the journal, and running the push again resumes
     */
    public PushReport push(GraphStore store, Collection<String> articleIds) {
        List<Source> sources = sources(store, articleIds);
        Run run = new Run();
        try (PushJournal journal = PushJournal.open(journalFile, fresh)) {
            send(sources, journal, run);
            if (!verify) {
                return run.report(sources.size(), -1, Map.of());
            }
            Map<String, String> mismatches = check(sources, run);
            if (!mismatches.isEmpty()) {
                List<Source> again = sources.stream().filter(s -> mismatches.containsKey(s.id())).toList();
                again.forEach(s -> journal.forget(s.name()));
                send(again, journal, run);
                mismatches.clear();
                mismatches.putAll(check(sources, run));
            }
            int verified = (int) sources.stream().filter(s -> !run.failures.containsKey(s.id())).count() - mismatches.size();
            return run.report(sources.size(), verified, mismatches);
        }
    }

    /** Sends what the journal lacks, in requests of up to {@code triplesPerRequest} triples. */
    private void send(List<Source> sources, PushJournal journal, Run run) {
        List<OutgoingGraph> batch = new ArrayList<>();
        long batchTriples = 0;
        for (Source source : sources) {
            OutgoingGraph g = source.read().get();
            run.expect(g);
            if (journal.has(g)) {
                run.skipped(g, requests.listener);
                continue;
            }
            if (!batch.isEmpty() && (!sink.batches() || batchTriples + g.size() > triplesPerRequest)) {
                sendBatch(batch, journal, run);
                batch.clear();
                batchTriples = 0;
            }
            batch.add(g);
            batchTriples += g.size();
        }
        if (!batch.isEmpty()) {
            sendBatch(batch, journal, run);
        }
    }

    private void sendBatch(List<OutgoingGraph> batch, PushJournal journal, Run run) {
        try {
            requests.run(describe(batch), () -> {
                sink.replace(batch);
                return null;
            });
        } catch (Requests.Rejected e) {
            if (batch.size() > 1) {
                // One graph spoils the request: send them one by one to find it and keep the rest.
                batch.forEach(g -> sendBatch(List.of(g), journal, run));
            } else {
                run.failed(batch.get(0), e.getMessage(), requests.listener);
            }
            return;
        }
        for (OutgoingGraph g : batch) {
            journal.record(g);
            run.sent(g, requests.listener);
        }
    }

    /** Graphs whose triple count in the target differs from ours: id to "ours vs theirs". */
    private Map<String, String> check(List<Source> sources, Run run) {
        Map<String, String> mismatches = new LinkedHashMap<>();
        for (Source s : sources) {
            if (run.failures.containsKey(s.id())) {
                continue;
            }
            long ours = run.sizes.get(s.id());
            long theirs;
            try {
                theirs = requests.run("counting " + s.id(), () -> sink.count(s.name()));
            } catch (Requests.Rejected e) {
                mismatches.put(s.id(), "could not count: " + e.getMessage());
                continue;
            }
            if (theirs != ours) {
                mismatches.put(s.id(), ours + " triples here, " + theirs + " in the target");
            }
        }
        return mismatches;
    }

    private List<Source> sources(GraphStore store, Collection<String> articleIds) {
        List<Source> sources = new ArrayList<>();
        ChosenArticles.of(store, articleIds, "pushed").forEach(id -> sources.add(new Source(id, store.graphName(id),
                () -> OutgoingGraph.of(id, store.graphName(id), store.findArticleGraph(id).orElseThrow(
                        () -> new NewsgraphException("article " + id + " left " + store + " during the push"))))));
        if (withOntology) {
            sources.add(new Source("ontology", OntologyGraphs.ONTOLOGY,
                    () -> OutgoingGraph.of("ontology", OntologyGraphs.ONTOLOGY, OntologyGraphs.ontology())));
            sources.add(new Source("shapes", OntologyGraphs.SHAPES,
                    () -> OutgoingGraph.of("shapes", OntologyGraphs.SHAPES, OntologyGraphs.shapes())));
        }
        return sources;
    }

    private static String describe(List<OutgoingGraph> batch) {
        return batch.size() == 1 ? "sending " + batch.get(0).id() : "sending " + batch.size() + " graphs";
    }

    private static GraphSink sinkFor(PushTarget target, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String endpoint = target.endpoint().toString();
        target.credentials().ifPresent(c -> {
            // Jena answers the store's challenge, Basic or Digest, with what is registered here.
            AuthEnv.get().registerUsernamePassword(target.endpoint(), c.user(), c.password());
            target.queryEndpoint().ifPresent(q -> AuthEnv.get().registerUsernamePassword(q, c.user(), c.password()));
        });
        return switch (target.protocol()) {
            case GSP -> new GspSink(endpoint, target.queryEndpoint().map(Object::toString).orElse(null), http);
            case UPDATE -> new UpdateSink(endpoint, target.queryEndpoint().orElse(target.endpoint()).toString(), http);
        };
    }

    /** A graph to push, read from the store only when its turn comes. */
    private record Source(String id, org.apache.jena.graph.Node name, Supplier<OutgoingGraph> read) {
    }

    /** Options of a push; {@link #target} and {@link #journal} are required. */
    public static final class Builder {
        private PushTarget target;
        private Path journal;
        private boolean fresh;
        private boolean verify = true;
        private boolean withOntology;
        private long triplesPerRequest = 10_000;
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private Duration timeout = Duration.ofSeconds(30);
        private PushListener listener = PushListener.NONE;

        private Builder() {
        }

        public Builder target(PushTarget target) {
            this.target = Objects.requireNonNull(target, "target");
            return this;
        }

        /** The file recording what reached this target; one file per target. */
        public Builder journal(Path journal) {
            this.journal = Objects.requireNonNull(journal, "journal");
            return this;
        }

        /** Forgets the journal and sends every graph again. */
        public Builder fresh(boolean fresh) {
            this.fresh = fresh;
            return this;
        }

        /** Counts every graph in the target afterwards (default: yes). */
        public Builder verify(boolean verify) {
            this.verify = verify;
            return this;
        }

        /** Also pushes the ontology and the SHACL shapes, each as a graph of its own. */
        public Builder withOntology(boolean withOntology) {
            this.withOntology = withOntology;
            return this;
        }

        /** For SPARQL Update: how many triples one request may carry, whole graphs always (default 10,000). */
        public Builder triplesPerRequest(long triples) {
            if (triples < 1) {
                throw new IllegalArgumentException("triples per request must be positive, not " + triples);
            }
            this.triplesPerRequest = triples;
            return this;
        }

        public Builder retry(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        /** How long to wait for a connection to the target (default 30 s). */
        public Builder connectTimeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public Builder listener(PushListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public GraphPusher build() {
            return new GraphPusher(this);
        }
    }
}
