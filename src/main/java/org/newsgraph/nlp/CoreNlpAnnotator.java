package org.newsgraph.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.CoreQuote;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.pipeline.QuoteAnnotator;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.util.RuntimeInterruptedException;
import edu.stanford.nlp.util.Pair;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.newsgraph.error.ConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Stanford CoreNLP pipeline behind {@link Annotator}. Loading the models takes about
 * 30 s and 2 GB of heap, so a process gets one through {@link #shared()}, shared by every
 * thread: CoreNLP's annotators are safe to share, but for quote attribution, of which each
 * thread borrows its own.
 *
 * <pre>{@code
 * Annotator nlp = CoreNlpAnnotator.shared();
 * AnnotatedDocument doc = nlp.annotate(article.text(), article.date());
 * }</pre>
 */
public final class CoreNlpAnnotator implements Annotator {

    private static final Logger LOG = LoggerFactory.getLogger(CoreNlpAnnotator.class);

    /** Every annotator but the quotes', safe to run on many threads at once. */
    private final StanfordCoreNLP pipeline;
    /**
     * Quote annotators not in use, one made per thread that needs one at once: quote
     * attribution keeps the current document's person names in a field of its annotator, so
     * two documents at once in one annotator make it fail (a NullPointerException in its
     * speaker sieve) or mix up names. A lock around one annotator would serialize the threads.
     * Built directly, since {@link StanfordCoreNLP} hands out one cached instance per setting.
     */
    private final Queue<QuoteAnnotator> idleQuotes = new ConcurrentLinkedQueue<>();
    /** Properties of the quote annotators, or null when the profile finds no quotes. */
    private final Properties quoteProperties;
    private final AtomicLong quoteNanos = new AtomicLong();

    private CoreNlpAnnotator(Properties properties) {
        long start = System.nanoTime();
        try {
            List<String> names = List.of(properties.getProperty("annotators").split("\\s*,\\s*"));
            Properties shared = new Properties();
            shared.putAll(properties);
            shared.setProperty("annotators", String.join(",", names.stream().filter(n -> !n.equals("quote")).toList()));
            this.pipeline = new StanfordCoreNLP(shared);
            if (names.contains("quote")) {
                this.quoteProperties = new Properties();
                quoteProperties.putAll(properties);
                idleQuotes.add(new QuoteAnnotator("quote", quoteProperties));
            } else {
                this.quoteProperties = null;
            }
        } catch (RuntimeException e) {
            throw new ConfigurationException("cannot load the CoreNLP models: " + e.getMessage()
                    + " (is the stanford-corenlp models jar on the class path, and the heap at least 3 GB?)", e);
        }
        LOG.info("CoreNLP models loaded in {} s", (System.nanoTime() - start) / 1_000_000_000);
    }

    /** The process-wide pipeline of the default profile, loaded on first use. */
    public static Annotator shared() {
        return shared(NlpProfile.DEFAULT);
    }

    /** The process-wide pipeline of {@code profile}, loaded on first use. */
    public static Annotator shared(NlpProfile profile) {
        return SHARED.computeIfAbsent(profile, p -> new CoreNlpAnnotator(p.properties()));
    }

    /** A new pipeline with the given settings on top of the default profile's; prefer {@link #shared()}. */
    public static CoreNlpAnnotator create(Properties overrides) {
        Properties p = NlpProfile.DEFAULT.properties();
        p.putAll(overrides);
        return new CoreNlpAnnotator(p);
    }

    private static final Map<NlpProfile, CoreNlpAnnotator> SHARED = new ConcurrentHashMap<>();

    /** Time spent in each CoreNLP annotator since this pipeline was made, for benchmarks. */
    public String timingReport() {
        return pipeline.timingInformation() + (quoteProperties == null ? ""
                : String.format(java.util.Locale.ROOT, "%nquote (all threads): %.1f sec.", quoteNanos.get() / 1e9));
    }

    @Override
    public AnnotatedDocument annotate(String text, Optional<LocalDate> date) {
        CoreDocument doc = new CoreDocument(text);
        date.ifPresent(d -> doc.annotation().set(CoreAnnotations.DocDateAnnotation.class, d.toString()));
        pipeline.annotate(doc.annotation());
        if (quoteProperties != null) {
            // Quote attribution never looks for an interrupt (a time limit), as the pipeline does
            // between its annotators: look here.
            if (Thread.interrupted()) {
                throw new RuntimeInterruptedException();
            }
            annotateQuotes(doc.annotation());
        }
        doc.wrapAnnotations();
        return convert(text, date, doc);
    }

    /** Runs quote finding and attribution on {@code annotation} with a quote annotator no other thread holds. */
    private void annotateQuotes(Annotation annotation) {
        long start = System.nanoTime();
        QuoteAnnotator quotes = idleQuotes.poll();
        if (quotes == null) {
            quotes = new QuoteAnnotator("quote", quoteProperties);
        }
        quotes.annotate(annotation);
        // Only when it ended well: one stopped halfway may hold that document's names.
        idleQuotes.add(quotes);
        quoteNanos.addAndGet(System.nanoTime() - start);
    }

    private static AnnotatedDocument convert(String text, Optional<LocalDate> date, CoreDocument doc) {
        List<Sentence> sentences = new ArrayList<>();
        List<Mention> mentions = new ArrayList<>();
        List<CoreSentence> coreSentences = doc.sentences();
        for (int si = 0; si < coreSentences.size(); si++) {
            CoreSentence cs = coreSentences.get(si);
            sentences.add(convertSentence(si, cs));
            if (cs.entityMentions() != null) {
                for (CoreEntityMention em : cs.entityMentions()) {
                    mentions.add(convertMention(si, em));
                }
            }
        }
        return new AnnotatedDocument(text, date, sentences, mentions, convertChains(doc), convertQuotes(doc));
    }

    private static Sentence convertSentence(int index, CoreSentence cs) {
        List<Token> tokens = new ArrayList<>();
        for (CoreLabel t : cs.tokens()) {
            String normalized = t.get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
            tokens.add(new Token(t.index() - 1, t.word(), nonNull(t.lemma()), nonNull(t.tag()),
                    t.ner() == null ? "O" : t.ner(), nonNull(normalized), t.beginPosition(), t.endPosition()));
        }
        List<Dependency> deps = new ArrayList<>();
        SemanticGraph graph = cs.coreMap().get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
        if (graph != null) {
            graph.getRoots().forEach(r -> deps.add(new Dependency("root", -1, r.index() - 1)));
            for (SemanticGraphEdge e : graph.edgeIterable()) {
                deps.add(new Dependency(e.getRelation().toString(), e.getGovernor().index() - 1,
                        e.getDependent().index() - 1));
            }
        }
        Pair<Integer, Integer> offsets = cs.charOffsets();
        return new Sentence(index, offsets.first, offsets.second, cs.text(), tokens, deps);
    }

    private static Mention convertMention(int sentence, CoreEntityMention em) {
        List<CoreLabel> toks = em.tokens();
        Span span = new Span(sentence, toks.get(0).index() - 1, toks.get(toks.size() - 1).index());
        String normalized = toks.get(0).get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
        Pair<Integer, Integer> offsets = em.charOffsets();
        return new Mention(span, em.entityType(), em.text(), nonNull(normalized), offsets.first, offsets.second);
    }

    private static List<CorefChain> convertChains(CoreDocument doc) {
        List<CorefChain> chains = new ArrayList<>();
        Map<Integer, edu.stanford.nlp.coref.data.CorefChain> coref = doc.corefChains();
        if (coref == null) {
            return chains;
        }
        for (edu.stanford.nlp.coref.data.CorefChain chain : coref.values()) {
            List<CorefMention> ms = new ArrayList<>();
            int representative = 0;
            var rep = chain.getRepresentativeMention();
            for (var m : chain.getMentionsInTextualOrder()) {
                if (m == rep || m.equals(rep)) {
                    representative = ms.size();
                }
                ms.add(new CorefMention(new Span(m.sentNum - 1, m.startIndex - 1, m.endIndex - 1),
                        m.headIndex - 1, m.mentionType.name(), m.mentionSpan));
            }
            if (!ms.isEmpty()) {
                chains.add(new CorefChain(ms, representative));
            }
        }
        return chains;
    }

    private static List<Quote> convertQuotes(CoreDocument doc) {
        List<Quote> quotes = new ArrayList<>();
        if (doc.quotes() == null) {
            return quotes;
        }
        for (CoreQuote q : doc.quotes()) {
            Pair<Integer, Integer> at = q.quoteCharOffsets();
            Optional<Pair<Integer, Integer>> speakerAt = q.speakerCharOffsets();
            quotes.add(new Quote(at.first, at.second, q.text(),
                    speakerAt.map(p -> p.first), speakerAt.map(p -> p.second),
                    q.speaker(), q.canonicalSpeaker()));
        }
        return quotes;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
