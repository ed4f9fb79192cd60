package org.newsgraph.server;

import java.net.URL;
import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.main.JettySecurityLib;
import org.eclipse.jetty.ee10.servlet.security.ConstraintMapping;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.Constraint;
import org.newsgraph.error.ConfigurationException;

/** Two pieces of {@link NewsServer}'s Fuseki set-up: who may write, and where the query page's files are. */
final class ServerSetup {

    private ServerSetup() {
    }

    /**
     * Basic authentication for the one user; logins asked for on {@code /news/data} for every
     * method but the reading ones. Fuseki adds the constraints for {@code /news/update} and
     * {@code /news/ingest} from their endpoints' auth policies.
     */
    static ConstraintSecurityHandler securityHandler(String user, String password) {
        ConstraintSecurityHandler handler = JettySecurityLib.makeSecurityHandler(
                "newsgraph", JettySecurityLib.makeUserStore(user, password), AuthScheme.BASIC);
        String data = "/" + NewsServer.DATASET + "/data";
        String[] reads = {"GET", "HEAD", "OPTIONS"};
        ConstraintMapping gspWrites = new ConstraintMapping();
        gspWrites.setConstraint(new Constraint.Builder().name("BASIC").authorization(Constraint.Authorization.ANY_USER).build());
        gspWrites.setPathSpec(data);
        gspWrites.setMethodOmissions(reads);
        handler.addConstraintMapping(gspWrites);
        for (String method : reads) {
            ConstraintMapping read = new ConstraintMapping();
            read.setConstraint(Constraint.ALLOWED);
            read.setPathSpec(data);
            read.setMethod(method);
            handler.addConstraintMapping(read);
        }
        return handler;
    }

    /** Where the query page's files are: a folder in development, a folder in the jar otherwise. */
    static String webBase() {
        URL index = NewsServer.class.getResource("/web/index.html");
        if (index == null) {
            throw new ConfigurationException("the query page is missing from the class path (web/index.html); "
                    + "build newsgraph with Maven, which bundles it");
        }
        String url = index.toExternalForm();
        String base = url.substring(0, url.length() - "index.html".length());
        if (base.startsWith("file:")) {
            return java.nio.file.Path.of(java.net.URI.create(base)).toString();
        }
        return base;
    }
}
