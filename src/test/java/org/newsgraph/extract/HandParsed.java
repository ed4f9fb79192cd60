package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.Dependency;
import org.newsgraph.nlp.Mention;
import org.newsgraph.nlp.Sentence;
import org.newsgraph.nlp.Span;
import org.newsgraph.nlp.Token;

/**
 * A text parsed by hand, for testing steps without the models: each sentence a list of tokens
 * written {@code "word lemma POS NER head relation"}, heads counted from 1 as in CoNLL (0 is
 * the root). Tokens are joined by single spaces; a run of tokens with one NER class other than
 * O is a mention.
 */
final class HandParsed {

    private HandParsed() {
    }

    static AnnotatedDocument of(List<List<String>> sentences) {
        StringBuilder text = new StringBuilder();
        List<Sentence> out = new ArrayList<>();
        List<Mention> mentions = new ArrayList<>();
        for (List<String> spec : sentences) {
            if (text.length() > 0) {
                text.append(' ');
            }
            int begin = text.length();
            List<Token> tokens = new ArrayList<>();
            List<Dependency> deps = new ArrayList<>();
            for (int i = 0; i < spec.size(); i++) {
                String[] f = spec.get(i).split(" ");
                if (f.length != 6) {
                    throw new IllegalArgumentException("expected 'word lemma POS NER head relation': " + spec.get(i));
                }
                if (i > 0) {
                    text.append(' ');
                }
                int start = text.length();
                text.append(f[0]);
                tokens.add(new Token(i, f[0], f[1], f[2], f[3], "", start, text.length()));
                deps.add(new Dependency(f[5], Integer.parseInt(f[4]) - 1, i));
            }
            int index = out.size();
            out.add(new Sentence(index, begin, text.length(), text.substring(begin), tokens, deps));
            for (int i = 0; i < tokens.size(); i++) {
                String ner = tokens.get(i).ner();
                if (ner.equals("O") || i > 0 && tokens.get(i - 1).ner().equals(ner)) {
                    continue;
                }
                int j = i;
                while (j + 1 < tokens.size() && tokens.get(j + 1).ner().equals(ner)) {
                    j++;
                }
                int b = tokens.get(i).begin();
                int e = tokens.get(j).end();
                mentions.add(new Mention(new Span(index, i, j + 1), ner, text.substring(b, e), "", b, e));
            }
        }
        return new AnnotatedDocument(text.toString(), Optional.empty(), out, mentions, List.of(), List.of());
    }
}
