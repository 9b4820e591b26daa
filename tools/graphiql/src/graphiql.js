// GraphiQL for Poikki's /graphql, served by Poikki itself: no CDN, so it works offline.
// The headers editor is open at start: when the server asks a token for reading, a person
// pastes {"Authorization": "Bearer …"} there; every request (and a subscription's
// connection_init) carries it, and the schema is fetched again when it changes.
// Bundled by ../build.mjs.

import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { createElement, useCallback, useEffect, useMemo, useState } from "react";
import { createRoot } from "react-dom/client";

const root = document.getElementById("graphiql");
const url = window.location.href.split(/[?#]/)[0];

// Shared links: ?q= (the query) and ?variables=, as strawberry's GraphiQL wrote them.
// (?query= would make /graphql run the query instead of serving this page.)
const parameters = new URLSearchParams(window.location.search);

function webSocketUrl(httpUrl) {
  const parsed = new URL(httpUrl);
  parsed.protocol = parsed.protocol === "https:" ? "wss:" : "ws:";
  parsed.hash = "";
  return parsed.toString();
}

function keepInUrl(name, value) {
  if (value) parameters.set(name, value);
  else parameters.delete(name);
  const search = parameters.toString();
  window.history.replaceState(null, "", search ? `?${search}` : window.location.pathname);
}

// The headers as they are sent: a change that parses is a new fetcher, which GraphiQL
// answers by fetching the schema again (with the new token).
function sentHeaders(text) {
  if (!text || !text.trim()) return "{}";
  try {
    const parsed = JSON.parse(text);
    return parsed && typeof parsed === "object" ? JSON.stringify(parsed) : null;
  } catch {
    return null;
  }
}

const fetchOverHttpAndWebSocket = createGraphiQLFetcher({
  url,
  subscriptionUrl: webSocketUrl(url),
});

function PoikkiGraphiQL() {
  const [headers, setHeaders] = useState("{}");
  const fetcher = useMemo(
    () => (params, options) => fetchOverHttpAndWebSocket(params, options),
    [headers],
  );
  const onEditHeaders = useCallback((text) => {
    const sent = sentHeaders(text);
    if (sent !== null) setHeaders(sent);
  }, []);
  useEffect(() => {
    root.dataset.state = "ready";
  }, []);
  return createElement(GraphiQL, {
    fetcher,
    defaultQuery: "{\n  programmes(first: 5) {\n    totalCount\n    edges { node { id name } }\n  }\n}\n",
    query: parameters.get("q") ?? undefined,
    variables: parameters.get("variables") ?? undefined,
    onEditQuery: (text) => keepInUrl("q", text),
    onEditVariables: (text) => keepInUrl("variables", text),
    onEditHeaders,
    isHeadersEditorEnabled: true,
    defaultEditorToolsVisibility: "headers",
    shouldPersistHeaders: false,
    inputValueDeprecation: true,
  });
}

createRoot(root).render(createElement(PoikkiGraphiQL));
