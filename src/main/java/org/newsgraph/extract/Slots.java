package org.newsgraph.extract;

import java.util.List;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.read.Article;

/**
 * The slots of the standard extraction, in the order {@link Extractor#standardPipeline} fills
 * them. A new step reads some of these and may add slots of its own.
 */
public final class Slots {

    private Slots() {
    }

    /** Input: the article being read. */
    public static final Slot<Article> ARTICLE = Slot.value("article");
    /** Input: the article's annotations as the NLP stage gave them. */
    public static final Slot<AnnotatedDocument> ANNOTATED = Slot.value("annotated document");

    /** The annotations with page furniture hidden: what every later step reads. */
    public static final Slot<AnnotatedDocument> DOCUMENT = Slot.value("story document");
    /** The names in the text, before they are merged into entities. */
    public static final Slot<List<NameMention>> NAME_MENTIONS = Slot.value("name mentions");
    /** The article's persons, organizations and places, and the tokens that refer to each. */
    public static final Slot<EntityIndex> ENTITIES = Slot.value("entities");

    /** Roles as their sentences state them: holder, title and the scope the sentence names. */
    public static final Slot<List<RoleFact>> STATED_ROLES = Slot.value("stated roles");
    /** Places named only as the seat of an office ("Sindh Governor"), which NER missed. */
    public static final Slot<List<Entity>> SCOPE_PLACES = Slot.value("places named as a role's scope");
    /** The article's roles, with the scope the article implies where the sentence names none. */
    public static final Slot<List<RoleFact>> ROLES = Slot.value("roles");
    /** Who a word refers to: names, pronouns, titles and spokespersons. */
    public static final Slot<AgentResolver> AGENTS = Slot.value("agents");

    /** Statements found by any rule, more than one rule possibly finding the same. */
    public static final Slot<StatementFact> STATEMENT_CANDIDATES = Slot.candidates("statement candidates");
    /** Statements the learned attribution model found. */
    public static final Slot<StatementFact> LEARNED_STATEMENT_CANDIDATES = Slot.candidates("learned statement candidates");
    /** The article's statements, each speaker and text once. */
    public static final Slot<List<StatementFact>> STATEMENTS = Slot.value("statements");

    /** The dates time expressions give the clauses they attach to. */
    public static final Slot<ClauseDates> CLAUSE_DATES = Slot.value("clause dates");
    /** Events found by any rule. */
    public static final Slot<EventFact> EVENT_CANDIDATES = Slot.candidates("event candidates");
    /** The article's events, in text order. */
    public static final Slot<List<EventFact>> EVENTS = Slot.value("events");
}
