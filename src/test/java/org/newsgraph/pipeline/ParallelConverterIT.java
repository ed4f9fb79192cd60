package org.newsgraph.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsgraph.rdf.IriMinter;
import org.newsgraph.read.Article;
import org.newsgraph.read.ReadResult;
import org.newsgraph.store.GraphStore;

/**
 * The shared CoreNLP pipeline on two threads gives the very graphs it gives on one: the
 * annotators we use keep no per-document state between calls (quote attribution, which does,
 * runs one document at a time), so articles annotated at the same time do not disturb each other.
 */
class ParallelConverterIT {

    private static final List<String> TEXTS = List.of(
            "date 2024-03-05\nSenator Ann Whitfield of the Democratic Party said on Monday that she would vote "
                    + "against the budget. \"This bill abandons working families,\" Whitfield told reporters in "
                    + "Columbus. She added that Governor Mark Okafor had ignored the state's schools.",
            "date 2024-03-06\nGovernor Mark Okafor, a Republican, answered on Tuesday. \"The budget keeps taxes "
                    + "low and our streets safe,\" Okafor said. He accused Senator Ann Whitfield of playing politics "
                    + "with the schools, and said he would sign the bill on Friday.",
            "date 2024-04-11\nThe Republican Party chose Julia Brennan as its candidate for mayor of Phoenix on "
                    + "Thursday, after Tom Delgado withdrew from the race. Brennan thanked her supporters. "
                    + "\"We will win in November,\" she said at a rally.",
            "date 2024-04-12\nAccording to the League of Women Voters, turnout in the Arizona primary reached 41 "
                    + "percent. Robert Harmon, the group's president, said the figure was the highest in twenty "
                    + "years. Secretary of State Maria Reyes confirmed the count on Friday.",
            "date 2024-05-02\nRepresentative Peter Caldwell resigned from the board of the Chamber of Commerce "
                    + "last year, he told reporters in Detroit. Caldwell is expected to meet Mayor Grace Ashby in "
                    + "Lansing next week to discuss road funding.",
            "date 2024-05-20\nProtesters gathered outside the state capitol in Atlanta on Saturday. Police said "
                    + "twelve people were arrested. Attorney General Helen Lindqvist promised an inquiry, and "
                    + "Senator Victor Moretti called for calm.");

    private static ArticleConverter converter;
    private static List<Article> articles;

    @BeforeAll
    static void load() {
        converter = ArticleConverter.builder().build();
        articles = new java.util.ArrayList<>();
        for (int i = 0; i < TEXTS.size(); i++) {
            String text = TEXTS.get(i);
            String date = text.substring(5, 15);
            String body = text.substring(16);
            articles.add(new Article("parallel-" + i, Optional.of(java.time.LocalDate.parse(date)), Optional.empty(),
                    Optional.empty(), body, "parallel-" + i + ".txt"));
        }
    }

    private static DatasetGraph convertOn(int threads) {
        return convertOn(threads, articles);
    }

    private static DatasetGraph convertOn(int threads, List<Article> batch) {
        DatasetGraph out = DatasetGraphFactory.createTxnMem();
        ParallelConverter.builder().converter(converter).threads(threads).build()
                .run(batch.stream().map(ReadResult::success), new ParallelConverter.Sink() {
                    @Override
                    public void converted(Article article, List<Quad> quads, long nanos) {
                        quads.forEach(out::add);
                    }

                    @Override
                    public void failed(Article article, RuntimeException error) {
                        throw error;
                    }

                    @Override
                    public void unreadable(ReadResult.Failure failure) {
                        throw new AssertionError(failure.message());
                    }
                });
        return out;
    }

    @Test
    void twoThreadsGiveTheSameDatasetAsOne() {
        DatasetGraph one = convertOn(1);
        DatasetGraph two = convertOn(2);

        assertEquals(articles.size(), one.stream().map(Quad::getGraph).distinct().count(), "a graph per article");
        assertTrue(one.stream().anyMatch(q -> q.getObject().isLiteral()
                && q.getObject().getLiteralLexicalForm().startsWith("This bill abandons working families")),
                "the quote of the first article is a statement");
        assertTrue(IsoMatcher.isomorphic(one, two), "1 and 2 threads give isomorphic datasets");
        assertTrue(IsoMatcher.isomorphic(one, convertOn(2)), "and so does a second run on 2 threads");
    }

    /**
     * Quote attribution keeps the current document's names in the shared annotator, so two
     * documents at once once failed in its speaker sieve (a NullPointerException): now it runs
     * one document at a time, and many articles with quotes on four threads all convert.
     */
    @Test
    void quotesOnManyThreadsAtOnceAllConvertAsOnOne() {
        List<Article> many = new java.util.ArrayList<>();
        for (int round = 0; round < 5; round++) {
            many.addAll(articles);
        }
        assertTrue(IsoMatcher.isomorphic(convertOn(1), convertOn(4, many)), "no article failed, and the graphs are the same");
    }

    @Test
    void ingestOnTwoThreadsStoresWhatConvertWrites() {
        DatasetGraph converted = convertOn(1);
        try (GraphStore store = GraphStore.inMemory()) {
            var summary = Ingester.builder(store).converter(converter).threads(2).build()
                    .ingestAll(Stream.concat(articles.stream().map(ReadResult::success),
                            Stream.of(ReadResult.failure("broken.jsonl:3", "not JSON"))));

            assertEquals(articles.size(), summary.ingested());
            assertEquals(1, summary.failed());
            for (Article a : articles) {
                assertTrue(store.findArticleGraph(a.id()).orElseThrow()
                        .isIsomorphicWith(converted.getGraph(IriMinter.standard().article(a.id()))), a.id());
            }
        }
    }
}
