// Lints Cypher statements with Neo4j's own front end (@neo4j-cypher/language-support),
// with no Neo4j server.
//
// stdin (JSON):
//   {
//     "schema": { ...optional DbSchema: labels, relationshipTypes, propertyKeys,
//                 parameters, functions, procedures, defaultLanguage, graphSchema... },
//     "bundledRoutines": false,   // optional, see below
//     "statements": [{"name": str, "query": str, "parameters": {name: example value}}]
//   }
// stdout (JSON):
//   [{"name": str, "diagnostics": [{"severity": "error"|"warning"|"information"|"hint",
//                                   "message": str, "line": int, "column": int}]}]
//   in input order; line and column are 1-based, as in Neo4j's own error messages.
//
// How the schema is used (language-support 2.0.0-next.38):
// - Every `$param` a statement uses must be a key of its "parameters" (merged over
//   schema.parameters) with a value that is not undefined (null is fine), or it is an
//   error "Parameter $x is not defined.".
// - labels + relationshipTypes (both needed) and propertyKeys: names not in them are
//   warnings. Leave them out to skip those checks.
// - functions / procedures: {"CYPHER 5": {name: Neo4jFunction | Neo4jProcedure}}. Without
//   them any function or procedure name is accepted (built-in functions are still
//   checked for arity by the semantic analysis). With them, names not listed are errors
//   and the listed signatures are checked (argument count, YIELD columns).
//   "bundledRoutines": true fills in whichever of the two the schema leaves out from the
//   registry dump the package ships (a Neo4j 5 / Cypher 25 instance with APOC and GDS).
//
// Exit code 0 when it ran, whatever the diagnostics; 2 on bad input; 1 on an internal
// failure. Either failure writes a message to stderr.
import { lintCypherQuery, testData } from '@neo4j-cypher/language-support';

const SEVERITIES = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

class InputError extends Error {}

function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function parseInput(text) {
  let input;
  try {
    input = JSON.parse(text);
  } catch (error) {
    throw new InputError(`stdin is not valid JSON: ${error.message}`);
  }
  if (!isPlainObject(input)) throw new InputError('stdin must hold a JSON object');
  const schema = input.schema ?? {};
  if (!isPlainObject(schema)) throw new InputError('"schema" must be an object');
  if (schema.parameters !== undefined && !isPlainObject(schema.parameters)) {
    throw new InputError('"schema.parameters" must be an object');
  }
  const bundledRoutines = input.bundledRoutines ?? false;
  if (typeof bundledRoutines !== 'boolean') {
    throw new InputError('"bundledRoutines" must be true or false');
  }
  if (!Array.isArray(input.statements)) {
    throw new InputError('"statements" must be an array');
  }
  const seen = new Set();
  input.statements.forEach((statement, index) => {
    const where = `statements[${index}]`;
    if (!isPlainObject(statement)) throw new InputError(`${where} must be an object`);
    if (typeof statement.name !== 'string') {
      throw new InputError(`${where}.name must be a string`);
    }
    if (seen.has(statement.name)) {
      throw new InputError(`${where}.name ${JSON.stringify(statement.name)} is used twice`);
    }
    seen.add(statement.name);
    if (typeof statement.query !== 'string') {
      throw new InputError(`${where}.query must be a string`);
    }
    const parameters = statement.parameters ?? {};
    if (!isPlainObject(parameters)) {
      throw new InputError(`${where}.parameters must be an object`);
    }
  });
  if (bundledRoutines) {
    schema.functions ??= testData.mockSchema.functions;
    schema.procedures ??= testData.mockSchema.procedures;
  }
  return { schema, statements: input.statements };
}

function toPlainDiagnostic(diagnostic) {
  const start = diagnostic.range.start;
  return {
    severity: SEVERITIES[diagnostic.severity] ?? `severity-${diagnostic.severity}`,
    message: diagnostic.message,
    line: Math.max(start.line, 0) + 1,
    column: Math.max(start.character, 0) + 1,
  };
}

function lintAll({ schema, statements }) {
  return statements.map(({ name, query, parameters }) => {
    const dbSchema = {
      ...schema,
      parameters: { ...(schema.parameters ?? {}), ...(parameters ?? {}) },
    };
    // Console commands (`:param`, `:use`) are for cypher-shell and the browser, not for
    // statements an application sends, so they are reported rather than accepted.
    const { diagnostics } = lintCypherQuery(query, dbSchema, {
      consoleCommandsEnabled: false,
    });
    return { name, diagnostics: diagnostics.map(toPlainDiagnostic) };
  });
}

async function main() {
  let input;
  try {
    input = parseInput(await readStdin());
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    process.stderr.write(`cypher-lint: bad input: ${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  process.stdout.write(JSON.stringify(lintAll(input)) + '\n');
}

main().catch((error) => {
  process.stderr.write(`cypher-lint: ${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
