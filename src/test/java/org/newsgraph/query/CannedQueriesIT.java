package org.newsgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.newsgraph.query.QueryFixtures.params;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsgraph.pipeline.ArticleConverter;
import org.newsgraph.read.Article;
import org.newsgraph.read.ArticleReader;
import org.newsgraph.read.ReadResult;
import org.newsgraph.store.GraphStore;

/**
 * The committed test graph {@code src/test/resources/query/sample.trig} is what the converter
 * really makes of the sample article: canned queries give the same rows on a fresh conversion
 * (with CoreNLP) as on the file. When this fails after a change to extraction, regenerate the
 * file with {@code ./newsgraph convert data/articles -f trig -o src/test/resources/query/sample.trig}
 * and update the rows {@code CannedQueriesTest} expects.
 */
class CannedQueriesIT {

    static GraphStore converted;
    static GraphStore committed;

    @BeforeAll
    static void convert() {
        converted = GraphStore.inMemory();
        ArticleConverter converter = ArticleConverter.builder().build();
        try (Stream<ReadResult> results = ArticleReader.create().read(List.of(Path.of("data/articles")))) {
            for (ReadResult r : results.toList()) {
                Article article = ((ReadResult.Success) r).article();
                converted.put(article.id(), article.contentHash(), converter.convert(article));
            }
        }
        committed = QueryFixtures.store(QueryFixtures.SAMPLE);
    }

    @AfterAll
    static void close() {
        converted.close();
        committed.close();
    }

    static Stream<Arguments> queries() {
        return Stream.of(
                Arguments.of("roles", new String[0]),
                Arguments.of("statements-by", new String[] {"speaker=Siddiqui"}),
                Arguments.of("events-in-range", new String[] {"from=2025-02-08", "to=2025-02-08"}),
                Arguments.of("top-entities", new String[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void givesTheSameRowsOnAFreshConversionAsOnTheCommittedGraph(String name, String[] values) {
        BoundQuery q = QueryCatalog.builtIn().get(name).bind(params(values));
        List<Map<String, String>> fresh = ((QueryResult.Rows) QueryTarget.local(converted.dataset()).run(q)).values();
        List<Map<String, String>> file = ((QueryResult.Rows) QueryTarget.local(committed.dataset()).run(q)).values();

        assertFalse(file.isEmpty(), name + " finds rows in the sample");
        assertEquals(file, fresh, name + ": src/test/resources/query/sample.trig no longer matches the converter's output; "
                + "regenerate it (see this class's Javadoc)");
    }
}
