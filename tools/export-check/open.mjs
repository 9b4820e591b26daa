// Opens a Poikki export with the visualisers' own libraries and prints what they read, as
// JSON: {directed, nodes: [{key, attributes}], edges: [{key, source, target, attributes}]}.
// Usage: node open.mjs <cytoscape|graphology|gexf|graphml> FILE
import { readFileSync } from "node:fs";
import cytoscape from "cytoscape";
import graphology from "graphology";
import gexf from "graphology-gexf";
import graphml from "graphology-graphml";

const [format, file] = process.argv.slice(2);
const text = readFileSync(file, "utf8");

function fromGraphology(graph) {
  const nodes = [];
  graph.forEachNode((key, attributes) => nodes.push({ key, attributes }));
  const edges = [];
  graph.forEachEdge((key, attributes, source, target) =>
    edges.push({ key, source, target, attributes }),
  );
  return { directed: graph.type === "directed", nodes, edges };
}

function fromCytoscape(data) {
  const cy = cytoscape({ headless: true, styleEnabled: false, elements: data.elements });
  const strip = (fields) => {
    const { id, source, target, ...attributes } = fields;
    return { id, source, target, attributes };
  };
  const nodes = cy.nodes().map((n) => {
    const { id, attributes } = strip(n.data());
    return { key: id, attributes };
  });
  const edges = cy.edges().map((e) => {
    const { id, source, target, attributes } = strip(e.data());
    return { key: id, source, target, attributes };
  });
  return { directed: data.data.directed, nodes, edges };
}

const readers = {
  cytoscape: () => fromCytoscape(JSON.parse(text)),
  graphology: () => fromGraphology(graphology.Graph.from(JSON.parse(text))),
  gexf: () => fromGraphology(gexf.parse(graphology.MultiGraph, text)),
  graphml: () => fromGraphology(graphml.parse(graphology.MultiGraph, text)),
};
if (!(format in readers)) {
  console.error(`unknown format ${format}; use one of ${Object.keys(readers).join(", ")}`);
  process.exit(2);
}
process.stdout.write(JSON.stringify(readers[format]()));
