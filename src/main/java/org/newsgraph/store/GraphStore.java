package org.newsgraph.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.newsgraph.error.NewsgraphException;
import org.newsgraph.error.StoreLockedException;
import org.newsgraph.rdf.IriMinter;
import org.newsgraph.rdf.NG;
import org.newsgraph.rdf.OntologyGraphs;

/**
 * Article graphs in Jena TDB2: one named graph per article, named by the article's IRI
 * (see {@link IriMinter#article}), plus the ontology in the graph {@value #ONTOLOGY_GRAPH}.
 *
 * <ul>
 * <li>{@link #put} writes one article in one write transaction ({@link #putAll} several in
 *     one): its old graph, if any, is removed and the new one added, so the same id always
 *     means the same graph, with no duplicates and no stale facts, and a crash or an error
 *     never leaves half a graph.</li>
 * <li>The graph of every stored article holds its {@code ng:articleId} and
 *     {@code ng:contentHash}; {@link #contains} compares that hash, so a batch run again
 *     after a crash skips what it finished.</li>
 * <li>SPARQL queries on {@link #dataset()} see as default graph the union of all named
 *     graphs: every article's facts and the ontology. The ontology is a named graph of its
 *     own, rewritten on open when the copy in the jar differs, and TDB2's
 *     {@code unionDefaultGraph} makes the union at query time. So each article stays one
 *     graph that can be replaced alone, nothing is copied into a default graph that could go
 *     stale, and a SPARQL server gets the same view from TDB2's standard setting. The store in
 *     memory is TDB2 in memory, so that both behave the same.</li>
 * <li>TDB2 lets one process at a time use a database folder; opening a folder that another
 *     process holds fails with a {@link NewsgraphException} saying so. {@link #close} lets
 *     the folder go.</li>
 * </ul>
 *
 * <pre>{@code
 * try (GraphStore store = GraphStore.open(Path.of("news-db"))) {
 *     if (!store.contains(article.id(), article.contentHash())) {
 *         store.put(article.id(), article.contentHash(), converter.convert(article));
 *     }
 * }
 * }</pre>
 *
 * Thread-safe: every method runs in its own transaction (TDB2 lets one writer in at a time),
 * so call them outside any transaction of your own on {@link #dataset()}.
 */
public final class GraphStore implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GraphStore.class);

    /** The named graph holding the ontology; the ontology's own IRI. */
    public static final String ONTOLOGY_GRAPH = OntologyGraphs.ONTOLOGY_IRI;

    private static final Node ONTOLOGY = OntologyGraphs.ONTOLOGY;

    /** Database folders open in this process; TDB2 would silently share them. */
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    private final DatasetGraph dsg;
    private final IriMinter iris;
    private final Path folder;
    private final String name;
    private volatile boolean closed;
    /** Set when a write failed on the files, so that closing lets go of them regardless. */
    private volatile boolean writeFailed;

    private GraphStore(DatasetGraph dsg, IriMinter iris, Path folder, String name) {
        this.dsg = dsg;
        this.iris = iris;
        this.folder = folder;
        this.name = name;
    }

    /** Opens the TDB2 database in {@code dir}, creating it when the folder is new or empty. */
    public static GraphStore open(Path dir) {
        return open(dir, IriMinter.standard());
    }

    /**
     * Opens the TDB2 database in {@code dir}, creating it when the folder is new or empty, with
     * article graphs named by {@code iris}.
     *
     * @throws NewsgraphException when another process uses the database, when it is open in this
     *                            process already, or when {@code dir} is not a database folder
     */
    public static GraphStore open(Path dir, IriMinter iris) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(iris, "iris");
        Path folder = StoreFolder.prepareFolder(dir);
        if (!OPEN.add(folder)) {
            throw new StoreLockedException("database " + dir + " is already open in this process");
        }
        DatasetGraph dsg = null;
        try {
            dsg = StoreFolder.connect(dir, folder);
            GraphStore store = new GraphStore(dsg, iris, folder, dir.toString());
            store.init();
            return store;
        } catch (RuntimeException e) {
            if (dsg != null) {
                TDBInternal.expel(dsg, true);
            }
            OPEN.remove(folder);
            throw e;
        }
    }

    /**
     * Opens the TDB2 database in {@code dir}, which must exist: for commands that read a store,
     * where creating an empty one would hide a mistyped folder.
     */
    public static GraphStore openExisting(Path dir) {
        if (!Files.isDirectory(dir) || !StoreFolder.holdsDatabase(dir)) {
            throw new NewsgraphException("no newsgraph database in " + dir + "; give the folder that `ingest --db` filled");
        }
        return open(dir);
    }

    /** A store in memory, gone when closed; for dry runs and tests. */
    public static GraphStore inMemory() {
        return inMemory(IriMinter.standard());
    }

    /** A store in memory with article graphs named by {@code iris}. */
    public static GraphStore inMemory(IriMinter iris) {
        Objects.requireNonNull(iris, "iris");
        GraphStore store = new GraphStore(DatabaseMgr.createDatasetGraph(), iris, null, "in memory");
        store.init();
        return store;
    }

    /** The database folder (as a real path), or empty for a store in memory. */
    public Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    /**
     * Stores the graph of one article, replacing the graph it had, in one write transaction.
     * {@code quads} are checked before anything is written: all must be in the article's graph,
     * and the graph must give the article its {@code ng:articleId} and {@code ng:contentHash}
     * (as the pipeline's {@code ArticleConverter} makes them).
     *
     * @return {@link IngestOutcome#ADDED} or {@link IngestOutcome#REPLACED}
     * @throws NewsgraphException when the quads break these rules; nothing is written then
     */
    public IngestOutcome put(String articleId, String contentHash, List<Quad> quads) {
        return putAll(List.of(new ArticleGraph(articleId, contentHash, quads))).get(0);
    }

    /**
     * Stores the graphs of several articles, each replacing the graph it had, in one write
     * transaction: one commit, and one sync to disk, for them all. Every graph is checked as
     * {@link #put} checks it before anything is written.
     *
     * @return the outcome of each article, in the order given
     * @throws NewsgraphException naming the first article that breaks the rules of {@link #put};
     *                            nothing is written then
     * @throws StoreWriteException when the files could not be written; nothing of the batch is
     *                             stored then
     */
    public List<IngestOutcome> putAll(List<ArticleGraph> articles) {
        List<Node> graphs = new ArrayList<>(articles.size());
        for (ArticleGraph a : articles) {
            Node graph = graphOf(a.articleId());
            a.requireIn(graph);
            graphs.add(graph);
        }
        return write(() -> {
            List<IngestOutcome> outcomes = new ArrayList<>(articles.size());
            for (int i = 0; i < articles.size(); i++) {
                Node graph = graphs.get(i);
                boolean existed = dsg.containsGraph(graph);
                if (existed) {
                    dsg.deleteAny(graph, Node.ANY, Node.ANY, Node.ANY);
                }
                articles.get(i).quads().forEach(dsg::add);
                outcomes.add(existed ? IngestOutcome.REPLACED : IngestOutcome.ADDED);
            }
            return outcomes;
        });
    }

    /**
     * Runs {@code action} in a write transaction.
     *
     * @throws StoreWriteException when the files could not be written (disk full, I/O error);
     *                             the transaction was rolled back
     */
    private <T> T write(java.util.function.Supplier<T> action) {
        try {
            return Txn.calculateWrite(dsg, action);
        } catch (RuntimeException | InternalError e) {
            Optional<StoreWriteException> unwritable = StoreWriteException.of(name, e);
            if (unwritable.isEmpty()) {
                throw e;
            }
            writeFailed = true;
            throw unwritable.get();
        }
    }

    /** Whether the store holds article {@code articleId} with content hash {@code contentHash}. */
    public boolean contains(String articleId, String contentHash) {
        Objects.requireNonNull(contentHash, "contentHash");
        return findContentHash(articleId).filter(contentHash::equals).isPresent();
    }

    /** The content hash of the stored article {@code articleId}, or empty when it is not stored. */
    public Optional<String> findContentHash(String articleId) {
        Node graph = graphOf(articleId);
        return Txn.calculateRead(dsg, () -> literal(graph, NG.contentHash));
    }

    /** A copy of the graph of article {@code articleId}, or empty when it is not stored. */
    public Optional<Graph> findArticleGraph(String articleId) {
        Node graph = graphOf(articleId);
        return Txn.calculateRead(dsg, () -> {
            if (!dsg.containsGraph(graph)) {
                return Optional.empty();
            }
            Graph copy = GraphFactory.createDefaultGraph();
            GraphUtil.addInto(copy, dsg.getGraph(graph));
            return Optional.of(copy);
        });
    }

    /** The name of the graph that holds (or would hold) article {@code articleId}. */
    public Node graphName(String articleId) {
        return graphOf(articleId);
    }

    /** Removes the graph of article {@code articleId}; returns whether there was one. */
    public boolean delete(String articleId) {
        Node graph = graphOf(articleId);
        return write(() -> {
            boolean existed = dsg.containsGraph(graph);
            dsg.deleteAny(graph, Node.ANY, Node.ANY, Node.ANY);
            return existed;
        });
    }

    /**
     * The number of triples in all article graphs together: a triple two articles state counts
     * twice. The ontology is not counted. Takes time in proportion to the store's size.
     */
    public long tripleCount() {
        requireOpen();
        return Txn.calculateRead(dsg, () -> {
            long n = 0;
            for (Node graph : articleGraphs()) {
                n += Iter.count(dsg.find(graph, Node.ANY, Node.ANY, Node.ANY));
            }
            return n;
        });
    }

    /**
     * A number that changes whenever a write to the store commits, whoever writes (this class,
     * SPARQL Update, the Graph Store Protocol), and stays the same otherwise; in this process
     * only. Takes constant time: for caching what is costly to count.
     */
    public long dataVersion() {
        requireOpen();
        return Txn.calculateRead(dsg, () ->
                TDBInternal.getDatasetGraphTDB(dsg).getTxnSystem().getThreadTransaction().getDataVersion());
    }

    /** The ids of the stored articles, sorted; the ontology graph is not an article. */
    public Set<String> articleIds() {
        requireOpen();
        return Txn.calculateRead(dsg, () -> {
            Set<String> ids = new TreeSet<>();
            for (Node graph : articleGraphs()) {
                literal(graph, NG.articleId).ifPresent(ids::add);
            }
            return Collections.unmodifiableSet(ids);
        });
    }

    /**
     * The dataset, for SPARQL: one named graph per article and {@value #ONTOLOGY_GRAPH}. Queries
     * see the union of all named graphs as their default graph (TDB2's
     * {@code unionDefaultGraph}), so a query without {@code GRAPH} finds article facts and
     * ontology terms together; in code, {@link DatasetGraph#getUnionGraph()} is that union,
     * while {@code getDefaultGraph()} is the stored default graph, which stays empty. Use it
     * inside transactions; write articles through {@link #put} and {@link #delete} only, so
     * each stays one complete graph.
     */
    public DatasetGraph dataset() {
        requireOpen();
        return dsg;
    }

    /** Ends use of the store; a database folder is released for other processes. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (folder == null) {
            dsg.close();
            return;
        }
        try {
            // After a failed write TDB2 may count a transaction as still active; the files are
            // consistent (the write was rolled back), so let go of them anyway.
            TDBInternal.expel(dsg, writeFailed);
        } finally {
            OPEN.remove(folder);
        }
    }

    @Override
    public String toString() {
        return "GraphStore[" + name + "]";
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException(this + " is closed");
        }
    }

    private Node graphOf(String articleId) {
        requireOpen();
        Objects.requireNonNull(articleId, "articleId");
        if (articleId.isBlank()) {
            throw new IllegalArgumentException("article id is blank");
        }
        return iris.article(articleId);
    }

    /** The names of the article graphs: every named graph but the ontology's. In a transaction. */
    private List<Node> articleGraphs() {
        Iterator<Node> names = dsg.listGraphNodes();
        try {
            return Iter.toList(Iter.filter(names, Predicate.not(ONTOLOGY::equals)));
        } finally {
            Iter.close(names);
        }
    }

    /** The lexical form of {@code <graph> property "value"} in {@code graph}. In a transaction. */
    private Optional<String> literal(Node graph, Property property) {
        Iterator<Quad> found = dsg.find(graph, graph, property.asNode(), Node.ANY);
        try {
            while (found.hasNext()) {
                Node value = found.next().getObject();
                if (value.isLiteral()) {
                    return Optional.of(value.getLiteralLexicalForm());
                }
            }
            return Optional.empty();
        } finally {
            Iter.close(found);
        }
    }

    private void init() {
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        Graph ontology = OntologyGraphs.ontology();
        boolean current = Txn.calculateRead(dsg, () -> ontology.isIsomorphicWith(dsg.getGraph(ONTOLOGY)));
        if (!current) {
            try {
                write(() -> {
                    dsg.deleteAny(ONTOLOGY, Node.ANY, Node.ANY, Node.ANY);
                    ontology.find().forEach(t -> dsg.add(ONTOLOGY, t.getSubject(), t.getPredicate(), t.getObject()));
                    return null;
                });
            } catch (StoreWriteException e) {
                // A full disk must not keep the store from being read: its articles are all there.
                LOG.warn("{}: the ontology graph was not updated: {}", name, e.getMessage());
            }
        }
    }
}
