// Runs graphql-http's GraphQL-over-HTTP server audits against a running server.
//
//   node audit.mjs http://127.0.0.1:8000/graphql
//
// stdout (JSON): one array, in the package's order,
//   [{"id": str, "name": "MUST …" | "SHOULD …" | "MAY …",
//     "status": "ok" | "warn" | "error" | "notice", "reason": str | null,
//     "response": {"status": int, "contentType": str | null, "body": str | null} | null}]
// graphql-http marks a failing MUST "error", a failing SHOULD "warn" and a failing MAY
// "notice". An audit that throws instead of failing an assertion (e.g. the connection was
// refused) is reported as "error" with the thrown message as its reason. "response" is given
// for failures only: the response the audit objected to, its body cut to 500 characters
// (null when the audit had already read it).
//
// Exit code 0 when the audits ran, whatever their results; 2 on bad usage; 1 on an internal
// failure. Either failure writes a message to stderr.

import { serverAudits } from 'graphql-http';

async function describe(response) {
  if (!response) return null;
  let body = null;
  try {
    body = (await response.text()).slice(0, 500);
  } catch {
    // the audit already consumed the body
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body,
  };
}

async function run(audit) {
  try {
    const result = await audit.fn();
    if (result.status === 'ok') {
      return { id: result.id, name: result.name, status: 'ok', reason: null, response: null };
    }
    return {
      id: result.id,
      name: result.name,
      status: result.status,
      reason: String(result.reason),
      response: await describe(result.response),
    };
  } catch (error) {
    return {
      id: audit.id,
      name: audit.name,
      status: 'error',
      reason: `the audit threw: ${error instanceof Error ? error.message : String(error)}`,
      response: null,
    };
  }
}

async function main() {
  const url = process.argv[2];
  if (!url || process.argv.length > 3) {
    process.stderr.write('usage: node audit.mjs <url of the GraphQL endpoint>\n');
    return 2;
  }
  const results = [];
  // One at a time: the results then do not depend on how the server copes with a burst.
  for (const audit of serverAudits({ url, fetchFn: fetch })) {
    results.push(await run(audit));
  }
  process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
