package org.newsgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsgraph.error.QueryLimitException;

/** GROUP_CONCAT with a cap, and graph answers cut at the triple limit, on a local dataset. */
class CappedAggregatesTest {

    /** 30 triples of 10 subjects with 20 values: a subject has some value twice, by two properties. */
    private final DatasetGraph data = data();
    private final QueryTarget small = QueryTarget.local(data).withLimits(new QueryLimits(25, 60, 100, 100));

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT ?s (GROUP_CONCAT(?o) AS ?all) { ?s ?p ?o } GROUP BY ?s ORDER BY ?s",
        "SELECT ?s (GROUP_CONCAT(DISTINCT ?o; separator=', ') AS ?all) { ?s ?p ?o } GROUP BY ?s ORDER BY ?s",
        "SELECT (GROUP_CONCAT(?o; separator='') AS ?all) { ?s ?p ?o FILTER(?s = <http://example.org/s1>) }",
        "SELECT (GROUP_CONCAT(?o) AS ?all) { ?s ?p ?o FILTER(false) }",
        "SELECT (GROUP_CONCAT(DISTINCT ?o) AS ?all) { ?s ?p ?o FILTER(false) }",
        "SELECT ?s (GROUP_CONCAT(?x) AS ?all) { ?s ?p ?o OPTIONAL { ?s <http://example.org/none> ?x } } GROUP BY ?s ORDER BY ?s",
    })
    void withinTheCapItAnswersAsArqsOwn(String select) {
        Query query = QueryFactory.create(select);

        assertEquals(arqRows(query), ((QueryResult.Rows) small.execute(query)).values());
    }

    @Test
    void aStringPastTheCapFailsTheQuery() {
        Query all = QueryFactory.create("SELECT (GROUP_CONCAT(?o) AS ?all) { ?s ?p ?o }");

        QueryLimitException e = assertThrows(QueryLimitException.class, () -> small.execute(all));

        assertTrue(e.getMessage().contains("GROUP_CONCAT builds a string longer than the limit of 60 characters"), e.getMessage());
    }

    @Test
    void aConcatInAFilterPastTheCapStillFailsTheQuery() {
        Query inSubSelect = QueryFactory.create("SELECT ?s { ?s ?p ?o { SELECT (GROUP_CONCAT(?v) AS ?all) { ?x ?q ?v } } "
                + "FILTER(STRLEN(?all) > 0) }");

        assertThrows(QueryLimitException.class, () -> small.execute(inSubSelect));
    }

    @Test
    void aGraphAnswerIsCutAtTheTripleLimitAndSaysSo() {
        QueryResult.Triples cut = (QueryResult.Triples) small.execute(QueryFactory.create("CONSTRUCT WHERE { ?s ?p ?o }"));
        QueryResult.Triples described = (QueryResult.Triples) small.execute(QueryFactory.create("DESCRIBE ?s { ?s ?p ?o }"));
        QueryResult.Triples whole = (QueryResult.Triples) small.execute(
                QueryFactory.create("CONSTRUCT WHERE { <http://example.org/s1> ?p ?o }"));

        assertEquals(25, cut.size());
        assertTrue(cut.truncated());
        assertEquals(25, described.size());
        assertTrue(described.truncated());
        assertEquals(3, whole.size());
        assertFalse(whole.truncated());
    }

    private List<Map<String, String>> arqRows(Query query) {
        return Txn.calculateRead(data, () -> {
            try (QueryExec exec = QueryExec.dataset(data).query(query).build()) {
                var rows = exec.select();
                List<String> vars = rows.getResultVars().stream().map(v -> v.getVarName()).toList();
                List<Binding> copied = new ArrayList<>();
                rows.forEachRemaining(copied::add);
                return new QueryResult.Rows(vars, copied, Map.of()).values();
            }
        });
    }

    private static DatasetGraph data() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        for (int i = 0; i < 30; i++) {
            dsg.getDefaultGraph().add(NodeFactory.createURI("http://example.org/s" + i % 10),
                    NodeFactory.createURI("http://example.org/p" + i % 3), NodeFactory.createLiteralString("v" + i % 20));
        }
        return dsg;
    }
}
