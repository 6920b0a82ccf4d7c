// The API routes that read a request body, under generated hostile requests: the import route
// (every format, mode and flag, any body, any caller) and the sign-in route's own checks; and the
// body size limits, which refuse an oversized body with a 413 before anything parses it, whether
// its Content-Length says so, lies, or is absent (a stream).
import * as fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as authRoute } from "@/app/api/auth/[...nextauth]/route";
import { POST as importRoute } from "@/app/api/v1/providers/[provider]/import/route";
import { anonymous, type Actor } from "@/lib/auth/permissions";
import { importFileFormats } from "@/lib/drafts/import-file";
import { actAs } from "../support/actor";
import { expectProblem, expectServedOrProblem, isServed } from "./support/answers";
import { hostileBody, hostileJsonValue, hostileText, knownOrHostile, pathTricks } from "./support/arbitraries";
import { DatabaseWatch } from "./support/database-fingerprint";
import { fuzzFixtures, type FuzzFixtures } from "./support/fixtures";
import { fuzzParameters, timeoutFor } from "./support/fuzz-settings";
import { callHandler, encodeText, hostileHeaders, hostileQuery } from "./support/requests";

let fixtures: FuzzFixtures;
const watch = new DatabaseWatch();

beforeAll(async () => {
  fixtures = await fuzzFixtures();
});

const IMPORT_LIMIT = 4 * 1024 * 1024;
const AUTH_LIMIT = 64 * 1024;

const callers = ["anonymous", "admin", "manager", "auditor", "customer"] as const;
const actorOf = (caller: (typeof callers)[number]): Actor => (caller === "anonymous" ? anonymous : fixtures[caller]);

/** A body that streams `size` bytes in chunks, announcing no length (as chunked transfer encoding does). */
function streamOf(size: number, chunk = 256 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= size) return controller.close();
      const next = Math.min(chunk, size - sent);
      sent += next;
      controller.enqueue(new Uint8Array(next).fill(0x61));
    },
  });
}

/** Import requests: mostly the provider's editors, its slug and a usable query, so the body reaches the importers. */
function importCases() {
  const files = [fixtures.files.csv, fixtures.files.markdown, fixtures.files.providerJson, fixtures.files.xlsx];
  return fc.record({
    caller: fc.constantFrom(...callers, "manager", "manager", "admin"),
    provider: fc.oneof(
      { weight: 4, arbitrary: fc.constant(fixtures.provider.slug) },
      { weight: 2, arbitrary: knownOrHostile(fixtures.seededSlugs) },
      { weight: 1, arbitrary: pathTricks },
    ),
    query: hostileQuery(
      ["format", "service", "mode", "split", "create", "dryRun", "fileName"],
      {
        format: fc.constantFrom(...importFileFormats),
        service: fc.constant(fixtures.provider.service),
        mode: fc.constantFrom("replace", "append"),
        split: fc.constantFrom("lines", "commas"),
        create: fc.constantFrom("1", "0"),
        dryRun: fc.constantFrom("1", "1", "0"),
        fileName: hostileText(100),
      },
      { absent: 2, real: 12, hostile: 1 },
    ),
    body: fc.oneof({ weight: 3, arbitrary: hostileBody }, { weight: 1, arbitrary: fc.constantFrom(...files) }),
    headers: hostileHeaders,
    method: fc.constantFrom("POST", "POST", "PUT", "PATCH", "DELETE"),
  });
}

describe("the API routes that read a body", () => {
  it(
    "the import route serves or refuses with a problem, never a 5xx; a refusal or dry run changes nothing",
    async () => {
      await watch.start();
      await fc.assert(
        fc.asyncProperty(importCases(), async (input) => {
          actAs(actorOf(input.caller));
          const answer = await callHandler(
            importRoute,
            {
              method: input.method,
              url: `/api/v1/providers/${encodeText(input.provider)}/import${input.query}`,
              headers: input.headers,
              body: typeof input.body === "string" ? input.body : new Uint8Array(input.body),
            },
            { provider: input.provider },
          );
          expectServedOrProblem(answer, [400, 401, 403, 404, 409, 413]);
          // Read as the route reads it (a "#" ends the query).
          const dryRun = new URL(`http://localhost/${input.query}`).searchParams.get("dryRun") === "1";
          if (isServed(answer) && !dryRun) await watch.accept();
          else await watch.expectUnchanged(`the import ${input.query.slice(0, 200)}`);
        }),
        fuzzParameters(1),
      );
    },
    timeoutFor(1, 100),
  );

  it(
    "the sign-in route refuses a JSON body that is not an object with a 400 problem",
    async () => {
      const notAnObject = fc.oneof(
        hostileJsonValue
          .filter((v) => v === null || typeof v !== "object" || Array.isArray(v))
          .map((v) => JSON.stringify(v)),
        hostileText(300),
        fc.constantFrom("{bad", "{", "}", "[", '{"a":', "", " ", "\ufeff", "{}}", "nul"),
      );
      await watch.start();
      await fc.assert(
        fc.asyncProperty(
          notAnObject,
          fc.constantFrom("callback/credentials", "signin/credentials", "signout", "session"),
          async (body, action) => {
            // Text that happens to be a JSON object is next-auth's to read, not this check's.
            fc.pre(!isJsonObjectText(body));
            const answer = await callHandler(
              authRoute,
              { method: "POST", url: `/api/auth/${action}`, headers: [["content-type", "application/json"]], body },
              { nextauth: action.split("/") },
            );
            expect(expectProblem(answer, [400]).detail).toBe("The request body must be a JSON object.");
            await watch.expectUnchanged("a sign-in request");
          },
        ),
        fuzzParameters(0.5),
      );
    },
    timeoutFor(0.5),
  );

  it(
    "bodies over the limit are refused with 413 before they are parsed, however their length is announced",
    async () => {
      type Announce = "stream" | "declared" | "understated";
      const routes = [
        { name: "import", limit: IMPORT_LIMIT, call: importCall },
        { name: "sign-in", limit: AUTH_LIMIT, call: signInCall },
      ];
      await watch.start();
      actAs(fixtures.manager);
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...routes),
          fc.integer({ min: 1, max: 2 * 1024 * 1024 }),
          fc.constantFrom<Announce>("stream", "declared", "understated"),
          async (route, excess, announce) => {
            const size = route.limit + excess;
            const headers: [string, string][] = [["content-type", "application/json"]];
            if (announce !== "stream") headers.push(["content-length", String(announce === "declared" ? size : 10)]);
            // Text that would be refused as JSON if it were read: only the size check can answer 413.
            const answer = await route.call(streamOf(size), headers);
            const problem = expectProblem(answer, [413]);
            expect(problem.detail).toMatch(/larger than/);
            await watch.expectUnchanged(`an oversized ${route.name} body`);
          },
        ),
        fuzzParameters(0.05, [
          // Regression: the sign-in route read a JSON body of any size.
          [routes[1]!, 1, "stream"],
          [routes[1]!, 10 * 1024 * 1024, "declared"],
        ]),
      );
      // Just under the limit is read and judged on its content (here: not a provider, not an object).
      const fits = await importCall(streamOf(IMPORT_LIMIT), [["content-type", "application/json"]]);
      expectProblem(fits, [400]);
      const fitsSignIn = await signInCall(streamOf(AUTH_LIMIT), [["content-type", "application/json"]]);
      expect(expectProblem(fitsSignIn, [400]).detail).toBe("The request body must be a JSON object.");
    },
    timeoutFor(0.05, 2_000),
  );
});

function importCall(body: ReadableStream<Uint8Array>, headers: [string, string][]) {
  const url = `/api/v1/providers/${fixtures.provider.slug}/import?format=json`;
  return callHandler(importRoute, { method: "POST", url, headers, body }, { provider: fixtures.provider.slug });
}

function signInCall(body: ReadableStream<Uint8Array>, headers: [string, string][]) {
  const url = "/api/auth/callback/credentials";
  return callHandler(authRoute, { method: "POST", url, headers, body }, { nextauth: ["callback", "credentials"] });
}

function isJsonObjectText(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text.replace(/^\ufeff/, ""));
    return value !== null && typeof value === "object" && !Array.isArray(value);
  } catch {
    return false;
  }
}
