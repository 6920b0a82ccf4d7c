// What the portal answers while its database cannot be reached: a 503 that says so plainly, as a
// page for people and as problem details for the API, with Retry-After. Built without React or the
// database (lib/cli/serve.ts sends it without asking Next.js), so plain module, no `server-only`.
import type { PageReplacement } from "../security/secure-response";

const retryAfterSeconds = 5;

const page = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Temporarily unavailable · Demarc</title>
<style>
body { margin: 0; padding: 0 1rem; font-family: system-ui, sans-serif; background: #f8fafc; color: #0f172a; }
main { max-width: 36rem; margin: 3rem auto; padding: 1.5rem; background: #fff; border: 1px solid #e2e8f0; border-radius: 0.75rem; }
h1 { font-size: 1.25rem; margin: 0 0 0.75rem; }
p { line-height: 1.5; color: #334155; }
a { color: #1d4ed8; }
.reference { font-size: 0.875rem; color: #475569; }
</style>
</head>
<body>
<main>
<h1>Demarc is temporarily unavailable</h1>
<p>The portal cannot reach its database at the moment. Nothing you saved before is lost.</p>
<p>Please <a href="">try again</a> in a few seconds; the portal recovers by itself as soon as the database answers.</p>
<p class="reference">Reference: <code>REQUEST_ID</code></p>
</main>
</body>
</html>
`;

/** The page; `requestId` (a UUID the server made) lets an operator find the request's log lines. */
export function unavailablePage(requestId: string): PageReplacement {
  return {
    status: 503,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "retry-after": String(retryAfterSeconds),
    },
    body: page.replace("REQUEST_ID", requestId),
  };
}

export function unavailableProblem(): PageReplacement {
  return {
    status: 503,
    headers: {
      "content-type": "application/problem+json",
      "cache-control": "no-store",
      "retry-after": String(retryAfterSeconds),
    },
    body: JSON.stringify({
      type: "https://demarc.invalid/problems/unavailable",
      title: "Temporarily unavailable",
      status: 503,
      detail: "The portal cannot reach its database at the moment. Please try again in a few seconds.",
    }),
  };
}
