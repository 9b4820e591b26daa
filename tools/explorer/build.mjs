// Bundles src/ into server/static/explorer/ (see ../bundle.mjs); `--check` compares instead.
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { bundle } from "../bundle.mjs";

await bundle({
  esbuild,
  here: dirname(fileURLToPath(import.meta.url)),
  name: "explorer",
  title: "explorer",
  entryPoints: ["src/explorer.js", "src/explorer.css"],
});
