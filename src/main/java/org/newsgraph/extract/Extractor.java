package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.read.Article;

/**
 * The extract stage: an article and its annotations in, the facts they state out. Pure and
 * thread-safe; the word lists come from a {@link Lexicon}.
 *
 * <pre>{@code
 * Extractor extractor = Extractor.create(Lexicon.builtIn());
 * ArticleFacts facts = extractor.extract(article, annotator.annotate(article.text(), article.date()));
 * }</pre>
 */
public final class Extractor {

    private final Lexicon lexicon;
    private final MentionFinder mentions;
    private final EntityResolver entities;
    private final RoleExtractor roles;
    private final StatementExtractor statements;
    private final EventExtractor events;

    private Extractor(Lexicon lexicon) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
        this.mentions = new MentionFinder(lexicon);
        this.entities = new EntityResolver(lexicon);
        this.roles = new RoleExtractor(lexicon);
        this.statements = new StatementExtractor(lexicon);
        this.events = new EventExtractor(lexicon);
    }

    public static Extractor create(Lexicon lexicon) {
        return new Extractor(lexicon);
    }

    public ArticleFacts extract(Article article, AnnotatedDocument annotated) {
        AnnotatedDocument doc = Boilerplate.hide(annotated, lexicon);
        EntityIndex index = entities.resolve(doc, mentions.find(doc));
        List<Entity> extra = new ArrayList<>();
        List<RoleFact> roleFacts = roles.extract(doc, index, extra);
        AgentResolver agents = new AgentResolver(doc.sentences(), index, roleFacts, lexicon);
        List<StatementFact> statementFacts = statements.extract(doc, agents);
        List<EventFact> eventFacts = events.extract(doc, index, agents);
        List<Entity> all = new ArrayList<>(index.entities());
        extra.stream().filter(e -> !all.contains(e)).forEach(all::add);
        return new ArticleFacts(article, all, roleFacts, statementFacts, eventFacts);
    }
}
