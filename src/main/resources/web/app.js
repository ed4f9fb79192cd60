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

  function openTab(title, query, run) {
    var tab = yasgui.addTab(true, {
      name: title,
      yasqe: { value: query },
      requestConfig: Object.assign({}, yasgui.config.requestConfig, { endpoint: ENDPOINT })
    });
    tab.setEndpoint(ENDPOINT);
    if (run) { tab.query(); }
    return tab;
  }

  // A query without parameters opens as written; one with parameters is bound by the server
  // (each value becomes one typed RDF term; empty fields take their defaults).
  function openQuery(q, li, run) {
    var error = li.querySelector(".error");
    error.textContent = "";
    if (!q.params || !q.params.length) {
      openTab(q.title, q.query, run);
      return;
    }
    var values = new URLSearchParams();
    Array.prototype.forEach.call(li.querySelectorAll("input[data-param]"), function (input) {
      if (input.value !== "") { values.append(input.dataset.param, input.value); }
    });
    fetch("/queries/" + encodeURIComponent(q.name) + "?" + values.toString(), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (answer) {
        if (!answer.ok) { throw new Error(answer.body.error || "could not bind the parameters"); }
        openTab(q.title, answer.body.query, run);
      })
      .catch(function (e) { error.textContent = e.message; });
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
      var open = text("button", "open", q.title);
      open.type = "button";
      open.title = "Open in a new tab";
      open.addEventListener("click", function () { openQuery(q, li, false); });
      li.appendChild(open);
      var run = text("button", "run", "\u25B6");
      run.type = "button";
      run.title = "Open in a new tab and run";
      run.setAttribute("aria-label", "Open and run " + q.title);
      run.addEventListener("click", function () { openQuery(q, li, true); });
      li.appendChild(run);
      if (q.description) { li.appendChild(text("p", "description", q.description)); }
      if (q.params && q.params.length) {
        var form = text("form", "params");
        form.addEventListener("submit", function (e) { e.preventDefault(); openQuery(q, li, true); });
        q.params.forEach(function (p) {
          var label = text("label", null);
          label.appendChild(text("span", "param-name", p.name + (p.required ? " *" : "")));
          var input = document.createElement("input");
          input.dataset.param = p.name;
          input.type = p.type === "date" ? "date" : "text";
          input.placeholder = p["default"] ? p["default"] : p.type;
          input.title = p.description + " (" + p.type + (p.required ? ", required" : "") + ")";
          label.appendChild(input);
          form.appendChild(label);
        });
        var submit = document.createElement("button");
        submit.type = "submit";
        submit.hidden = true;
        form.appendChild(submit);
        li.appendChild(form);
      }
      li.appendChild(text("p", "error", ""));
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
