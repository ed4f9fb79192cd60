package org.newsgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.error.NewsgraphException;

/** The built-in queries and catalogs of query folders. */
class QueryCatalogTest {

    @Test
    void theBuiltInQueriesAreTheProjectsQueriesFolder() {
        QueryCatalog builtIn = QueryCatalog.builtIn();
        QueryCatalog folder = QueryCatalog.load(Path.of("queries"));

        assertEquals(folder.names(), builtIn.names());
        assertTrue(builtIn.names().size() >= 12, builtIn.names().toString());
        assertEquals(folder.queries(), builtIn.queries());
    }

    @Test
    void everyBuiltInQueryIsDocumented() {
        for (CannedQuery q : QueryCatalog.builtIn().queries()) {
            assertFalse(q.title().isBlank(), q.name());
            assertTrue(q.description().length() > 40, q.name() + " needs a description");
            for (Parameter p : q.parameters()) {
                assertFalse(p.description().isBlank(), q.name() + " parameter " + p.name());
            }
        }
    }

    @Test
    void headerContinuationLinesNeverLookLikeAFieldOfTheirOwn() {
        // Lenient readers of the header (the server's query page) take any "# word:" as a new field.
        for (CannedQuery q : QueryCatalog.builtIn().queries()) {
            q.text().lines().takeWhile(l -> l.startsWith("#"))
                    .filter(l -> l.matches("#\\s*[A-Za-z][\\w-]*\\s*:.*"))
                    .forEach(l -> assertTrue(l.matches("# (title|description|param): .*"), q.name() + ": " + l));
        }
    }

    @Test
    void everyBuiltInQueryNamesItsGraphsSoItRunsOnAnyEndpoint() {
        for (CannedQuery q : QueryCatalog.builtIn().queries()) {
            assertTrue(q.text().contains("GRAPH ?"), q.name() + " should match article graphs with GRAPH ?article");
        }
    }

    @Test
    void everyBuiltInQueryRunsWithOnlyItsRequiredParameters() {
        try (var store = QueryFixtures.store(QueryFixtures.SAMPLE)) {
            for (CannedQuery q : QueryCatalog.builtIn().queries()) {
                var values = new java.util.HashMap<String, String>();
                q.parameters().stream().filter(Parameter::isRequired).forEach(p -> values.put(p.name(),
                        p.type() == ParamType.IRI ? "https://w3id.org/newsgraph/person/kamran-tessori" : "a"));
                QueryTarget.local(store.dataset()).run(q.bind(values));
            }
        }
    }

    @Test
    void getNamesTheKnownQueriesWhenOneIsMissing() {
        String message = assertThrows(NewsgraphException.class, () -> QueryCatalog.builtIn().get("rolez")).getMessage();
        assertTrue(message.startsWith("no query called 'rolez'; the queries are articles, articles-mentioning, "), message);
    }

    @Test
    void loadsTheRqFilesOfAFolderSortedByName(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("b.rq"), "# title: B\nASK {}\n");
        Files.writeString(tmp.resolve("a.rq"), "# title: A\nASK {}\n");
        Files.writeString(tmp.resolve("notes.txt"), "not a query");
        Files.createDirectories(tmp.resolve("sub.rq"));

        QueryCatalog catalog = QueryCatalog.load(tmp);

        assertEquals(List.of("a", "b"), catalog.names());
        assertEquals("B", catalog.get("b").title());
        assertTrue(catalog.find("notes").isEmpty());
    }

    @Test
    void aBrokenFileOrAMissingFolderIsAnErrorNamingIt(@TempDir Path tmp) throws Exception {
        Path broken = Files.writeString(tmp.resolve("broken.rq"), "# title: B\nSELECT {\n");
        String message = assertThrows(NewsgraphException.class, () -> QueryCatalog.load(tmp)).getMessage();
        assertTrue(message.startsWith(broken + ": the query does not parse"), message);
        assertEquals(tmp.resolve("nope") + ": not a folder of .rq query files",
                assertThrows(NewsgraphException.class, () -> QueryCatalog.load(tmp.resolve("nope"))).getMessage());
    }
}
