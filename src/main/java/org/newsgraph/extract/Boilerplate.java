package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.CorefChain;
import org.newsgraph.nlp.CorefMention;
import org.newsgraph.nlp.Sentence;

/**
 * Hides the page furniture of scraped articles (captions, "Also Read" teasers, follow
 * prompts) from extraction. Sentences keep their places and offsets; the hidden ones are
 * left without tokens, and mentions, chains and quotes inside them are dropped.
 */
final class Boilerplate implements ExtractionStep {

    private final Lexicon lexicon;

    Boilerplate(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public Set<Slot<?>> requires() {
        return Set.of(Slots.ANNOTATED);
    }

    @Override
    public Set<Slot<?>> provides() {
        return Set.of(Slots.DOCUMENT);
    }

    @Override
    public void apply(ArticleContext context) {
        context.put(Slots.DOCUMENT, hide(context.get(Slots.ANNOTATED)));
    }

    private AnnotatedDocument hide(AnnotatedDocument doc) {
        Set<Integer> hidden = new HashSet<>();
        for (Sentence s : doc.sentences()) {
            if (lexicon.isBoilerplate(s.text())) {
                hidden.add(s.index());
            }
        }
        if (hidden.isEmpty()) {
            return doc;
        }
        List<Sentence> sentences = new ArrayList<>();
        for (Sentence s : doc.sentences()) {
            sentences.add(hidden.contains(s.index())
                    ? new Sentence(s.index(), s.begin(), s.end(), s.text(), List.of(), List.of()) : s);
        }
        List<CorefChain> chains = new ArrayList<>();
        for (CorefChain c : doc.chains()) {
            List<CorefMention> kept = c.mentions().stream().filter(m -> !hidden.contains(m.span().sentence())).toList();
            if (!kept.isEmpty()) {
                int rep = kept.indexOf(c.representativeMention());
                chains.add(new CorefChain(kept, Math.max(rep, 0)));
            }
        }
        return new AnnotatedDocument(doc.text(), doc.date(), sentences,
                doc.mentions().stream().filter(m -> !hidden.contains(m.span().sentence())).toList(), chains,
                doc.quotes().stream().filter(q -> hidden.stream().noneMatch(i -> {
                    Sentence s = doc.sentence(i);
                    return q.begin() < s.end() && s.begin() < q.end();
                })).toList());
    }
}
