package org.newsgraph.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResolverTest {

    private static PersonRecord person(String iri, String label, String... graphs) {
        return new PersonRecord(iri, Set.of(label), Set.of(graphs));
    }

    private static List<String> merges(MergeRules rules, PersonRecord... persons) {
        return new Resolver(rules).merges(List.of(persons)).stream()
                .map(m -> m.from() + ">" + m.into() + " " + m.graphs()).toList();
    }

    @Test
    void aOneWordNameJoinsTheOnlyFullerPersonItBeginsOrEnds() {
        assertEquals(List.of("p:mara>p:mara-quill [a2]", "p:quill>p:mara-quill [a3]"), merges(MergeRules.none(),
                person("p:mara-quill", "Mara Quill", "a1"), person("p:mara", "Mara", "a2"), person("p:quill", "Quill", "a3")));
    }

    @Test
    void aOneWordNameSharedByTwoFullerPersonsJoinsNeitherUnlessItsArticleNamesOne() {
        PersonRecord quill = person("p:mara-quill", "Mara Quill", "a1", "a3");
        PersonRecord otto = person("p:otto-quill", "Otto Quill", "a2");
        assertEquals(List.of("p:quill>p:mara-quill [a3]"),
                merges(MergeRules.none(), quill, otto, person("p:quill", "Quill", "a3", "a4")));
    }

    @Test
    void elsewhereAOneWordNameJoinsTheFullerPersonTheStoreNamesFarMoreOftenThanTheOthers() {
        PersonRecord mara = person("p:mara-quill", "Mara Quill", "a1", "a2", "a3", "a4", "a5");
        PersonRecord otto = person("p:otto-quill", "Otto Quill", "a6");
        PersonRecord quill = person("p:quill", "Quill", "a6", "a7");
        assertEquals(List.of("p:quill>p:otto-quill [a6]", "p:quill>p:mara-quill [a7]"), merges(MergeRules.none(), mara, otto, quill));
        // four articles against one is not far enough
        PersonRecord fewer = person("p:mara-quill", "Mara Quill", "a1", "a2", "a3", "a4");
        assertEquals(List.of("p:quill>p:otto-quill [a6]"), merges(MergeRules.none(), fewer, otto, quill));
        // two other fuller persons together
        PersonRecord ines = person("p:ines-quill", "Ines Quill", "a8", "a9");
        assertEquals(List.of("p:quill>p:otto-quill [a6]"), merges(MergeRules.none(), mara, otto, ines, quill));
    }

    @Test
    void twoDifferentFullNamesNeverJoinButSpellingVariantsDo() {
        assertEquals(List.of("p:ali-khan-2>p:ali-khan [a3]"), merges(MergeRules.none(),
                person("p:ali-khan", "Ali Khan", "a1", "a2"), person("p:ali-khan-2", "Ali-Khan", "a3"),
                person("p:ali-hassan", "Ali Hassan", "a4")));
    }

    @Test
    void aForbiddenMergeIsNotMadeWhetherNamedByNameOrIri() {
        MergeRules byName = MergeRules.parse(List.of("# keep them apart", "forbid\tmara\tMara Quill"), "rules.tsv");
        assertEquals(List.of(), merges(byName, person("p:mara-quill", "Mara Quill", "a1"), person("p:mara", "Mara", "a2")));
        MergeRules byIri = MergeRules.parse(List.of("forbid\tp:mara-quill\tp:mara"), "rules.tsv");
        assertEquals(List.of(), merges(byIri, person("p:mara-quill", "Mara Quill", "a1"), person("p:mara", "Mara", "a2")));
    }

    @Test
    void aBadRuleNamesItsFileAndLine() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(org.newsgraph.error.BadInputException.class,
                () -> MergeRules.parse(List.of("", "merge\ta\tb"), "my-rules.tsv"));
        assertTrue(e.getMessage().startsWith("my-rules.tsv:2: "), e.getMessage());
    }
}
