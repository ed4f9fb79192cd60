/**
 * Canned SPARQL queries for analysts of political news, with typed parameters, run on a store
 * in this process or on any SPARQL 1.1 endpoint.
 *
 * <p>{@link org.newsgraph.query.QueryCatalog} holds the queries by name (the built-in ones come
 * from the project's {@code queries/} folder, carried in the jar); each is a
 * {@link org.newsgraph.query.CannedQuery} read from a {@code .rq} file whose header gives its
 * title, description and {@link org.newsgraph.query.Parameter}s. Parameter {@code name} is the
 * variable {@code ?_name}; {@link org.newsgraph.query.CannedQuery#bind} checks each value
 * against its {@link org.newsgraph.query.ParamType} and puts it into the parsed query as one RDF
 * term, so no value can change the query's shape. {@link org.newsgraph.query.QueryTarget} runs
 * the bound query on a dataset or an endpoint and gives a
 * {@link org.newsgraph.query.QueryResult} (rows, an answer or a graph) that writes itself in a
 * {@link org.newsgraph.query.ResultFormat}.
 *
 * <p>Queries on a local dataset run within {@link org.newsgraph.query.QueryLimits}, put in
 * place by {@link org.newsgraph.query.QueryGuard}: regular expressions that the timeout stops,
 * GROUP_CONCAT with a cap, graph answers cut at a number of triples
 * ({@link org.newsgraph.query.CappedGraphs}), no nesting deep enough to overflow the stack. A
 * server keeps its running queries in {@link org.newsgraph.query.RunningQueries}, which cancels
 * those whose client has gone and all of them when it stops.
 *
 * <pre>{@code
 * CannedQuery q = QueryCatalog.builtIn().get("statements-by");
 * QueryResult r = QueryTarget.local(store.dataset()).run(q.bind(Map.of("speaker", "Rauf")));
 * r.write(System.out, ResultFormat.CSV);
 * }</pre>
 */
package org.newsgraph.query;
