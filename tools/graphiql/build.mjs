// Bundles src/ into the Python package's static folder (server/static/graphiql/), minified.
// The output depends only on src/ and the locked packages, so rebuilding gives the same bytes;
// `node build.mjs --check` rebuilds in memory and fails when the committed files differ.
import { readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const outdir = join(here, "..", "..", "server", "static", "graphiql");
const check = process.argv.includes("--check");

const result = await esbuild.build({
  absWorkingDir: here,
  entryPoints: ["src/graphiql.js", "src/graphiql.css"],
  outdir,
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020", "chrome100", "firefox100", "safari15"],
  legalComments: "eof",
  charset: "utf8",
  define: { "process.env.NODE_ENV": '"production"' },
  banner: {
    js: "/* Poikki GraphiQL: built by tools/graphiql (npm run build) from src/; do not edit. */",
    css: "/* Poikki GraphiQL: built by tools/graphiql (npm run build) from src/; do not edit. */",
  },
  write: !check,
  logLevel: "warning",
  metafile: true,
});

// The licences of the packages bundled, which their terms ask to ship with the copies.
const packages = [
  ...new Set(
    Object.keys(result.metafile.inputs)
      .map((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input))
      .filter(Boolean)
      .map((match) => match[1]),
  ),
].sort();
const notices = [];
for (const name of packages) {
  const folder = join(here, "node_modules", name);
  const { version, license } = JSON.parse(await readFile(join(folder, "package.json"), "utf8"));
  const file = (await readdir(folder)).sort().find((entry) => /^licen[cs]e/i.test(entry));
  const text = file ? (await readFile(join(folder, file), "utf8")).trim() : `License: ${license}`;
  notices.push(`${name} ${version}\n${"=".repeat(name.length + version.length + 1)}\n\n${text}\n`);
}
const licences = {
  path: join(outdir, "THIRD_PARTY_LICENSES.txt"),
  contents: Buffer.from(
    "The packages bundled into graphiql.js and graphiql.css, and their licences.\n\n" + notices.join("\n"),
  ),
};
if (!check) await writeFile(licences.path, licences.contents);

if (check) {
  let stale = 0;
  for (const file of [...result.outputFiles, licences]) {
    const committed = await readFile(file.path).catch(() => null);
    if (!committed || Buffer.compare(committed, Buffer.from(file.contents)) !== 0) {
      console.error(`${relative(process.cwd(), file.path)} differs from a fresh build; run npm run build`);
      stale += 1;
    }
  }
  process.exit(stale ? 1 : 0);
}
