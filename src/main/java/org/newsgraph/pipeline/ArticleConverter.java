package org.newsgraph.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.Objects;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.extract.ArticleFacts;
import org.newsgraph.extract.Extractor;
import org.newsgraph.extract.Lexicon;
import org.newsgraph.nlp.Annotator;
import org.newsgraph.nlp.CoreNlpAnnotator;
import org.newsgraph.nlp.NlpProfile;
import org.newsgraph.rdf.FactMapper;
import org.newsgraph.rdf.IriMinter;
import org.newsgraph.read.Article;

/**
 * One article through annotate, extract and map: the façade the command line, the store and
 * the server share. Thread-safe; the annotator is the expensive part and is shared.
 *
 * <pre>{@code
 * ArticleConverter converter = ArticleConverter.builder().build();   // loads CoreNLP once
 * List<Quad> quads = converter.convert(article);
 * }</pre>
 */
public final class ArticleConverter {

    private final Annotator annotator;
    private final Extractor extractor;
    private final FactMapper mapper;
    private final NlpBudget budget;

    private ArticleConverter(Builder b) {
        this.annotator = b.annotator != null ? b.annotator : CoreNlpAnnotator.shared(b.profile);
        this.extractor = Extractor.create(b.lexicon, b.statements);
        this.mapper = FactMapper.create(b.iris);
        this.budget = b.budget;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The facts of one article, within the converter's {@link NlpBudget}.
     *
     * @throws org.newsgraph.error.ArticleTooLongException when the article is longer than the budget, before any NLP
     * @throws org.newsgraph.error.NlpTimeoutException     when its NLP and extraction took longer than the budget
     */
    public ArticleFacts extract(Article article) {
        return extract(article, null);
    }

    /** As {@link #extract(Article)}, stopped early when {@code abandoned} says so (null: never). */
    public ArticleFacts extract(Article article, BooleanSupplier abandoned) {
        budget.checkLength(article);
        return budget.within(() -> extractor.extract(article, annotator.annotate(article.text(), article.date())), abandoned);
    }

    /**
     * The quads of one article's graph, complete or not at all: a failure throws before any
     * quad leaves, so a writer or store never receives half an article.
     */
    public List<Quad> convert(Article article) {
        return convert(article, null);
    }

    /**
     * As {@link #convert(Article)}, stopped early when {@code abandoned} says so (null: never).
     *
     * @throws org.newsgraph.error.NlpTimeoutException when it was stopped so
     */
    public List<Quad> convert(Article article, BooleanSupplier abandoned) {
        List<Quad> quads = new ArrayList<>();
        StreamRDF collect = new StreamRDFBase() {
            @Override
            public void quad(Quad quad) {
                quads.add(quad);
            }
        };
        mapper.map(extract(article, abandoned), collect);
        return List.copyOf(quads);
    }

    /** Options of a converter; all have defaults. */
    public static final class Builder {
        private Annotator annotator;
        private NlpProfile profile = NlpProfile.DEFAULT;
        private Lexicon lexicon = Lexicon.builtIn();
        private IriMinter iris = IriMinter.standard();
        private NlpBudget budget = NlpBudget.standard();
        private Extractor.StatementFinders statements = Extractor.StatementFinders.standard();

        private Builder() {
        }

        /** How long an article may be and how long its NLP may take; default {@link NlpBudget#standard()}. */
        public Builder budget(NlpBudget budget) {
            this.budget = Objects.requireNonNull(budget, "budget");
            return this;
        }

        /** The NLP to use; default: the process-wide CoreNLP pipeline. */
        public Builder annotator(Annotator annotator) {
            this.annotator = Objects.requireNonNull(annotator, "annotator");
            return this;
        }

        /** The CoreNLP settings of the process-wide pipeline; ignored when an {@link #annotator} is given. */
        public Builder profile(NlpProfile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        public Builder lexicon(Lexicon lexicon) {
            this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
            return this;
        }

        /** What finds statements; default {@link Extractor.StatementFinders#standard()}. */
        public Builder statements(Extractor.StatementFinders statements) {
            this.statements = Objects.requireNonNull(statements, "statements");
            return this;
        }

        public Builder iris(IriMinter iris) {
            this.iris = Objects.requireNonNull(iris, "iris");
            return this;
        }

        public ArticleConverter build() {
            return new ArticleConverter(this);
        }
    }
}
