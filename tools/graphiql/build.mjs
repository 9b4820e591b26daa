// Bundles src/ into server/static/graphiql/ (see ../bundle.mjs); `--check` compares instead.
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { bundle } from "../bundle.mjs";

await bundle({
  esbuild,
  here: dirname(fileURLToPath(import.meta.url)),
  name: "graphiql",
  title: "GraphiQL",
  entryPoints: ["src/graphiql.js", "src/graphiql.css"],
  define: { "process.env.NODE_ENV": '"production"' },
});
