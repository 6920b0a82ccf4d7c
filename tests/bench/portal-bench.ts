// npm run bench — the portal's speed, measured as readers meet it: production build, a fresh
// embedded database at demo size and at the generated 100-provider size, autocannon against every
// page kind (anonymous and signed in), the API, search, the feed and an export, each beside a static
// server handing out the same bytes in the same run. Prints one table (each figure's ratio to the
// static baseline), SQL statements per request, start-up time, server memory and first-load
// JavaScript, and writes the figures as JSON under tests/bench/results/.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildIsStale } from "@/lib/cli/build";
import { DEMO_PASSWORD } from "@/lib/setup/seed-demo-accounts";
import { firstLoadJsKib, load, staticServer, type LoadFigures } from "./load";
import { generate, signIn, startPortal, type Portal } from "./portal-process";

const { values: args } = parseArgs({
  options: {
    sizes: { type: "string", default: "demo,100" },
    seconds: { type: "string", default: "5" },
    connections: { type: "string", default: "10" },
  },
});
const seconds = Number(args.seconds);
const connections = Number(args.connections);
const port = 3293;

interface Route {
  name: string;
  path: string;
  signedIn?: boolean;
  /** Every request carries a query parameter of its own, so the page cache never answers: the render's cost. */
  rendered?: boolean;
}

const withParam = (pagePath: string, param: string) => `${pagePath}${pagePath.includes("?") ? "&" : "?"}${param}`;

const routes = (generated: string | null): Route[] => [
  { name: "catalog", path: "/" },
  { name: "provider page", path: "/providers/danubedata" },
  { name: "service page (VPS)", path: "/providers/danubedata/services/vps" },
  { name: "service page ?model=", path: "/providers/contain/services/platform?model=cloud-services" },
  { name: "compare", path: "/providers/danubedata/compare" },
  ...(generated ? [{ name: "generated provider page", path: `/providers/${generated}` }] : []),
  { name: "404", path: "/providers/no-such-provider" },
  { name: "API provider", path: "/api/v1/providers/danubedata" },
  { name: "API list", path: "/api/v1/providers" },
  { name: "search ?q=backup", path: "/?q=backup" },
  { name: "Atom feed", path: "/providers/danubedata/changelog.atom" },
  { name: "export CSV", path: "/api/v1/providers/danubedata/export?format=csv" },
  { name: "rendered: catalog", path: "/", rendered: true },
  { name: "rendered: provider page", path: "/providers/danubedata", rendered: true },
  { name: "rendered: service page", path: "/providers/danubedata/services/vps", rendered: true },
  { name: "signed in: provider page", path: "/providers/danubedata", signedIn: true },
  { name: "signed in: service page", path: "/providers/danubedata/services/vps", signedIn: true },
  { name: "signed in: My obligations", path: "/me/obligations", signedIn: true },
];

interface Row extends LoadFigures {
  size: string;
  route: string;
  status: number;
  statements: number;
  staticRequestsPerSecond: number;
  ratio: number;
  firstLoadJsKib: number | null;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function measureSize(
  size: string,
): Promise<{ rows: Row[]; startupMs: number; rssMb: number; crowd: LoadFigures }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `demarc-bench-${size}-`));
  let portal: Portal | undefined;
  try {
    if (size !== "demo") generate(dataDir, { providers: 100, services: 20, areas: 40 });
    portal = await startPortal({ dataDir, port });
    console.log(`\n${size}: portal ready in ${Math.round(portal.startupMs)} ms`);
    const cookie = await signIn(portal.origin, "customer@demarc.local", DEMO_PASSWORD);
    const list = (await (await fetch(`${portal.origin}/api/v1/providers`)).json()) as { providers: { slug: string }[] };
    const generated = list.providers.find((p) => p.slug.startsWith("gen-"))?.slug ?? null;

    const recorded = new Map<string, { body: Buffer; type: string }>();
    const prepared: (Route & { key: string; status: number; statements: number; js: number | null })[] = [];
    for (const route of routes(generated)) {
      const headers = route.signedIn ? { Cookie: cookie } : undefined;
      const url = (param: string) => portal!.origin + (route.rendered ? withParam(route.path, param) : route.path);
      await fetch(url("render=warm"), { headers }).then((r) => r.arrayBuffer());
      const before = portal.statements();
      const response = await fetch(url("render=counted"), { headers });
      const body = Buffer.from(await response.arrayBuffer());
      await sleep(200);
      const statements = portal.statements() - before;
      const type = response.headers.get("content-type") ?? "text/html";
      const key = route.signedIn
        ? withParam(route.path, "as=customer")
        : route.rendered
          ? withParam(route.path, "as=rendered")
          : route.path;
      recorded.set(key, { body, type });
      const js = type.startsWith("text/html") ? await firstLoadJsKib(portal.origin, body.toString()) : null;
      prepared.push({ ...route, key, status: response.status, statements, js });
    }

    const baseline = await staticServer(recorded, port + 1);
    const rows: Row[] = [];
    try {
      for (const route of prepared) {
        const headers = route.signedIn ? { Cookie: cookie } : undefined;
        const figures = await load({
          url: portal.origin + route.path,
          headers,
          connections,
          seconds,
          uniqueQuery: route.rendered,
          expectedStatus: route.status,
        });
        const plain = await load({ url: baseline.origin + route.key, connections, seconds });
        rows.push({
          size,
          route: route.name,
          status: route.status,
          statements: route.statements,
          ...figures,
          staticRequestsPerSecond: plain.requestsPerSecond,
          ratio: figures.requestsPerSecond / plain.requestsPerSecond,
          firstLoadJsKib: route.js,
        });
        console.log(
          `  ${route.name}: ${figures.requestsPerSecond.toFixed(0)} req/s, p95 ${Math.round(figures.p95)} ms`,
        );
      }
    } finally {
      await baseline.close();
    }
    // Many readers at once: nothing may fail.
    const crowd = await load({ url: `${portal.origin}/providers/danubedata`, connections: 100, seconds });
    return { rows, startupMs: portal.startupMs, rssMb: portal.rssMb(), crowd };
  } finally {
    await portal?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// Built first (by a throwaway start: the build reads the database), so no start-up time below includes it.
if (buildIsStale()) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "demarc-bench-build-"));
  await (await startPortal({ dataDir, port })).stop();
  rmSync(dataDir, { recursive: true, force: true });
}
const results = [];
for (const size of args.sizes.split(",")) results.push({ size, ...(await measureSize(size)) });

const pad = (value: string, width: number) => value.padStart(width);
console.log(
  `\n| size | request | req/s | × static | p50 ms | p95 ms | p99 ms | errors | KB | SQL | JS KiB |\n|---|---|---|---|---|---|---|---|---|---|---|`,
);
for (const { rows } of results)
  for (const row of rows)
    console.log(
      `| ${row.size} | ${row.route}${row.status === 200 ? "" : ` (${row.status})`} | ${pad(row.requestsPerSecond.toFixed(0), 5)} | ${row.ratio.toFixed(2)} | ${Math.round(row.p50)} | ${Math.round(row.p95)} | ${Math.round(row.p99)} | ${row.errors} | ${(row.bytesPerResponse / 1000).toFixed(1)} | ${row.statements} | ${row.firstLoadJsKib === null ? "" : row.firstLoadJsKib.toFixed(0)} |`,
    );
console.log(
  "\n| size | start-up | server RSS after the run | 100 concurrent readers of a provider page |\n|---|---|---|---|",
);
for (const r of results)
  console.log(
    `| ${r.size} | ${(r.startupMs / 1000).toFixed(1)} s | ${r.rssMb.toFixed(0)} MB | ${r.crowd.requestsPerSecond.toFixed(0)} req/s, p95 ${Math.round(r.crowd.p95)} ms, ${r.crowd.errors} errors |`,
  );

const folder = path.resolve("tests/bench/results");
mkdirSync(folder, { recursive: true });
const file = path.join(folder, `portal-${new Date().toISOString().slice(0, 10)}.json`);
writeFileSync(file, `${JSON.stringify({ seconds, connections, results }, null, 2)}\n`);
console.log(`\nFigures written to ${path.relative(process.cwd(), file)}`);
