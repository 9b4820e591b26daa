// Bundles a tool's src/ into the Python package's static folder (server/static/<name>/),
// minified, with the licences of the packages bundled. The output depends only on src/ and the
// locked packages, so rebuilding gives the same bytes; with `--check` it rebuilds in memory and
// fails when the committed files differ. Each tool's build.mjs passes its own esbuild (a tool's
// packages are installed in its own folder).
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";

export async function bundle({ esbuild, here, name, title, entryPoints, define = {} }) {
  const outdir = join(here, "..", "..", "server", "static", name);
  const check = process.argv.includes("--check");
  const banner = `/* Poikki ${title}: built by tools/${name} (npm run build) from src/; do not edit. */`;
  const result = await esbuild.build({
    absWorkingDir: here,
    entryPoints,
    outdir,
    bundle: true,
    minify: true,
    format: "iife",
    target: ["es2020", "chrome100", "firefox100", "safari15"],
    legalComments: "eof",
    charset: "utf8",
    define,
    banner: { js: banner, css: banner },
    write: !check,
    logLevel: "warning",
    metafile: true,
  });
  const licences = {
    path: join(outdir, "THIRD_PARTY_LICENSES.txt"),
    contents: Buffer.from(await notices(here, result.metafile, entryPoints)),
  };
  if (!check) {
    await writeFile(licences.path, licences.contents);
    return;
  }
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

// The licences of the packages bundled, which their terms ask to ship with the copies.
async function notices(here, metafile, entryPoints) {
  const packages = [
    ...new Set(
      Object.keys(metafile.inputs)
        .map((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input))
        .filter(Boolean)
        .map((match) => match[1]),
    ),
  ].sort();
  const found = [];
  for (const name of packages) {
    const folder = join(here, "node_modules", name);
    const { version, license } = JSON.parse(await readFile(join(folder, "package.json"), "utf8"));
    const file = (await readdir(folder)).sort().find((entry) => /^licen[cs]e/i.test(entry));
    const text = file ? (await readFile(join(folder, file), "utf8")).trim() : `License: ${license}`;
    found.push(`${name} ${version}\n${"=".repeat(name.length + version.length + 1)}\n\n${text}\n`);
  }
  const outputs = entryPoints.map((entry) => entry.replace(/^src\//, ""));
  return `The packages bundled into ${outputs.join(" and ")}, and their licences.\n\n` + found.join("\n");
}
