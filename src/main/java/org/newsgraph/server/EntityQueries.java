package org.newsgraph.server;

/**
 * The SPARQL of {@link EntityPage}: each query has the entity as {@code ?e} (the search, the
 * text as {@code ?q}), bound as a value, never pasted into the text.
 */
final class EntityQueries {

    private static final String PREFIXES = """
            PREFIX ng: <https://w3id.org/newsgraph/ontology#>
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX owl: <http://www.w3.org/2002/07/owl#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX schema: <https://schema.org/>
            """;

    /** The first label, for the page's title. */
    static final String LABEL = PREFIXES + "SELECT ?l WHERE { ?e rdfs:label ?l } ORDER BY ?l LIMIT 1";

    static final String TYPES = PREFIXES + "SELECT ?t WHERE { ?e rdf:type ?t }";

    /** Labels, types, other names and sameAs links, as one row each. */
    static final String ABOUT = PREFIXES + """
            SELECT ?label ?alt ?type ?typeLabel ?same WHERE {
              { ?e rdfs:label ?label } UNION { ?e skos:altLabel ?alt } UNION { ?e owl:sameAs ?same }
              UNION { ?e rdf:type ?type OPTIONAL { ?type rdfs:label ?typeLabel } }
            }""";

    /** Article columns shared by the fact queries: ?article ?articleTitle ?articleId ?published. */
    private static final String ARTICLE = """
              OPTIONAL { ?article dcterms:title ?articleTitle }
              OPTIONAL { ?article ng:articleId ?articleId }
              OPTIONAL { ?article ng:publishedOn ?published }
            """;

    static final String ROLES_HELD = PREFIXES + """
            SELECT ?reportedOn ?title ?where ?whereLabel ?former ?article ?articleTitle ?articleId ?published ?sentence WHERE {
              ?e ng:holdsRole ?role . ?role ng:title ?title .
              OPTIONAL { ?role ng:inOrganization|ng:jurisdiction ?where OPTIONAL { ?where rdfs:label ?whereLabel } }
              OPTIONAL { ?role ng:former ?former }
              OPTIONAL { ?role ng:reportedOn ?reportedOn }
              OPTIONAL { ?role ng:sentence ?sentence }
              OPTIONAL { ?role ng:sourceArticle ?article
            """ + ARTICLE + """
              }
            } ORDER BY ?reportedOn ?title ?whereLabel""";

    static final String ROLES_IN = PREFIXES + """
            SELECT ?reportedOn ?holder ?holderLabel ?title ?former ?article ?articleTitle ?articleId ?published WHERE {
              ?holder ng:holdsRole ?role . ?role ng:inOrganization|ng:jurisdiction ?e ; ng:title ?title .
              OPTIONAL { ?holder rdfs:label ?holderLabel }
              OPTIONAL { ?role ng:former ?former }
              OPTIONAL { ?role ng:reportedOn ?reportedOn }
              OPTIONAL { ?role ng:sourceArticle ?article
            """ + ARTICLE + """
              }
            } ORDER BY ?reportedOn ?holderLabel ?title""";

    static final String STATEMENTS = PREFIXES + """
            SELECT ?published ?direct ?cue ?text ?article ?articleTitle ?articleId WHERE {
              ?s ng:attributedTo ?e ; ng:text ?text .
              OPTIONAL { ?s ng:direct ?direct }
              OPTIONAL { ?s ng:cue ?cue }
              OPTIONAL { ?s ng:sourceArticle ?article
            """ + ARTICLE + """
              }
            } ORDER BY ?published ?article""";

    static final String EVENTS = PREFIXES + """
            SELECT ?occurredOn ?trigger ?place ?placeLabel ?sentence ?article ?articleTitle ?articleId ?published WHERE {
              ?ev a ng:Event ; ng:trigger ?trigger .
              { ?ev ng:participant ?e } UNION { ?ev ng:atPlace ?e }
              OPTIONAL { ?ev ng:occurredOn ?occurredOn }
              OPTIONAL { ?ev ng:atPlace ?place OPTIONAL { ?place rdfs:label ?placeLabel } }
              OPTIONAL { ?ev ng:sentence ?sentence }
              OPTIONAL { ?ev ng:sourceArticle ?article
            """ + ARTICLE + """
              }
            } ORDER BY ?occurredOn ?published ?trigger""";

    static final String MENTIONED_IN = PREFIXES + """
            SELECT ?article ?articleTitle ?articleId ?published WHERE {
              ?article ng:mentions ?e .
            """ + ARTICLE + """
            } ORDER BY DESC(?published) ?articleId""";

    static final String MENTIONS = PREFIXES + """
            SELECT ?x ?label ?type WHERE {
              ?e ng:mentions ?x .
              OPTIONAL { ?x rdfs:label ?label }
              OPTIONAL { ?x rdf:type ?t . ?t rdfs:label ?type FILTER(LANG(?type) = "en" || LANG(?type) = "") }
            } ORDER BY ?type ?label""";

    /**
     * For a person, the other persons of the store that may be the same one (as the canned query
     * possible-duplicates): a one-word name and the fuller names it begins or ends, and names
     * equal but for case, spaces and hyphens.
     */
    static final String POSSIBLE_DUPLICATES = PREFIXES + """
            SELECT ?x ?label ?why (COUNT(DISTINCT ?g) AS ?articles) WHERE {
              ?e a ng:Person ; rdfs:label|skos:altLabel ?mine .
              GRAPH ?g { ?x a ng:Person ; rdfs:label ?label }
              FILTER(?x != ?e)
              BIND(LCASE(STR(?mine)) AS ?a)
              BIND(LCASE(STR(?label)) AS ?b)
              BIND(IF(REPLACE(?a, "[ -]", "") = REPLACE(?b, "[ -]", ""), "names equal but for case, spaces or hyphens",
                   IF(!CONTAINS(?a, " ") && (STRSTARTS(?b, CONCAT(?a, " ")) || STRENDS(?b, CONCAT(" ", ?a))),
                      "a fuller name that begins or ends with this one",
                   IF(!CONTAINS(?b, " ") && (STRSTARTS(?a, CONCAT(?b, " ")) || STRENDS(?a, CONCAT(" ", ?b))),
                      "a one-word name this one begins or ends with", ""))) AS ?why)
              FILTER(?why != "")
            } GROUP BY ?x ?label ?why ORDER BY DESC(?articles) ?label LIMIT 50""";

    static final String OUTGOING = PREFIXES + """
            SELECT ?p ?o WHERE { ?e ?p ?o } ORDER BY ?p ?o LIMIT 500""";

    static final String INCOMING = PREFIXES + """
            SELECT ?s ?p WHERE { ?s ?p ?e } ORDER BY ?p ?s LIMIT 500""";

    static final String SEARCH = PREFIXES + """
            SELECT ?x (SAMPLE(?l) AS ?label) (SAMPLE(?tl) AS ?type) WHERE {
              ?x rdfs:label|skos:altLabel ?name .
              FILTER(CONTAINS(LCASE(STR(?name)), LCASE(?q)))
              FILTER(!STRSTARTS(STR(?x), "https://w3id.org/newsgraph/ontology"))
              OPTIONAL { ?x rdfs:label ?l }
              OPTIONAL { ?x rdf:type ?t . ?t rdfs:label ?tl }
            } GROUP BY ?x ORDER BY ?label LIMIT 100""";

    private EntityQueries() {
    }
}
