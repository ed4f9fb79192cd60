package org.newsgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The canned queries stay fast when one person is reported by hundreds of articles, many of
 * them on the same day: 300 articles, copies of the synthetic three, so Otto Brannick is
 * reported 200 times and 100 articles share each date. A query that compared every pair of
 * reports would run for minutes here.
 */
class QueryScaleTest {

    static final int COPIES = 100;
    static DatasetGraph dataset;

    @BeforeAll
    static void load() throws IOException {
        String trig;
        try (InputStream in = QueryScaleTest.class.getResourceAsStream("/query/" + QueryFixtures.SYNTHETIC)) {
            trig = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int body = trig.indexOf("a:harbour-2024-11-03 {");
        StringBuilder copies = new StringBuilder(trig.substring(0, body));
        for (int i = 0; i < COPIES; i++) {
            String copy = trig.substring(body);
            for (String id : new String[] {"harbour-2024-11-03", "harbour-2025-01-15", "farmers-2025-03-02"}) {
                copy = copy.replace(id, id + "-copy" + i);
            }
            copies.append(copy.replace("person:mara-quill", "person:mara-quill-" + i % 20)
                    .replace("\"Mara Quill\"", "\"Mara Quill " + i % 20 + "\""));
        }
        // A dataset in memory, not a GraphStore: loading is quicker, and queries see the same graphs.
        dataset = DatasetGraphFactory.createTxnMem();
        RDFParser.fromString(copies.toString(), Lang.TRIG).parse(dataset);
        try (InputStream in = QueryScaleTest.class.getResourceAsStream("/query/duplicates.trig")) {
            RDFParser.source(in).lang(Lang.TRIG).parse(dataset);
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyCannedQueryAnswersWithinSecondsOnThreeHundredArticles() {
        Map<String, Map<String, String>> args = Map.of(
                "party-members", Map.of("party", "GHP"),
                "statements-by", Map.of("speaker", "Brannick"),
                "statements-about", Map.of("topic", "budget"),
                "timeline", Map.of("entity", "GHP", "inSentence", "true"),
                "articles-mentioning", Map.of("entity", "UNF"),
                "entity-facts", Map.of("entity", "https://w3id.org/newsgraph/person/otto-brannick"),
                "possible-duplicates", Map.of("person", "Quill"));
        QueryTarget target = QueryTarget.local(dataset).withTimeout(Duration.ofSeconds(20));
        for (CannedQuery q : QueryCatalog.builtIn().queries()) {
            long start = System.nanoTime();
            QueryResult result = target.run(q.bind(args.getOrDefault(q.name(), Map.of())));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(result.size() > 0, q.name());
            assertTrue(seconds < 20, q.name() + " took " + seconds + " s");
        }
    }

    @Test
    void theAggregatingQueriesGiveOneRowPerRoleNotPerArticle() {
        assertEquals(1, rows("roles", "person", "Brannick"));
        assertEquals(1, rows("role-changes", "person", "Brannick"));
        assertEquals(1, rows("role-conflicts", "person", "Brannick"));
        assertEquals(2, rows("party-members", "party", "Union of Northern Farmers"));
    }

    private static long rows(String query, String parameter, String value) {
        return QueryTarget.local(dataset).run(QueryCatalog.builtIn().get(query).bind(Map.of(parameter, value))).size();
    }
}
