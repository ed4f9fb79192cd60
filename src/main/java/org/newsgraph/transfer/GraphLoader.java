package org.newsgraph.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.atlas.io.IO;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.AsyncParser;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.rdf.NG;
import org.newsgraph.rdf.OntologyGraphs;
import org.newsgraph.store.ArticleGraph;
import org.newsgraph.store.BatchWriter;
import org.newsgraph.store.GraphStore;
import org.newsgraph.store.IngestOutcome;
import org.newsgraph.store.IngestSummary;

/**
 * Article graphs already converted (by {@code convert}, the Spark job or {@code export}, as
 * N-Quads, TriG or JSON-LD, gzipped or not) into a {@link GraphStore}, without the NLP: each
 * named graph that states its article's {@code ng:articleId} and {@code ng:contentHash} replaces
 * that article's graph, an article stored with the same hash is skipped, and the ontology and
 * shapes graphs are left to the store. Graphs are written several to a transaction
 * ({@link BatchWriter}), which makes a first load of many articles about as fast as Jena's bulk
 * loader while each article stays whole.
 *
 * <p>A graph's quads must come together, as those writers write them. A file that cannot be
 * parsed to its end keeps the graphs complete before the error; the graph cut by it is not
 * stored.
 *
 * <pre>{@code
 * IngestSummary summary = GraphLoader.builder(store).listener(progress).build().load(List.of(Path.of("news.nq.gz")));
 * }</pre>
 */
public final class GraphLoader {

    /** Hears about each graph, on the loading thread. Every method does nothing by default. */
    public interface Listener {

        /** {@code articleId} was written, in a committed transaction. */
        default void loaded(String articleId, IngestOutcome outcome, int quads) {
        }

        /** {@code articleId} is stored already with the same content hash, and was skipped. */
        default void unchanged(String articleId) {
        }

        /** A graph or a file could not be loaded: one line for a person, starting with the file. */
        default void failed(String message) {
        }
    }

    private final GraphStore store;
    private final Listener listener;
    private final int batchArticles;

    private GraphLoader(Builder b) {
        this.store = b.store;
        this.listener = b.listener;
        this.batchArticles = b.batchArticles;
    }

    public static Builder builder(GraphStore store) {
        return new Builder(store);
    }

    /** Loads every article graph of {@code files}; one bad graph or file does not stop the others. */
    public IngestSummary load(List<Path> files) {
        long start = System.nanoTime();
        Tally tally = new Tally();
        BatchWriter<String> writer = BatchWriter.<String>builder(store).maxArticles(batchArticles)
                .naming((where, graph) -> where).build();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                tally.fail(file + ": no such file");
                continue;
            }
            Optional<Lang> lang = langOf(file);
            if (lang.isEmpty()) {
                tally.fail(file + ": not a file of named graphs: give N-Quads (.nq), TriG (.trig) or JSON-LD (.jsonld),"
                        + " gzipped or not");
                continue;
            }
            GraphCollector collector = new GraphCollector(file, writer, tally);
            // Jena's IO opens .gz (and .bz2) files decompressed; RDFParser.source(Path) would not, given a
            // language. The parser runs on a thread of its own, handing quads over in batches, so that
            // parsing the next graphs overlaps writing these.
            try (InputStream in = IO.openFile(file.toString())) {
                AsyncParser.asyncParse(in, lang.get(), null, collector);
                collector.end();
            } catch (IOException e) {
                tally.fail(file + ": cannot be read: " + e.getMessage());
            } catch (RiotException e) {
                tally.fail(file + ": " + e.getMessage() + "; the graphs before it are loaded, the one it cuts is not");
            } catch (org.apache.jena.atlas.RuntimeIOException e) {
                tally.fail(file + ": cannot be read: " + e.getMessage());
            }
        }
        writer.flush();
        return new IngestSummary(tally.added, tally.replaced, tally.unchanged, tally.failed,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static Optional<Lang> langOf(Path file) {
        Lang lang = RDFLanguages.filenameToLang(file.getFileName().toString());
        return lang != null && RDFLanguages.isQuads(lang) ? Optional.of(lang) : Optional.empty();
    }

    /** The counts of a load, and the callback of its batches. */
    private final class Tally implements BatchWriter.Callback<String> {
        int added;
        int replaced;
        int unchanged;
        int failed;

        @Override
        public void stored(String where, ArticleGraph graph, IngestOutcome outcome) {
            if (outcome == IngestOutcome.REPLACED) {
                replaced++;
            } else {
                added++;
            }
            listener.loaded(graph.articleId(), outcome, graph.quads().size());
        }

        @Override
        public void failed(String where, ArticleGraph graph, RuntimeException error) {
            fail(where + ": " + error.getMessage());
        }

        void fail(String message) {
            failed++;
            listener.failed(message);
        }
    }

    /** Gathers each graph's quads as the parser streams them, and hands each complete graph on. */
    private final class GraphCollector extends StreamRDFBase {
        private final Path file;
        private final BatchWriter<String> writer;
        private final Tally tally;
        private final Set<Node> seen = new HashSet<>();
        private final List<Quad> current = new ArrayList<>();
        private int defaultGraphTriples;

        GraphCollector(Path file, BatchWriter<String> writer, Tally tally) {
            this.file = file;
            this.writer = writer;
            this.tally = tally;
        }

        @Override
        public void triple(Triple triple) {
            defaultGraphTriples++;
        }

        @Override
        public void quad(Quad quad) {
            if (quad.isDefaultGraph()) {
                defaultGraphTriples++;
                return;
            }
            if (!current.isEmpty() && !current.get(0).getGraph().equals(quad.getGraph())) {
                complete();
            }
            current.add(quad);
        }

        /** The file is parsed to its end: the last graph is complete too. */
        void end() {
            complete();
            if (defaultGraphTriples > 0) {
                tally.fail(file + ": " + defaultGraphTriples + " triples outside any named graph were not loaded;"
                        + " an article's facts must be in its own graph, as convert writes them");
            }
        }

        private void complete() {
            if (current.isEmpty()) {
                return;
            }
            Node graph = current.get(0).getGraph();
            List<Quad> quads = List.copyOf(current);
            current.clear();
            if (graph.equals(OntologyGraphs.ONTOLOGY) || graph.equals(OntologyGraphs.SHAPES)) {
                return; // the store keeps its own copy, of its own version
            }
            String where = file + ": graph <" + graph + ">";
            if (!seen.add(graph)) {
                tally.fail(where + " comes again after other graphs; a graph's quads must be together, as convert and"
                        + " export write them; its later part was not loaded");
                return;
            }
            Optional<String> id = literal(quads, graph, NG.articleId.asNode());
            Optional<String> hash = literal(quads, graph, NG.contentHash.asNode());
            if (id.isEmpty() || hash.isEmpty()) {
                tally.fail(where + " is not an article graph: it does not state the article's ng:articleId and"
                        + " ng:contentHash; not loaded");
                return;
            }
            if (store.contains(id.get(), hash.get())) {
                tally.unchanged++;
                listener.unchanged(id.get());
                return;
            }
            writer.add(where, new ArticleGraph(id.get(), hash.get(), quads), tally);
        }
    }

    private static Optional<String> literal(List<Quad> quads, Node graph, Node predicate) {
        return quads.stream().filter(q -> q.getSubject().equals(graph) && q.getPredicate().equals(predicate)
                        && q.getObject().isLiteral())
                .map(q -> q.getObject().getLiteralLexicalForm()).findFirst();
    }

    /** Options of a load; all but the store have defaults. */
    public static final class Builder {
        private final GraphStore store;
        private Listener listener = new Listener() {
        };
        private int batchArticles = 1000;

        private Builder(GraphStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        public Builder listener(Listener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The most articles in one write transaction; default 1,000. */
        public Builder batch(int maxArticles) {
            this.batchArticles = BatchWriter.requireBatchSize(maxArticles);
            return this;
        }

        public GraphLoader build() {
            return new GraphLoader(this);
        }
    }
}
