package org.newsgraph.server;

import java.net.URL;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.auth.AuthPolicy;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.util.Context;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.newsgraph.query.RunningQueries;
import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.main.JettySecurityLib;
import org.eclipse.jetty.ee10.servlet.security.ConstraintMapping;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.Constraint;
import org.newsgraph.error.ConfigurationException;

/** {@link NewsServer}'s Fuseki set-up: its endpoints, servlets and filters, who may write, and where the query page's files are. */
final class ServerSetup {

    private ServerSetup() {
    }

    /** A Fuseki server, not started, and the queue of reads in front of it. */
    record Assembled(FusekiServer fuseki, FairQueue queue) {
    }

    /** Fuseki with newsgraph's endpoints, servlets, filters and limits, for the options of {@code b}. */
    static Assembled assemble(NewsServer.Builder b, RunningQueries running) {
        boolean writable = b.password.isPresent();
        Context queryContext = new Context();
        // One overall value: a two-part "initial,overall" timeout let some queries run on.
        queryContext.set(ARQ.queryTimeout, Long.toString(b.queryTimeout.toMillis()));
        // No SERVICE: a public query must not make the server fetch from other hosts.
        queryContext.set(ARQ.httpServiceAllowed, false);

        AuthPolicy onlyUser = Auth.policyAllowSpecific(b.user);
        boolean ingest = false;
        DataService.Builder data = DataService.newBuilder(b.store.dataset())
                .addEndpoint(Endpoint.create().operation(Operation.Query).endpointName("sparql").context(queryContext).build())
                .addEndpoint(Endpoint.create().operation(Operation.Query).endpointName("query").context(queryContext).build())
                .addEndpoint(Endpoint.create().operation(Operation.GSP_R).endpointName("data").build());
        if (writable) {
            data.addEndpoint(Endpoint.create().operation(Operation.Update).endpointName("update").authPolicy(onlyUser).build())
                    // No auth policy here: Fuseki would then ask for a login on GET as well. The
                    // security handler below asks for one on every method but GET, HEAD and OPTIONS.
                    .addEndpoint(Endpoint.create().operation(Operation.GSP_RW).endpointName("data").build());
            if (b.ingester != null) {
                ingest = true;
                data.addEndpoint(Endpoint.create().operation(NewsServer.INGEST).endpointName("ingest").authPolicy(onlyUser).build());
            }
        }

        CannedQueryApi api = new CannedQueryApi(b.queries, b.store.dataset(), b.queryTimeout, b.resultLimit, b.queryLimits, running);
        FusekiServer.Builder fb = FusekiServer.create()
                .fusekiModules(FusekiModules.create())
                .port(b.port)
                .numServerThreads(Math.min(8, b.limits.maxThreads()), b.limits.maxThreads())
                .registerOperation(Operation.Query, new CappedQueryService(b.resultLimit, b.queryTimeout, b.queryLimits, running))
                .registerOperation(Operation.Update, new ShallowUpdateService(b.queryLimits.nesting()))
                .add(NewsServer.DATASET, data)
                .addFilter("/*", new RequestGuard(writable, b.maxRequestBytes, b.limits.eagerBodyBytes()))
                .addFilter("/*", new DownloadGuard(b.store.dataset(), b.maxGraphTriples, writable))
                .addServlet("/entity", new EntityPage(b.store, b.queryTimeout, running))
                .addServlet("/queries", new QueryListServlet(b.queries))
                .addServlet("/queries/*", new QueryListServlet(b.queries))
                .addServlet(CannedQueryApi.BASE, api)
                .addServlet(CannedQueryApi.BASE + "/*", api)
                .addServlet("/api" + CannedQueryApi.OPENAPI, api)
                .addServlet("/healthz", new HealthServlet(b.store))
                .staticFileBase(ServerSetup.webBase());
        if (writable && b.store.folder().isPresent()) {
            fb.addFilter("/*", new DiskSpaceGuard(b.store.folder().get(), b.minFreeDiskBytes));
        }
        if (ingest) {
            fb.registerOperation(NewsServer.INGEST, new IngestService(b.store, b.ingester, b.maxBodyBytes));
        }
        if (writable) {
            fb.securityHandler(ServerSetup.securityHandler(b.user, b.password.get()));
        }
        FusekiServer server = fb.build();
        FairQueue queue = TrafficControl.install(server.getJettyServer(), b.limits).queue();
        for (Connector connector : server.getJettyServer().getConnectors()) {
            if (connector instanceof ServerConnector sc) {
                sc.setHost(b.host);
            }
        }
        return new Assembled(server, queue);
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
