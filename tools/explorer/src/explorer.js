// The /explore page: draws a scope of Poikki's network with sigma.js, reading everything
// through /graphql and /export as any other client would. Bundled by ../build.mjs.

import Graph from "graphology";
import circular from "graphology-layout/circular";
import forceAtlas2 from "graphology-layout-forceatlas2";
import Sigma from "sigma";

const MODES = [
  ["NETWORK", "Two-mode network (everything)"],
  ["PEOPLE", "People (projected)"],
  ["ORGANISATIONS", "Organisations (projected)"],
];
const BOUNDARIES = [
  ["SECTOR", "Sector"],
  ["BRANCH", "Branch"],
  ["ORGANISATION", "Organisation"],
  ["MUNICIPALITY", "Municipality"],
  ["SEAT_TYPE", "Seat type"],
];
const COLOURINGS = [
  ["KIND", "Kind of node"],
  ["BOUNDARY", "Boundary group"],
  ["COMMUNITY", "Community"],
];
const SIZES = [
  ["WEIGHT", "Weighted degree"],
  ["DEGREE", "Degree"],
  ["BETWEENNESS", "Betweenness"],
  ["CLOSENESS", "Closeness"],
  ["EIGENVECTOR", "Eigenvector"],
  ["BROKERAGE", "Brokerage"],
  ["CLUSTERING", "Local clustering"],
  ["CORE_NUMBER", "k-core number"],
  ["CORENESS", "Core–periphery coreness"],
];
const KIND_COLOURS = {
  PERSON: "#1f77b4",
  ORGANISATION: "#ff7f0e",
  PROGRAMME: "#2ca02c",
  PROJECT: "#9467bd",
  OUTCOME: "#8c564b",
  EVENT: "#e377c2",
  GOAL: "#bcbd22",
  STORY: "#17becf",
  SOURCE: "#7f7f7f",
};
const PALETTE = [
  "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
  "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173",
];
const UNKNOWN = "#b0b0b0";
const FADED = "#dadada";
const FADED_EDGE = "#efefef";
const BROKERS_SHOWN = 5;
const PAGE = 100;
const MAX_PAGES = 50;

const NODE_FIELDS = "nodes { id kind label sector orgType branch municipality start end weight sourcesCount }";
const EDGE_FIELDS = "id source target type role seatType weight start end";
// The server counts what a query could return (docs/limits.md): a node 1, an edge with its
// sources (3) and shared initiatives (10) 14. Larger views are drawn without the ties' sources.
const RICH_UP_TO = 60000;

function graphFields(nodes, edges) {
  const rich = nodes + 14 * edges <= RICH_UP_TO;
  const tie = rich ? `${EDGE_FIELDS} sources { title } shared { name }` : `${EDGE_FIELDS} sourcesCount`;
  return `nodeCount edgeCount ${NODE_FIELDS} edges { ${tie} }`;
}

function viewQuery(mode, fields) {
  const size = "maxNodes: $maxNodes, maxEdges: $maxEdges";
  return mode === "NETWORK"
    ? `query View($scope: ScopeInput, $maxNodes: Int, $maxEdges: Int) {
         graph: network(scope: $scope, ${size}) { ${fields} } }`
    : `query View($scope: ScopeInput, $mode: Mode!, $maxNodes: Int, $maxEdges: Int) {
         graph: collaboration(scope: $scope, mode: $mode, ${size}) { ${fields} } }`;
}

// The view's size first (cheap: the answer is kept for the drawing that follows), then the
// view itself, asked for at exactly that size.
async function readView(scope, mode) {
  const variables = mode === "NETWORK" ? { scope } : { scope, mode };
  const sized = await graphql(viewQuery(mode, "nodeCount edgeCount"), { ...variables, maxNodes: 0, maxEdges: 0 });
  const { nodeCount, edgeCount } = sized.graph;
  const fields = graphFields(nodeCount, edgeCount);
  return graphql(viewQuery(mode, fields), { ...variables, maxNodes: nodeCount, maxEdges: edgeCount });
}

const $ = (id) => document.getElementById(id);
const container = $("graph");
const state = {
  years: null, // [first, last] once the whole graph has been read
  renderer: null,
  graph: null,
  measures: new Map(), // node id -> NodeMeasure
  communities: [], // [{index, size, ei, members: Set}]
  brokers: new Set(),
  selected: null,
  focusCommunity: null,
  renders: 0,
  request: 0,
  scope: null,
};

// ---------------------------------------------------------------- GraphQL

async function graphql(query, variables = {}) {
  const headers = { "Content-Type": "application/json", Accept: "application/json" };
  const token = $("token").value.trim();
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch("/graphql", {
    method: "POST",
    headers,
    body: JSON.stringify({ query, variables }),
  });
  let body;
  try {
    body = await response.json();
  } catch {
    throw new Error(`/graphql answered ${response.status}`);
  }
  if (body.errors && body.errors.length) {
    const first = body.errors[0];
    const code = first.extensions && first.extensions.code ? ` (${first.extensions.code})` : "";
    throw new Error(first.message + code);
  }
  return body.data;
}

/** Every item of a paginated connection, page by page (at most MAX_PAGES pages). */
async function allPages(query, variables, pick) {
  const items = [];
  let after = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const connection = pick(await graphql(query, { ...variables, after }));
    items.push(...connection.edges.map((edge) => edge.node));
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
  }
  return items;
}

// ---------------------------------------------------------------- controls

function option(select, value, label) {
  const element = document.createElement("option");
  element.value = value;
  element.textContent = label;
  select.append(element);
}

function fillSelect(id, pairs) {
  const select = $(id);
  for (const [value, label] of pairs) option(select, value, label);
}

function selectedProgrammes() {
  return [...document.querySelectorAll("#programme-list input:checked")].map((box) => box.value);
}

/** The scope the controls describe, as GraphQL's ScopeInput (only what is set). */
function currentScope() {
  const scope = {};
  const initiatives = selectedProgrammes();
  if (initiatives.length) scope.initiatives = initiatives;
  const term = $("term").value;
  if (term) {
    scope.term = term;
  } else if (state.years) {
    const from = Number($("from-year").value);
    const to = Number($("to-year").value);
    if (from !== state.years[0] || to !== state.years[1]) {
      scope.from = String(from);
      scope.to = String(to);
    }
  }
  return scope;
}

function termYears(term) {
  const match = /(\d{4})\D+(\d{4})/.exec(term);
  return match ? [Number(match[1]), Number(match[2])] : null;
}

function showPeriod() {
  const from = $("from-year").value;
  const to = $("to-year").value;
  const term = $("term").value;
  const whole = state.years && Number(from) === state.years[0] && Number(to) === state.years[1];
  $("period-label").textContent = term
    ? `council term ${from}–${to}`
    : whole
      ? `all years (${from}–${to} and undated)`
      : `${from}–${to}`;
}

function setupYears(graphData) {
  const years = [];
  for (const item of [...graphData.nodes, ...graphData.edges]) {
    for (const date of [item.start, item.end]) if (date) years.push(Number(date.slice(0, 4)));
  }
  if (!years.length) return;
  const first = Math.min(...years);
  const last = Math.max(...years);
  state.years = [first, last];
  for (const [id, value] of [["from-year", first], ["to-year", last]]) {
    const slider = $(id);
    slider.min = String(first);
    slider.max = String(last);
    slider.value = String(value);
    slider.disabled = false;
  }
  showPeriod();
}

let timer = null;
/** Mark the view stale at once and redraw shortly after the last change. A draw already under
 * way is for controls that have changed since: it is made stale too, so that "ready" always
 * means the drawing of the controls as they are now. */
function changed(delay = 200) {
  state.request += 1;
  container.dataset.state = "loading";
  clearTimeout(timer);
  timer = setTimeout(() => draw().catch(failed), delay);
}

function exportLinks(scope) {
  const params = new URLSearchParams();
  if (scope.initiatives) params.set("initiatives", scope.initiatives.join(","));
  if (scope.term) params.set("term", scope.term);
  if (scope.from) params.set("from", scope.from);
  if (scope.to) params.set("to", scope.to);
  params.set("mode", $("mode").value);
  params.set("measures", "true");
  params.set("boundary", $("boundary").value);
  for (const link of document.querySelectorAll("#exports a[data-format]")) {
    link.href = `/export/${link.dataset.format}?${params}`;
  }
}

async function download(event) {
  // With a token the download is fetched with it; without one the link is followed as is.
  const token = $("token").value.trim();
  if (!token) return;
  event.preventDefault();
  const link = event.currentTarget;
  const response = await fetch(link.href, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) {
    status(`The export answered ${response.status}.`, true);
    return;
  }
  const disposition = response.headers.get("Content-Disposition") || "";
  const name = /filename="([^"]+)"/.exec(disposition);
  const url = URL.createObjectURL(await response.blob());
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = name ? name[1] : `poikki.${link.dataset.format}`;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function status(text, error = false) {
  const element = $("status");
  element.textContent = text;
  element.classList.toggle("error", error);
}

function failed(error) {
  container.dataset.state = "error";
  container.dataset.error = String(error.message || error);
  status(`Could not draw the network: ${error.message || error}`, true);
}

// ---------------------------------------------------------------- drawing

const WHOLE_VIEW = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
let placing = false;

/** Put the camera where asked at once (no animation) and draw synchronously, so that what is
 * on the screen and sigma's picking (which reads what was last drawn) match the camera when
 * this returns; then say so in `data-camera` ("whole", or "node:" and the node's id). Tests wait
 * for that attribute, never for animation frames, which a busy machine may not draw for long. */
function placeCamera(cameraState, label) {
  const camera = state.renderer.getCamera();
  if (camera.isAnimated()) {
    cancelAnimationFrame(camera.nextFrame);
    camera.nextFrame = null;
  }
  placing = true;
  try {
    camera.setState(cameraState);
  } finally {
    placing = false;
  }
  state.renderer.refresh();
  container.dataset.camera = label;
}

function scaled(values) {
  const numbers = [...values.values()].filter((v) => typeof v === "number" && isFinite(v));
  const low = numbers.length ? Math.min(...numbers) : 0;
  const high = numbers.length ? Math.max(...numbers) : 1;
  return (value) => {
    if (typeof value !== "number" || !isFinite(value)) return 3;
    const share = high > low ? (value - low) / (high - low) : 0.5;
    return 3 + 13 * Math.sqrt(share);
  };
}

function measureValue(measure, field) {
  if (!measure) return undefined;
  switch (field) {
    case "DEGREE":
      return measure.degree;
    case "BETWEENNESS":
      return measure.betweenness;
    case "CLOSENESS":
      return measure.closeness;
    case "EIGENVECTOR":
      return measure.eigenvector;
    case "BROKERAGE":
      return measure.brokerage.total;
    case "CLUSTERING":
      return measure.clustering;
    case "CORE_NUMBER":
      return measure.coreNumber;
    case "CORENESS":
      return measure.coreness;
    default:
      return undefined;
  }
}

function colourKey(id, attributes) {
  const colouring = $("colour").value;
  if (colouring === "KIND") return attributes.kind;
  if (colouring === "COMMUNITY") {
    const community = state.communities.find((c) => c.members.has(id));
    return community ? `Community ${community.index + 1}` : null;
  }
  const measure = state.measures.get(id);
  return measure ? measure.group : null;
}

/** Colours, sizes and highlights from the controls, on the drawn graph; and the legend. */
function paint() {
  const graph = state.graph;
  if (!graph) return;
  const sizeBy = $("size").value;
  const values = new Map();
  graph.forEachNode((id, attributes) => {
    values.set(id, sizeBy === "WEIGHT" ? attributes.weight : measureValue(state.measures.get(id), sizeBy));
  });
  const size = scaled(values);
  const keys = new Map();
  const colouring = $("colour").value;
  graph.forEachNode((id, attributes) => {
    const key = colourKey(id, attributes);
    let colour = UNKNOWN;
    if (key !== null && key !== undefined) {
      if (colouring === "KIND" && KIND_COLOURS[key]) colour = KIND_COLOURS[key];
      else {
        if (!keys.has(key)) keys.set(key, PALETTE[keys.size % PALETTE.length]);
        colour = keys.get(key);
      }
    }
    if (colouring === "KIND" && key) keys.set(key, colour);
    const broker = $("brokers").checked && state.brokers.has(id);
    graph.mergeNodeAttributes(id, {
      color: colour,
      size: size(values.get(id)) * (broker ? 1.35 : 1),
      highlighted: broker,
      forceLabel: broker,
      broker,
      legend: key === null || key === undefined ? "(not known)" : String(key),
    });
  });
  const legend = $("legend");
  legend.replaceChildren();
  const counts = new Map();
  graph.forEachNode((_, attributes) => counts.set(attributes.legend, (counts.get(attributes.legend) || 0) + 1));
  const entries = [...keys.entries()].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  if (counts.has("(not known)")) entries.push(["(not known)", UNKNOWN]);
  for (const [key, colour] of entries) {
    const item = document.createElement("li");
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = colour;
    item.append(swatch, `${key} (${counts.get(String(key)) || 0})`);
    legend.append(item);
  }
  if (state.renderer) state.renderer.refresh();
}

function nodeReducer(id, data) {
  const result = { ...data };
  const focus = state.selected;
  if (focus && state.graph.hasNode(focus)) {
    if (id === focus) {
      result.highlighted = true;
      result.forceLabel = true;
      result.zIndex = 2;
    } else if (!state.graph.areNeighbors(id, focus)) {
      result.color = FADED;
      result.label = data.broker ? data.label : "";
      result.zIndex = 0;
    } else {
      result.zIndex = 1;
    }
  } else if (state.focusCommunity) {
    if (!state.focusCommunity.has(id)) {
      result.color = FADED;
      result.label = "";
    }
  }
  return result;
}

function edgeReducer(edge, data) {
  const graph = state.graph;
  const focus = state.selected;
  if (focus && graph.hasNode(focus)) {
    if (!graph.hasExtremity(edge, focus)) return { ...data, color: FADED_EDGE };
    return { ...data, color: "#555", size: Math.max(data.size, 1.5) };
  }
  if (state.focusCommunity) {
    const [source, target] = graph.extremities(edge);
    if (!state.focusCommunity.has(source) || !state.focusCommunity.has(target)) {
      return { ...data, color: FADED_EDGE };
    }
  }
  return data;
}

function buildGraph(data, mode) {
  const graph = new Graph({
    type: mode === "NETWORK" ? "directed" : "undirected",
    multi: true,
    allowSelfLoops: true,
  });
  for (const node of data.nodes) {
    graph.addNode(node.id, { ...node, label: node.label, x: 0, y: 0, size: 4 });
  }
  for (const edge of data.edges) {
    const attributes = {
      ...edge,
      tieType: edge.type, // sigma reads `type` as the edge's drawing program
      size: mode === "NETWORK" ? 1 : Math.min(1 + Math.log1p(edge.weight), 5),
      color: "#b8b8b8",
      type: mode === "NETWORK" ? "arrow" : "line",
    };
    if (graph.hasEdge(edge.id)) graph.addEdge(edge.source, edge.target, attributes);
    else graph.addEdgeWithKey(edge.id, edge.source, edge.target, attributes);
  }
  // A circle in the API's (stable) order, then a bounded ForceAtlas2: the same scope is drawn
  // the same way every time.
  circular.assign(graph, { scale: 100 });
  if (graph.order > 1) {
    const iterations = graph.order < 1000 ? 300 : graph.order < 5000 ? 100 : 30;
    const settings = forceAtlas2.inferSettings(graph);
    forceAtlas2.assign(graph, { iterations, settings: { ...settings, barnesHutOptimize: graph.order > 500 } });
  }
  return graph;
}

const MEASURES = `query Measures($scope: ScopeInput, $mode: Mode!, $boundary: Boundary!, $after: String) {
  measures(scope: $scope, mode: $mode, boundary: $boundary) {
    nodes(first: ${PAGE}, after: $after, orderBy: {field: BROKERAGE}) {
      pageInfo { hasNextPage endCursor }
      edges { node {
        node { id }
        group degree weightedDegree betweenness closeness eigenvector clustering coreNumber coreness
        brokerage { coordinator itinerant representative gatekeeper liaison total }
      } }
    }
  }
}`;

const SUMMARY = `query Summary($scope: ScopeInput, $mode: Mode!, $boundary: Boundary!) {
  measures(scope: $scope, mode: $mode, boundary: $boundary) {
    nodeCount edgeCount density transitivity
    centralisation { degree betweenness closeness }
    corePeriphery { correlation }
    ei { index }
  }
}`;

const EGO = `query Ego($id: ID!, $scope: ScopeInput, $mode: Mode!, $boundary: Boundary!) {
  ego(id: $id, scope: $scope, mode: $mode, boundary: $boundary) {
    size heterogeneity iqv density effectiveSize constraint ei { index }
    groups { group alters }
  }
}`;

const COMMUNITIES = `query Communities($scope: ScopeInput, $mode: Mode!, $boundary: Boundary!, $after: String) {
  communities(scope: $scope, mode: $mode, boundary: $boundary) {
    communities(first: ${PAGE}, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { index size ei { index } members { id } } }
    }
  }
}`;

async function draw() {
  if ($("compare").checked) return drawChange();
  const request = ++state.request;
  container.dataset.state = "loading";
  const scope = currentScope();
  const mode = $("mode").value;
  const boundary = $("boundary").value;
  status("Reading the network…");
  exportLinks(scope);
  const variables = { scope, mode, boundary };
  const [drawn, measured, grouped, summary] = await Promise.allSettled([
    readView(scope, mode),
    allPages(MEASURES, variables, (data) => data.measures.nodes),
    allPages(COMMUNITIES, variables, (data) => data.communities.communities),
    graphql(SUMMARY, variables),
  ]);
  if (request !== state.request) return; // a newer view was asked for meanwhile
  if (drawn.status === "rejected") throw drawn.reason;
  const data = drawn.value.graph;
  if (!state.years) setupYears(data);

  state.measures = new Map();
  state.brokers = new Set();
  if (measured.status === "fulfilled") {
    for (const measure of measured.value) state.measures.set(measure.node.id, measure);
    measured.value
      .filter((measure) => measure.brokerage.total > 0)
      .slice(0, BROKERS_SHOWN)
      .forEach((measure) => state.brokers.add(measure.node.id));
  }
  state.communities =
    grouped.status === "fulfilled"
      ? grouped.value.map((c) => ({ ...c, members: new Set(c.members.map((m) => m.id)) }))
      : [];
  state.focusCommunity = null;

  const graph = buildGraph(data, mode);
  state.graph = graph;
  if (state.selected && !graph.hasNode(state.selected)) state.selected = null;
  if (state.renderer) {
    state.renderer.setGraph(graph);
  } else {
    state.renderer = new Sigma(graph, container, {
      nodeReducer,
      edgeReducer,
      renderEdgeLabels: false,
      labelRenderedSizeThreshold: 7,
      zIndex: true,
      allowInvalidContainer: true,
    });
    state.renderer.on("clickNode", ({ node }) => select(node));
    state.renderer.on("clickStage", () => select(null));
    state.renderer.on("enterNode", () => container.classList.add("pointing"));
    state.renderer.on("leaveNode", () => container.classList.remove("pointing"));
    state.renderer.getCamera().on("updated", () => {
      if (!placing) container.dataset.camera = "moved";
    });
  }
  paint();
  placeCamera(WHOLE_VIEW, "whole");
  listBrokers();
  listCommunities();
  showSummary(summary.status === "fulfilled" ? summary.value.measures : null);

  const problems = [measured, grouped]
    .filter((result) => result.status === "rejected")
    .map((result) => result.reason.message);
  state.scope = scope;
  state.renders += 1;
  container.dataset.nodeCount = String(graph.order);
  container.dataset.edgeCount = String(graph.size);
  container.dataset.scope = JSON.stringify(scope);
  container.dataset.mode = mode;
  container.dataset.view = "network";
  $("change-chart").replaceChildren();
  container.dataset.render = String(state.renders);
  container.dataset.state = "ready";
  status(
    `${graph.order} nodes, ${graph.size} ties drawn` +
      (problems.length ? ` (measures unavailable: ${problems[0]})` : ""),
    problems.length > 0,
  );
  if (state.selected) showDetails(state.selected).catch(failedDetails);
}

// ---------------------------------------------------------------- comparing two periods

const CHANGE_COLOURS = { formed: "#2ca02c", kept: "#7f8fa6", ended: "#d62728" };
const NODE_CHANGE_COLOURS = { joined: "#2ca02c", stayed: "#7f8fa6", left: "#d62728" };
const CHANGE_SUMMARY = `query Change($periods: [PeriodInput!]!, $scope: ScopeInput, $mode: Mode!, $boundary: Boundary!) {
  change(periods: $periods, scope: $scope, mode: $mode, boundary: $boundary) {
    periods { label nodeCount edgeCount density averageDegree components modularity ei { index } }
    steps { joined { totalCount } left { totalCount } stayed { totalCount }
      formed { totalCount } kept { totalCount } ended { totalCount } }
  }
}`;

function changeTies(part, side) {
  return `query ChangeTies($periods: [PeriodInput!]!, $scope: ScopeInput, $mode: Mode!, $boundary: Boundary!, $after: String) {
    change(periods: $periods, scope: $scope, mode: $mode, boundary: $boundary) {
      steps { ${part}(first: ${PAGE}, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node { key ${side} { id } } }
      } }
    }
  }`;
}

/** The scope the controls describe without its period: the compared periods give the dates. */
function scopeWithoutPeriod() {
  const scope = currentScope();
  delete scope.term;
  delete scope.from;
  delete scope.to;
  return scope;
}

/** Both periods' networks drawn together: ties coloured as formed, kept or ended, nodes as
 * joined, stayed or left; the counts drawn are kept in data-* attributes for tests. */
async function drawChange() {
  const request = ++state.request;
  container.dataset.state = "loading";
  const scope = scopeWithoutPeriod();
  const mode = $("mode").value;
  const boundary = $("boundary").value;
  const periods = [{ term: $("compare-before").value }, { term: $("compare-after").value }];
  status("Comparing the periods…");
  const variables = { periods, scope, mode, boundary };
  const step = (data) => data.change.steps[0];
  const [summary, formed, kept, ended, before, after] = await Promise.all([
    graphql(CHANGE_SUMMARY, variables),
    allPages(changeTies("formed", "after"), variables, (data) => step(data).formed),
    allPages(changeTies("kept", "after"), variables, (data) => step(data).kept),
    allPages(changeTies("ended", "before"), variables, (data) => step(data).ended),
    readView({ ...scope, term: periods[0].term }, mode),
    readView({ ...scope, term: periods[1].term }, mode),
  ]);
  if (request !== state.request) return;
  const changeOf = new Map();
  for (const tie of formed) changeOf.set(tie.after.id, "formed");
  for (const tie of kept) changeOf.set(tie.after.id, "kept");
  const endedIds = new Set(ended.map((tie) => tie.before.id));
  const earlier = before.graph;
  const later = after.graph;
  const nodes = new Map();
  for (const node of earlier.nodes) nodes.set(node.id, { ...node, change: "left" });
  for (const node of later.nodes) nodes.set(node.id, { ...node, change: nodes.has(node.id) ? "stayed" : "joined" });
  const edges = [
    ...later.edges.filter((edge) => changeOf.has(edge.id)).map((edge) => ({ ...edge, change: changeOf.get(edge.id) })),
    ...earlier.edges.filter((edge) => endedIds.has(edge.id)).map((edge) => ({ ...edge, change: "ended" })),
  ];
  const graph = buildGraph({ nodes: [...nodes.values()], edges }, mode);
  graph.forEachNode((id, attributes) => {
    graph.mergeNodeAttributes(id, { color: NODE_CHANGE_COLOURS[attributes.change], legend: attributes.change });
  });
  graph.forEachEdge((edge, attributes) => {
    graph.mergeEdgeAttributes(edge, { color: CHANGE_COLOURS[attributes.change], size: Math.max(attributes.size, 1.5) });
  });
  state.graph = graph;
  state.measures = new Map();
  state.brokers = new Set();
  state.communities = [];
  state.focusCommunity = null;
  if (state.selected && !graph.hasNode(state.selected)) state.selected = null;
  if (state.renderer) state.renderer.setGraph(graph);
  else return failed(new Error("draw the network once before comparing"));
  placeCamera(WHOLE_VIEW, "whole");
  listBrokers();
  listCommunities();
  changeLegend(graph);
  changeChart(summary.change.periods);

  const counted = (key, value) => {
    let count = 0;
    graph.forEachEdge((_, attributes) => { if (attributes[key] === value) count += 1; });
    return count;
  };
  state.scope = scope;
  state.renders += 1;
  container.dataset.view = "change";
  container.dataset.nodeCount = String(graph.order);
  container.dataset.edgeCount = String(graph.size);
  for (const part of ["formed", "kept", "ended"]) container.dataset[part] = String(counted("change", part));
  for (const part of ["joined", "stayed", "left"]) {
    container.dataset[part] = String(graph.filterNodes((_, attributes) => attributes.change === part).length);
  }
  container.dataset.scope = JSON.stringify(scope);
  container.dataset.periods = JSON.stringify(periods);
  container.dataset.mode = mode;
  container.dataset.render = String(state.renders);
  container.dataset.state = "ready";
  const totals = summary.change.steps[0];
  status(
    `${periods[0].term} → ${periods[1].term}: ${totals.formed.totalCount} ties formed, ` +
      `${totals.kept.totalCount} kept, ${totals.ended.totalCount} ended; ` +
      `${totals.joined.totalCount} joined, ${totals.left.totalCount} left`,
  );
}

function changeLegend(graph) {
  const legend = $("legend");
  legend.replaceChildren();
  const entries = [
    ...Object.entries(NODE_CHANGE_COLOURS).map(([part, colour]) => [`${part} (${graph.filterNodes((_, a) => a.change === part).length} nodes)`, colour]),
    ...Object.entries(CHANGE_COLOURS).map(([part, colour]) => [`${part} (${graph.filterEdges((_, a) => a.change === part).length} ties)`, colour]),
  ];
  for (const [text, colour] of entries) {
    const item = document.createElement("li");
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = colour;
    item.append(swatch, text);
    legend.append(item);
  }
}

const CHART_ROWS = [
  ["nodeCount", "Nodes"],
  ["edgeCount", "Ties"],
  ["averageDegree", "Average degree"],
  ["density", "Density"],
  ["components", "Components"],
  ["modularity", "Modularity"],
];

/** Each period's numbers side by side, as bars scaled to the larger of the two. */
function changeChart(periods) {
  const chart = $("change-chart");
  chart.replaceChildren();
  const table = document.createElement("table");
  const head = document.createElement("tr");
  const short = (label) => {
    const years = termYears(label);
    return years ? `${years[0]}–${String(years[1]).slice(2)}` : label;
  };
  head.append(element("th", ""), ...periods.map((p) => element("th", short(p.label))));
  table.append(head);
  for (const [field, title] of CHART_ROWS) {
    const values = periods.map((p) => p[field]);
    const high = Math.max(...values.map(Math.abs), 1e-12);
    const row = document.createElement("tr");
    row.dataset.field = field;
    row.append(element("th", title));
    for (const value of values) {
      const cell = document.createElement("td");
      const bar = element("span", "", "bar");
      bar.style.width = `${Math.round((28 * Math.abs(value)) / high)}px`;
      cell.append(bar, element("span", Number.isInteger(value) ? String(value) : value.toFixed(3), "value"));
      row.append(cell);
    }
    table.append(row);
  }
  chart.append(table);
}

// ---------------------------------------------------------------- side panels

function nodeButton(id, text) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "link";
  button.textContent = text;
  button.addEventListener("click", () => select(id, true));
  return button;
}

function listBrokers() {
  const list = $("broker-list");
  list.replaceChildren();
  for (const id of state.brokers) {
    if (!state.graph.hasNode(id)) continue;
    const measure = state.measures.get(id);
    const item = document.createElement("li");
    item.append(nodeButton(id, state.graph.getNodeAttribute(id, "label")), ` ${measure.brokerage.total}`);
    list.append(item);
  }
  if (!list.children.length) list.append(Object.assign(document.createElement("li"), { textContent: "none in this view" }));
}

function fixed(value, digits = 3) {
  return value === null || value === undefined ? "—" : value.toFixed(digits);
}

/** The whole network's cohesion in numbers, beside the drawing. */
function showSummary(measures) {
  const list = $("network-summary");
  list.replaceChildren();
  if (!measures) return;
  const rows = [
    ["Density", fixed(measures.density)],
    ["Transitivity", fixed(measures.transitivity)],
    ["Degree centralisation", fixed(measures.centralisation.degree)],
    ["Betweenness centralisation", fixed(measures.centralisation.betweenness)],
    ["Closeness centralisation", fixed(measures.centralisation.closeness)],
    ["Core–periphery fit (r)", fixed(measures.corePeriphery.correlation)],
    ["E-I index", fixed(measures.ei.index)],
  ];
  for (const [label, value] of rows) list.append(element("dt", label), element("dd", value));
}

function listCommunities() {
  const list = $("community-list");
  list.replaceChildren();
  for (const community of state.communities.slice(0, 12)) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "link";
    const ei = community.ei && community.ei.index !== null ? `, E-I ${community.ei.index.toFixed(2)}` : "";
    button.textContent = `Community ${community.index + 1}: ${community.size} node${community.size === 1 ? "" : "s"}${ei}`;
    button.addEventListener("click", () => {
      state.focusCommunity = state.focusCommunity === community.members ? null : community.members;
      state.selected = null;
      clearDetails();
      state.renderer.getCamera().animatedReset({ duration: 300 });
      state.renderer.refresh();
    });
    item.append(button);
    list.append(item);
  }
  if (state.communities.length > 12) {
    list.append(Object.assign(document.createElement("li"), { textContent: `and ${state.communities.length - 12} more` }));
  }
}

function select(id, moveCamera = false) {
  state.selected = id;
  state.focusCommunity = null;
  if (id && moveCamera && state.graph.hasNode(id)) {
    const position = state.renderer.getNodeDisplayData(id);
    state.renderer.getCamera().animate({ x: position.x, y: position.y, ratio: 0.5 }, { duration: 300 });
  }
  state.renderer.refresh();
  if (id) showDetails(id).catch(failedDetails);
  else clearDetails();
}

function clearDetails() {
  const panel = $("details");
  delete panel.dataset.nodeId;
  panel.dataset.state = "empty";
  $("details-body").replaceChildren(
    Object.assign(document.createElement("p"), { textContent: "Click a node to see its details, ties and sources." }),
  );
}

function failedDetails(error) {
  $("details").dataset.state = "error";
  $("details-body").replaceChildren(
    Object.assign(document.createElement("p"), { className: "error", textContent: String(error.message || error) }),
  );
}

const NODE = `query Node($id: ID!) {
  node(id: $id) {
    id
    ... on Entity {
      kind name description
      sources { id title url publisher date }
      claims { field value sources { title } }
    }
    ... on Dated { start end }
    ... on Organisation { sector orgType branch municipality }
  }
}`;

function element(tag, text, className) {
  const made = document.createElement(tag);
  if (text !== undefined) made.textContent = text;
  if (className) made.className = className;
  return made;
}

function period(start, end) {
  if (!start && !end) return "";
  return `${start || "…"}–${end || "…"}`;
}

async function showDetails(id) {
  const panel = $("details");
  panel.dataset.state = "loading";
  panel.dataset.nodeId = id;
  const data = await graphql(NODE, { id });
  if (state.selected !== id) return; // another node was picked meanwhile
  const node = data.node;
  const body = $("details-body");
  body.replaceChildren();
  if (!node) {
    body.append(element("p", "No such node."));
    panel.dataset.state = "ready";
    return;
  }
  body.append(element("h3", node.name), element("p", node.kind, "kind"));
  if (node.description) body.append(element("p", node.description, "description"));
  const fields = element("dl");
  const add = (label, value) => {
    if (value === null || value === undefined || value === "") return;
    fields.append(element("dt", label), element("dd", String(value)));
  };
  add("Period", period(node.start, node.end));
  add("Sector", node.sector);
  add("Organisation type", node.orgType);
  add("Branch", node.branch);
  add("Municipality", node.municipality);
  const measure = state.measures.get(id);
  if (measure) {
    add(`Group (${$("boundary").value.toLowerCase().replaceAll("_", " ")})`, measure.group || "not known");
    add("Degree", measure.degree);
    add("Betweenness", measure.betweenness.toFixed(4));
    add("Brokerage", measure.brokerage.total);
    add("k-core number", measure.coreNumber);
    add("Core–periphery coreness", measure.coreness.toFixed(3));
  }
  const community = state.communities.find((c) => c.members.has(id));
  if (community) add("Community", community.index + 1);
  body.append(fields);
  await addEgo(body, id);
  if (state.selected !== id) return;

  body.append(element("h4", `Sources (${node.sources.length})`));
  const sources = element("ul");
  sources.id = "node-sources";
  for (const source of node.sources) {
    const item = element("li");
    item.className = "source";
    if (source.url) {
      const link = element("a", source.title);
      link.href = source.url;
      link.target = "_blank";
      link.rel = "noopener";
      item.append(link);
    } else {
      item.append(source.title);
    }
    const extra = [source.publisher, source.date].filter(Boolean).join(", ");
    if (extra) item.append(element("span", ` — ${extra}`, "muted"));
    sources.append(item);
  }
  body.append(sources);

  if (node.claims && node.claims.length) {
    body.append(element("h4", "Values sources disagree on"));
    const claims = element("ul");
    for (const claim of node.claims) {
      claims.append(element("li", `${claim.field}: ${claim.value} (${claim.sources.map((s) => s.title).join("; ")})`));
    }
    body.append(claims);
  }

  const graph = state.graph;
  if (graph && graph.hasNode(id)) {
    const ties = [];
    graph.forEachEdge(id, (edge, attributes, source, target) => ties.push({ attributes, other: source === id ? target : source, outgoing: source === id }));
    body.append(element("h4", `Ties in this view (${ties.length})`));
    const list = element("ul");
    list.id = "node-ties";
    for (const tie of ties.slice(0, 60)) {
      const item = element("li");
      const a = tie.attributes;
      const what = a.tieType
        ? `${tie.outgoing ? "→" : "←"} ${a.tieType.toLowerCase().replaceAll("_", " ")}`
        : `shares ${a.shared ? a.shared.map((s) => s.name).join(", ") : "initiatives"}`;
      item.append(element("span", `${what} `, "muted"), nodeButton(tie.other, graph.getNodeAttribute(tie.other, "label")));
      const weight = a.tieType ? "" : `weight ${a.weight.toFixed(2)}`;
      const details = [a.role, a.seatType, period(a.start, a.end), weight].filter(Boolean).join(", ");
      if (details) item.append(element("span", ` (${details})`, "muted"));
      if (a.sources && a.sources.length) item.append(element("div", `sources: ${a.sources.map((s) => s.title).join("; ")}`, "tie-sources"));
      list.append(item);
    }
    if (ties.length > 60) list.append(element("li", `and ${ties.length - 60} more`));
    body.append(list);
  } else {
    body.append(element("p", "Not drawn in this view.", "muted"));
  }
  panel.dataset.state = "ready";
}

/** The node's ego network in the drawn view, when the view's projection holds its kind. */
async function addEgo(body, id) {
  if (!state.graph || !state.graph.hasNode(id) || container.dataset.view === "change") return;
  let ego;
  try {
    const variables = { id, scope: state.scope, mode: $("mode").value, boundary: $("boundary").value };
    ego = (await graphql(EGO, variables)).ego;
  } catch {
    return; // not in this projection: no ego network to show
  }
  body.append(element("h4", "Ego network"));
  const list = element("dl");
  list.id = "ego";
  const groups = ego.groups.map((g) => `${g.group} ${g.alters}`).join(", ");
  for (const [label, value] of [
    ["Alters", String(ego.size)],
    ["By group", groups || "—"],
    ["Heterogeneity (Blau)", fixed(ego.heterogeneity)],
    ["IQV", fixed(ego.iqv)],
    ["E-I index", fixed(ego.ei ? ego.ei.index : null)],
    ["Density among alters", fixed(ego.density)],
    ["Effective size", fixed(ego.effectiveSize)],
    ["Constraint", fixed(ego.constraint)],
  ]) {
    list.append(element("dt", label), element("dd", value));
  }
  body.append(list);
}

// ---------------------------------------------------------------- search

const SEARCH = `query Search($text: String!) {
  searchResults(text: $text, first: 12) { edges { node { id kind name } } }
}`;
let searchTimer = null;

function searchChanged() {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => search().catch((error) => status(error.message, true)), 250);
}

async function search() {
  const text = $("search").value.trim();
  const list = $("search-results");
  if (text.length < 2) {
    list.replaceChildren();
    return;
  }
  const data = await graphql(SEARCH, { text });
  if ($("search").value.trim() !== text) return;
  list.replaceChildren();
  const hits = data.searchResults.edges.map((edge) => edge.node);
  for (const hit of hits) {
    const item = element("li");
    const drawn = state.graph && state.graph.hasNode(hit.id);
    const button = nodeButton(hit.id, hit.name);
    if (!drawn) button.classList.add("absent");
    item.append(button, element("span", ` ${hit.kind.toLowerCase()}${drawn ? "" : ", not in this view"}`, "muted"));
    list.append(item);
  }
  if (!hits.length) list.append(element("li", "nothing found"));
}

// ---------------------------------------------------------------- start

const PROGRAMMES = `query Programmes($after: String) {
  programmes(first: ${PAGE}, after: $after, orderBy: {field: START}) {
    pageInfo { hasNextPage endCursor }
    edges { node { id name start end } }
  }
}`;
const TERMS = `{ __type(name: "CouncilTerm") { enumValues { name description } } }`;

async function start() {
  fillSelect("mode", MODES);
  fillSelect("boundary", BOUNDARIES);
  fillSelect("colour", COLOURINGS);
  fillSelect("size", SIZES);
  for (const link of document.querySelectorAll("#exports a[data-format]")) link.addEventListener("click", (event) => download(event).catch((error) => status(error.message, true)));
  clearDetails();

  const [programmes, terms] = await Promise.all([
    allPages(PROGRAMMES, {}, (data) => data.programmes),
    graphql(TERMS).catch(() => null),
  ]);
  const list = $("programme-list");
  for (const programme of programmes) {
    const label = element("label");
    const box = element("input");
    box.type = "checkbox";
    box.value = programme.id;
    box.addEventListener("change", () => changed(300));
    label.append(box, ` ${programme.name}`, element("span", ` ${period(programme.start, programme.end)}`, "muted"));
    list.append(label);
  }
  const term = $("term");
  const termNames = terms && terms.__type ? terms.__type.enumValues.map((value) => value.name) : [];
  for (const name of termNames) {
    const years = termYears(name);
    const label = years ? `${years[0]}–${years[1]}` : name;
    option(term, name, label);
    option($("compare-before"), name, label);
    option($("compare-after"), name, label);
  }
  if (termNames.length > 1) $("compare-after").value = termNames[1];
  $("compare").disabled = termNames.length < 2;

  for (const id of ["from-year", "to-year"]) {
    $(id).addEventListener("input", (event) => {
      const from = $("from-year");
      const to = $("to-year");
      if (Number(from.value) > Number(to.value)) {
        if (event.target === from) to.value = from.value;
        else from.value = to.value;
      }
      $("term").value = "";
      showPeriod();
      changed();
    });
  }
  term.addEventListener("change", () => {
    const years = termYears(term.value);
    if (years && state.years) {
      $("from-year").value = String(Math.max(years[0], state.years[0]));
      $("to-year").value = String(Math.min(years[1], state.years[1]));
    }
    showPeriod();
    changed(0);
  });
  $("all-years").addEventListener("click", () => {
    if (!state.years) return;
    $("term").value = "";
    $("from-year").value = String(state.years[0]);
    $("to-year").value = String(state.years[1]);
    showPeriod();
    changed(0);
  });
  $("all-programmes").addEventListener("click", () => {
    for (const box of document.querySelectorAll("#programme-list input:checked")) box.checked = false;
    changed(0);
  });
  for (const id of ["mode", "boundary", "compare", "compare-before", "compare-after"]) {
    $(id).addEventListener("change", () => changed(0));
  }
  for (const id of ["colour", "size", "brokers"]) {
    $(id).addEventListener("change", () => {
      paint();
      listBrokers();
      if (state.selected) showDetails(state.selected).catch(failedDetails);
    });
  }
  $("search").addEventListener("input", searchChanged);
  $("token").addEventListener("change", () => changed(0));
  $("token-form").addEventListener("submit", (event) => {
    event.preventDefault();
    changed(0);
  });
  await draw();
}

// For tests and the curious: the renderer, the graph, and a node's place on the screen.
window.poikkiExplorer = {
  get renderer() {
    return state.renderer;
  },
  get graph() {
    return state.graph;
  },
  get scope() {
    return state.scope;
  },
  /** A node's position in CSS pixels relative to the graph container. */
  viewportPosition(id) {
    const attributes = state.graph.getNodeAttributes(id);
    return state.renderer.graphToViewport({ x: attributes.x, y: attributes.y });
  },
  /** Centre the camera on a node (without selecting it), drawn there when this returns, so
   * that sigma's picking finds the node under the mouse; `data-camera` becomes "node:<id>". */
  centre(id, ratio = 0.5) {
    const position = state.renderer.getNodeDisplayData(id);
    placeCamera({ x: position.x, y: position.y, ratio, angle: 0 }, `node:${id}`);
  },
  /** The whole view again, drawn when this returns; `data-camera` becomes "whole". */
  showWhole() {
    placeCamera(WHOLE_VIEW, "whole");
  },
  select,
};

start().catch(failed);
