// The read API under generated hostile requests: every GET route (providers, services, exports,
// version diffs, obligations, a system's obligations and files, hash verification, health, readiness) with path tricks in its
// parameters, hostile query strings and headers, as every kind of reader, and bogus Authorization
// headers against the real API-token check. Each answer is served or a 4xx problem with a clear
// detail, never a 5xx; and a refused request leaves the database exactly as it was.
import * as fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as healthRoute } from "@/app/api/health/route";
import { GET as changeFeedRoute } from "@/app/api/v1/changes/feed/[token]/route";
import { GET as changeExportRoute } from "@/app/api/v1/me/changes/[impact]/export/route";
import { GET as organizationChangeExportRoute } from "@/app/api/v1/organizations/[organization]/changes/[impact]/export/route";
import { GET as readyRoute } from "@/app/api/ready/route";
import { GET as obligationsExportRoute } from "@/app/api/v1/me/obligations/export/route";
import { GET as systemExportRoute } from "@/app/api/v1/me/systems/[system]/export/route";
import { GET as systemObligationsRoute } from "@/app/api/v1/me/systems/[system]/obligations/route";
import { GET as exportRoute } from "@/app/api/v1/providers/[provider]/export/route";
import { POST as importRoute } from "@/app/api/v1/providers/[provider]/import/route";
import { GET as providerRoute } from "@/app/api/v1/providers/[provider]/route";
import { GET as serviceRoute } from "@/app/api/v1/providers/[provider]/services/[service]/route";
import { GET as compareExportRoute } from "@/app/api/v1/providers/[provider]/versions/compare/export/route";
import { GET as providersRoute } from "@/app/api/v1/providers/route";
import { GET as verifyRoute } from "@/app/api/v1/verify/[hash]/route";
import { anonymous, type Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { changeImpactExportFormats } from "@/lib/exports/export-change-impact";
import { diffExportFormats } from "@/lib/exports/export-version-diff";
import { feedTokenHash, newFeedToken } from "@/lib/notifications/change-feed-token";
import { obligationsExportFormats } from "@/lib/exports/export-obligations";
import { systemExportFormats } from "@/lib/exports/export-system";
import { providerExportFormats } from "@/lib/validation/export-query";
import { actAs } from "../support/actor";
import { expectProblem, expectServedOrProblem, isServed, type Answer } from "./support/answers";
import { knownOrHostile, pathTricks } from "./support/arbitraries";
import { DatabaseWatch } from "./support/database-fingerprint";
import { fuzzFixtures, type FuzzFixtures } from "./support/fixtures";
import { fuzzParameters, timeoutFor } from "./support/fuzz-settings";
import { callHandler, encodeText, hostileAuthorization, hostileHeaders, hostileQuery } from "./support/requests";

let fixtures: FuzzFixtures;
const watch = new DatabaseWatch();

/** A system of the fixtures' customer, for the systems routes. */
const fuzzSystem = "fuzz-read-stack";
/** A change impact of the fixtures' customer's organization, and its feed's secret address. */
let fuzzImpact = "";
/** That organization's slug, for the staff routes that name it. */
let fuzzOrganization = "";
const fuzzFeed = newFeedToken();

beforeAll(async () => {
  fixtures = await fuzzFixtures();
  await getDb().system.create({
    data: {
      organizationId: fixtures.organizationId,
      slug: fuzzSystem,
      name: "Fuzz read stack",
      tiers: [{ key: "vps", provider: "danubedata", service: "vps", model: null }],
      bindings: [],
    },
  });
  const provider = await getDb().provider.findUniqueOrThrow({ where: { slug: fixtures.provider.slug } });
  const impact = await getDb().changeImpact.create({
    data: {
      organizationId: fixtures.organizationId,
      providerId: provider.id,
      // Far beyond any version the fuzzed publishes reach: one impact per organization and version.
      fromVersion: 999_999,
      toVersion: 1_000_000,
      systems: [],
      actionRequired: 0,
      informational: 0,
    },
  });
  fuzzImpact = impact.id;
  fuzzOrganization = (await getDb().organization.findUniqueOrThrow({ where: { id: fixtures.organizationId } })).slug;
  await getDb().changeFeed.create({
    data: { organizationId: fixtures.organizationId, tokenHash: feedTokenHash(fuzzFeed), createdBy: "fuzz" },
  });
});

const readers = ["anonymous", "admin", "manager", "auditor", "customer"] as const;
type Reader = (typeof readers)[number];
const actorOf = (reader: Reader): Actor => (reader === "anonymous" ? anonymous : fixtures[reader]);

/** What a route was asked: which one, its parameters and query, the headers, the method, who asks. */
interface ReadCase {
  route: (typeof readRoutes)[number]["name"];
  params: Record<string, string>;
  query: string;
  headers: [string, string][];
  method: "GET" | "HEAD";
  reader: Reader;
}

/**
 * Each read route: how to call it, and which refusals it may answer. `known` says whether the
 * parameters name something that exists (then it may be served), decided from the fixtures, never
 * from the code under test.
 */
const readRoutes = [
  { name: "providers", handler: providersRoute, params: [], refusals: [400], known: () => true },
  { name: "health", handler: healthRoute, params: [], refusals: [], known: () => true },
  { name: "ready", handler: readyRoute, params: [], refusals: [], known: () => true },
  {
    name: "provider",
    handler: providerRoute,
    params: ["provider"],
    // 400: a NUL in the query (refused by every route).
    refusals: [400, 404],
    known: (p: Record<string, string>) => knownProvider(p.provider),
  },
  {
    name: "service",
    handler: serviceRoute,
    params: ["provider", "service"],
    refusals: [400, 404],
    known: (p: Record<string, string>) =>
      p.provider === fixtures.provider.slug && p.service === fixtures.provider.service,
  },
  {
    name: "export",
    handler: exportRoute,
    params: ["provider"],
    refusals: [400, 404],
    known: (p: Record<string, string>) => knownProvider(p.provider),
  },
  {
    name: "compare",
    handler: compareExportRoute,
    params: ["provider"],
    refusals: [400, 404],
    known: (p: Record<string, string>) => knownProvider(p.provider),
  },
  {
    name: "verify",
    handler: verifyRoute,
    params: ["hash"],
    refusals: [400, 404],
    known: (p: Record<string, string>) => p.hash?.trim().toLowerCase() === fixtures.provider.contentHash,
  },
  { name: "obligations", handler: obligationsExportRoute, params: [], refusals: [400, 401, 403], known: () => true },
  // A system's obligations (JSON) and its files: the customer's own system, anyone else refused.
  {
    name: "system-obligations",
    handler: systemObligationsRoute,
    params: ["system"],
    refusals: [400, 401, 403, 404],
    known: (p: Record<string, string>) => knownSystem(p.system),
  },
  {
    name: "system-export",
    handler: systemExportRoute,
    params: ["system"],
    refusals: [400, 401, 403, 404],
    known: (p: Record<string, string>) => knownSystem(p.system),
  },
  // A change impact as a file: the customer's own organization's, anyone else refused.
  {
    name: "change-export",
    handler: changeExportRoute,
    params: ["impact"],
    refusals: [400, 401, 403, 404],
    known: (p: Record<string, string>) => p.impact === fuzzImpact,
  },
  // The same impact for staff, named under its organization; anyone else refused.
  {
    name: "organization-change-export",
    handler: organizationChangeExportRoute,
    params: ["organization", "impact"],
    refusals: [400, 401, 403, 404],
    known: (p: Record<string, string>) => p.organization === fuzzOrganization && p.impact === fuzzImpact,
  },
  // The secret feed: served for its address whoever asks, else 404 (401 for a bad bearer token).
  {
    name: "change-feed",
    handler: changeFeedRoute,
    params: ["token"],
    refusals: [401, 404],
    known: (p: Record<string, string>) => p.token === fuzzFeed,
  },
] as const;

// The customer's own system, and the tracking of its subscribed services (every organization has it).
const knownSystem = (slug: string | undefined) => slug === fuzzSystem || slug === "subscribed--services";

const knownProvider = (slug: string | undefined) =>
  slug === fixtures.provider.slug || fixtures.seededSlugs.includes(slug ?? "");

/** The query keys each route reads, with real values that get a request past its checks. */
function queryOf(route: ReadCase["route"]): fc.Arbitrary<string> {
  const p = fixtures.provider;
  switch (route) {
    case "providers":
      return hostileQuery(["q"]);
    case "export":
      return hostileQuery(["format", "version", "service", "model", "assignment", "q", "party", "layer", "framework"], {
        format: fc.constantFrom(...providerExportFormats),
        version: fc.constantFrom("1", "2", "0"),
        service: fc.constantFrom(p.service, "compute"),
        q: fc.constantFrom("disk", "=1+1", ""),
        assignment: fc.constantFrom("customer", "shared,provider", "customer,,x"),
        party: fc.constantFrom("customer", "provider,hyperscaler", "__proto__"),
      });
    case "compare":
      return hostileQuery(["from", "to", "format"], {
        from: fc.constantFrom("1", "2"),
        to: fc.constantFrom("1", "2"),
        format: fc.constantFrom(...diffExportFormats),
      });
    case "obligations":
      return hostileQuery(["format"], { format: fc.constantFrom(...obligationsExportFormats) });
    case "system-export":
      return hostileQuery(["format"], { format: fc.constantFrom(...systemExportFormats) });
    case "change-export":
    case "organization-change-export":
      return hostileQuery(["format"], { format: fc.constantFrom(...changeImpactExportFormats) });
    default:
      // Routes that read no query still get one: it must not matter.
      return hostileQuery([]);
  }
}

/** A parameter: a real name sometimes, else hostile text or a path trick (very long ones included). */
const paramValue = (known: readonly string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: knownOrHostile(known) },
    { weight: 1, arbitrary: pathTricks },
    { weight: 1, arbitrary: fc.integer({ min: 1000, max: 200_000 }).map((n) => "a".repeat(n)) },
  );

/** Requests to any read route (built once the fixtures exist). */
function readCases(): fc.Arbitrary<ReadCase> {
  const params = fc.record({
    provider: paramValue([fixtures.provider.slug, ...fixtures.seededSlugs]),
    service: paramValue([fixtures.provider.service]),
    hash: paramValue([fixtures.provider.contentHash, fixtures.provider.contentHash.toUpperCase()]),
    system: paramValue([fuzzSystem, "subscribed--services"]),
    impact: paramValue([fuzzImpact]),
    organization: paramValue([fuzzOrganization]),
    token: paramValue([fuzzFeed]),
  });
  const queries = new Map(readRoutes.map((route) => [route.name, queryOf(route.name)]));
  return fc.constantFrom(...readRoutes.map((r) => r.name)).chain((route) =>
    fc.record({
      route: fc.constant(route),
      params,
      query: queries.get(route)!,
      headers: hostileHeaders,
      method: fc.constantFrom("GET" as const, "HEAD" as const),
      reader: fc.constantFrom(...readers),
    }),
  );
}

const example = (
  route: ReadCase["route"],
  params: Record<string, string>,
  query: string,
  reader: Reader = "anonymous",
) => [{ route, params, query, headers: [], method: "GET", reader }] as [ReadCase];

async function ask(input: ReadCase): Promise<Answer> {
  const route = readRoutes.find((r) => r.name === input.route)!;
  const params = Object.fromEntries(route.params.map((name) => [name, input.params[name] ?? ""]));
  const path = `/api/v1/${input.route}/${route.params.map((name) => encodeText(params[name]!)).join("/")}`;
  actAs(actorOf(input.reader));
  const handler = route.handler as (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;
  return callHandler(handler, { method: input.method, url: path + input.query, headers: input.headers }, params);
}

describe("the read API under hostile requests", () => {
  it(
    "serves or refuses with a problem, never a 5xx, and a refusal changes nothing",
    async () => {
      await watch.start();
      await fc.assert(
        fc.asyncProperty(readCases(), async (input) => {
          const route = readRoutes.find((r) => r.name === input.route)!;
          const answer = await ask(input);
          expectServedOrProblem(answer, route.refusals);
          if (isServed(answer)) {
            expect(route.known(input.params), `served although nothing is named: ${answer.status}`).toBe(true);
            // A served export records its download in the audit log.
            await watch.accept();
          } else await watch.expectUnchanged(`${input.route} ${JSON.stringify(input.params).slice(0, 200)}`);
        }),
        fuzzParameters(2, [
          // Regressions: a NUL in a path parameter or the query reached PostgreSQL (500).
          example("provider", { provider: "a\u0000b" }, ""),
          example("export", { provider: "\u0000" }, "?service=%00", "admin"),
          // Regressions: a version number beyond PostgreSQL's integer range (500).
          example("compare", { provider: "stackit" }, "?from=1&to=99999999999&format=csv"),
          example("export", { provider: "stackit" }, "?format=csv&version=2147483648"),
        ]),
      );
    },
    timeoutFor(2),
  );

  it("an export refused by its renderer records no download", async () => {
    await watch.start();
    // The fixture's only area is shared: the customer filter leaves none, which OSCAL cannot express.
    const query = "?format=oscal-ssp&assignment=customer";
    const answer = await ask(example("export", { provider: fixtures.provider.slug }, query)[0]);
    expect(expectProblem(answer, [400]).detail).toMatch(/No area matches the filters/);
    await watch.expectUnchanged("the OSCAL export");
  });

  it(
    "refuses every Authorization header but a live token with a 401 problem, before reading anything",
    async () => {
      await watch.start();
      const routes = [
        { name: "providers", call: (url: string) => ({ handler: providersRoute, url, params: {} }) },
        {
          name: "provider",
          call: (url: string) => ({ handler: providerRoute, url, params: { provider: fixtures.provider.slug } }),
        },
        {
          name: "import",
          call: (url: string) => ({ handler: importRoute, url, params: { provider: fixtures.provider.slug } }),
        },
      ];
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...routes),
          fc.oneof(
            { weight: 1, arbitrary: fc.constant(fixtures.tokens.valid).map((t) => `Bearer ${t}`) },
            { weight: 6, arbitrary: hostileAuthorization(fixtures.tokens) },
          ),
          async (route, authorization) => {
            const { handler, url, params } = route.call(
              `/api/v1/${route.name}?format=csv&service=${fixtures.provider.service}`,
            );
            const call = handler as (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;
            const answer = await callHandler(
              call,
              {
                method: route.name === "import" ? "POST" : "GET",
                url,
                headers: [["authorization", authorization]],
                body: route.name === "import" ? fixtures.files.csv : undefined,
              },
              params,
            );
            if (authorization === `Bearer ${fixtures.tokens.valid}`) {
              // The token's owner is an auditor: reads are served, imports forbidden; a long run
              // meets the token's rate limit. Every use is counted (and its last use recorded), so
              // the database moves on.
              if (answer.status === 429) expectProblem(answer, [429]);
              else if (route.name === "import") expectProblem(answer, [403]);
              else expect(answer.status).toBe(200);
              await watch.accept();
            } else {
              expect(expectProblem(answer, [401]).detail).toBe("The API token is missing, invalid or revoked.");
              await watch.expectUnchanged(`a request with Authorization ${JSON.stringify(authorization.slice(0, 80))}`);
            }
          },
        ),
        fuzzParameters(0.5),
      );
    },
    timeoutFor(0.5),
  );
});
