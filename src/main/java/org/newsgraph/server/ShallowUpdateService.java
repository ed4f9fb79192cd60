package org.newsgraph.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_Update;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.update.UpdateException;
import org.apache.jena.update.UpdateFactory;
import org.newsgraph.error.BadInputException;

/**
 * Fuseki's SPARQL Update processor, but an update nested too deeply to run (its WHERE past
 * {@code nesting} levels, as {@link org.newsgraph.query.QueryGuard#requireShallow} counts
 * them) is answered 400 before it starts, never 500 with a stack overflow. The body, already
 * bounded by the server's request size limit, is read once to check it and handed on.
 */
final class ShallowUpdateService extends SPARQL_Update {

    private final int nesting;

    ShallowUpdateService(int nesting) {
        this.nesting = nesting;
    }

    @Override
    protected void execute(HttpAction action, InputStream input) {
        byte[] body;
        try {
            body = input.readAllBytes();
        } catch (IOException e) {
            ServletOps.errorBadRequest("the update could not be read: " + e.getMessage());
            return;
        }
        try {
            org.newsgraph.query.QueryGuard.requireShallow(UpdateFactory.create(
                    new String(body, StandardCharsets.UTF_8), Fuseki.BaseParserSPARQL, Syntax.syntaxARQ), nesting);
        } catch (QueryParseException | UpdateException e) {
            // Fuseki parses it again and answers 400 with its own message.
        } catch (BadInputException e) {
            ServletOps.errorBadRequest(e.getMessage());
        } catch (StackOverflowError e) {
            ServletOps.errorBadRequest("the update is nested too deeply to run (more than " + nesting + " levels)");
        }
        super.execute(action, new ByteArrayInputStream(body));
    }
}
