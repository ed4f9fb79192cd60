package org.newsgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.graph.NodeTransformLib;
import org.newsgraph.error.NewsgraphException;

/**
 * Fuzzing of canned-query parameter binding (Jazzer; {@code mvn -Pfuzz test}): any text as the
 * value of any parameter of any built-in query is either refused with a {@link NewsgraphException}
 * or bound as one RDF term; the bound query always parses back to itself, and a string value
 * never changes the query's shape.
 */
class ParameterBindingFuzz {

    private static final List<CannedQuery> QUERIES = QueryCatalog.builtIn().queries();

    /** A harmless value of each type, for the parameters the fuzzer does not fill; strings name their parameter. */
    private static String placeholder(Parameter p) {
        return switch (p.type()) {
            case STRING -> "PLACEHOLDER-" + p.name();
            case IRI -> "https://example.org/placeholder";
            case DATE -> "2000-01-01";
            case INTEGER -> "7";
            case DECIMAL -> "7.5";
            case BOOLEAN -> "true";
        };
    }

    @FuzzTest(maxDuration = "40s")
    void bindAnyValue(FuzzedDataProvider data) {
        CannedQuery query = data.pickValue(QUERIES);
        if (query.parameters().isEmpty()) {
            return;
        }
        Parameter fuzzed = data.pickValue(query.parameters());
        String value = data.consumeRemainingAsString();
        Map<String, String> values = new HashMap<>();
        query.parameters().forEach(p -> values.put(p.name(), placeholder(p)));
        Map<String, String> plainValues = new HashMap<>(values);
        values.put(fuzzed.name(), value);

        BoundQuery bound;
        try {
            bound = query.bind(values);
        } catch (NewsgraphException refused) {
            assertTrue(refused.getMessage().contains("'" + fuzzed.name() + "'"), "the refusal names the parameter: "
                    + refused.getMessage());
            assertFalse(refused.getMessage().contains("\n"), "one line: " + refused.getMessage());
            return;
        }

        Query reparsed = QueryFactory.create(bound.sparql());
        assertEquals(bound.query(), reparsed, "the bound query's text parses back to the same query");
        Node term = bound.values().get(fuzzed.name());
        if (value.isEmpty()) {
            return; // the default, if any, is bound instead
        }
        if (term == null) {
            assertTrue(value.isBlank(), "only a blank value leaves the variable unbound");
            return;
        }
        assertTrue(term.isLiteral() || term.isURI(), "one RDF term: " + term);
        if (fuzzed.type() == ParamType.STRING) {
            assertEquals(value, term.getLiteralLexicalForm());
            // The query with the placeholder, its placeholder then swapped for the fuzzed term as a
            // node of the algebra, must be the bound query: the value changed one term and nothing
            // else. (Comparing texts instead failed on escapes, which two serializers write apart.)
            Node marker = NodeFactory.createLiteralString(placeholder(fuzzed));
            Op expected = NodeTransformLib.transform(n -> n.equals(marker) ? term : n,
                    Algebra.compile(query.bind(plainValues).query()));
            assertEquals(expected, Algebra.compile(reparsed), "the value stays in its literal");
        }
    }
}
