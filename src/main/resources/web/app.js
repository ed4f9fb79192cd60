// The newsgraph query page: YASGUI on this server's SPARQL endpoint, the ontology's prefixes,
// the canned queries one click away, and entity IRIs in results linked to the entity page.
(function () {
  "use strict";

  var ENDPOINT = new URL("/news/sparql", window.location.href).toString();
  var PREFIXES = {
    ng: "https://w3id.org/newsgraph/ontology#",
    rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    rdfs: "http://www.w3.org/2000/01/rdf-schema#",
    skos: "http://www.w3.org/2004/02/skos/core#",
    xsd: "http://www.w3.org/2001/XMLSchema#",
    owl: "http://www.w3.org/2002/07/owl#",
    dcterms: "http://purl.org/dc/terms/",
    schema: "https://schema.org/",
    prov: "http://www.w3.org/ns/prov#"
  };
  var PROLOGUE = Object.keys(PREFIXES).map(function (p) {
    return "PREFIX " + p + ": <" + PREFIXES[p] + ">";
  }).join("\n");
  var DEFAULT_QUERY = PROLOGUE + "\n\n" +
    "# Who holds which role, in which organization or place, as reported by which article\n" +
    "SELECT ?person ?title ?where ?article WHERE {\n" +
    "  ?p ng:holdsRole ?r ; rdfs:label ?person .\n" +
    "  ?r ng:title ?title ; ng:sourceArticle ?article .\n" +
    "  OPTIONAL { ?r ng:inOrganization|ng:jurisdiction ?w . ?w rdfs:label ?where }\n" +
    "}\nORDER BY ?person ?title\nLIMIT 100\n";

  // Everything stays on this server: no prefix.cc or LOV look-ups while typing.
  Yasgui.Yasqe.defaults.autocompleters = ["variables"];
  Yasgui.Yasqe.defaults.prefixCcApi = null;
  Yasgui.defaults.requestConfig.endpoint = ENDPOINT;

  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: ENDPOINT, method: "POST" },
    copyEndpointOnNewTab: false,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: ENDPOINT }]; } },
    yasqe: { value: DEFAULT_QUERY },
    yasr: { prefixes: PREFIXES }
  });
  window.newsgraphYasgui = yasgui;
  document.getElementById("endpoint").textContent = ENDPOINT;

  // IRIs in result tables open the entity page (the IRI itself is rarely resolvable).
  function linkEntities(root) {
    var links = root.querySelectorAll ? root.querySelectorAll("a.iri") : [];
    Array.prototype.forEach.call(links, function (a) {
      if (a.dataset.newsgraph) { return; }
      var iri = a.getAttribute("href");
      if (!/^https?:/.test(iri)) { return; }
      a.dataset.newsgraph = "entity";
      a.setAttribute("href", "/entity?iri=" + encodeURIComponent(iri));
      a.setAttribute("title", iri);
      a.setAttribute("target", "_blank");
      a.setAttribute("rel", "noopener");
    });
  }
  new MutationObserver(function (mutations) {
    mutations.forEach(function (m) {
      Array.prototype.forEach.call(m.addedNodes, function (n) {
        if (n.nodeType === 1) { linkEntities(n); }
      });
    });
  }).observe(document.getElementById("yasgui"), { childList: true, subtree: true });

  function openQuery(q) {
    var tab = yasgui.addTab(true, {
      name: q.title,
      yasqe: { value: q.query },
      requestConfig: Object.assign({}, yasgui.config.requestConfig, { endpoint: ENDPOINT })
    });
    tab.setEndpoint(ENDPOINT);
    return tab;
  }

  function text(tag, className, content) {
    var el = document.createElement(tag);
    if (className) { el.className = className; }
    if (content) { el.textContent = content; }
    return el;
  }

  function showQueries(queries) {
    var list = document.getElementById("canned-list");
    list.textContent = "";
    if (!queries.length) {
      list.appendChild(text("li", "empty", "No canned queries on this server."));
      return;
    }
    queries.forEach(function (q) {
      var li = text("li", "canned-query");
      li.dataset.name = q.name;
      var button = text("button", "open", q.title);
      button.type = "button";
      button.title = "Open in a new tab";
      button.addEventListener("click", function () { openQuery(q); });
      li.appendChild(button);
      var run = text("button", "run", "▶");
      run.type = "button";
      run.title = "Open and run";
      run.setAttribute("aria-label", "Open and run " + q.title);
      run.addEventListener("click", function () { openQuery(q).query(); });
      li.appendChild(run);
      if (q.description) { li.appendChild(text("p", "description", q.description)); }
      if (q.params && q.params.length) {
        var params = text("ul", "params");
        q.params.forEach(function (p) {
          var item = text("li", null);
          item.appendChild(text("code", null, "?_" + p.name));
          item.appendChild(document.createTextNode(" " + p.type +
            (p["default"] === null ? " (required)" : "") + (p.description ? ": " + p.description : "")));
          params.appendChild(item);
        });
        li.appendChild(params);
      }
      list.appendChild(li);
    });
  }

  fetch("/queries", { headers: { Accept: "application/json" } })
    .then(function (r) {
      if (!r.ok) { throw new Error("HTTP " + r.status); }
      return r.json();
    })
    .then(showQueries)
    .catch(function (e) {
      var list = document.getElementById("canned-list");
      list.textContent = "";
      list.appendChild(text("li", "error", "Could not load the canned queries: " + e.message));
    });
}());
