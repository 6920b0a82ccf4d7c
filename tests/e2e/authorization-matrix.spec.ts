// Every page and API route in app/ × every kind of user: allowed, sent to sign-in, 404 or 401.
// Routes are found by walking app/, so a new route fails this test until it has expectations.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { generateApiToken } from "@/lib/auth/api-tokens";
import { roleToDb, type Role } from "@/lib/auth/permissions";
import { getAuthSecret } from "@/lib/auth/secret";
import { createSession } from "@/lib/auth/sessions";
import { feedTokenHash, newFeedToken } from "@/lib/notifications/change-feed-token";
import { signUnsubscribeToken } from "@/lib/notifications/unsubscribe-token";
import { writePublishedProvider } from "@/lib/versions/write-published-provider";
import { providerDocumentSchema } from "@/lib/validation/provider-document";
import { makeProviderDocument } from "../factories/provider-document";
import { expect, test } from "./fixtures";
import { e2eDatabase } from "./support/e2e-database";

/** The first obligation a one-tier system on DanubeData's VPS leaves its organization (seeded content). */
const seededObligation = "vps.network-infrastructure.customer.0";

const kinds = [
  "anonymous",
  "customerA",
  "customerB",
  "managerX",
  "managerY",
  "auditor",
  "admin",
  "deactivated",
] as const;
type Kind = (typeof kinds)[number];

type Outcome = "ok" | "400" | "404" | "403" | "sign-in" | "401" | { redirect: string };
type World = Awaited<ReturnType<typeof buildWorld>>;
interface Case {
  name: string;
  url: (w: World) => string;
  expect: Record<Kind, Outcome>;
  /**
   * A POST with this body (state-changing routes; sessions send the portal's Origin, as browsers do);
   * a function makes it afresh for each request (e.g. naming the version as it is now).
   */
  post?: string | ((w: World) => Promise<string>);
}

const everyone = (outcome: Outcome) => Object.fromEntries(kinds.map((k) => [k, outcome])) as Record<Kind, Outcome>;
const only = (allowed: Kind[], otherwise: Outcome, overrides: Partial<Record<Kind, Outcome>> = {}) =>
  ({
    ...Object.fromEntries(kinds.map((k) => [k, allowed.includes(k) ? "ok" : otherwise])),
    ...overrides,
  }) as Record<Kind, Outcome>;

const seesX: Kind[] = ["customerA", "managerX", "auditor", "admin"];
const seesAllOfX: Kind[] = ["managerX", "auditor", "admin"];
const signedInElsewhere = { anonymous: "sign-in", deactivated: "sign-in" } as const;
const seesAudit: Kind[] = ["auditor", "admin"];

/** Pages, by their route pattern (route groups removed). Visited with a session cookie. */
const pages: Record<string, Case[]> = {
  "/": [{ name: "catalog", url: () => "/", expect: everyone("ok") }],
  "/verify": [{ name: "verify X's hash", url: (w) => `/verify?hash=${w.xHash}`, expect: everyone("ok") }],
  "/sign-in": [
    {
      name: "sign-in",
      url: () => "/sign-in",
      expect: only(["anonymous", "deactivated"], { redirect: "/" }),
    },
  ],
  "/providers/[provider]": [
    { name: "public", url: () => "/providers/danubedata", expect: everyone("ok") },
    { name: "private X", url: (w) => `/providers/${w.x}`, expect: only(seesX, "404") },
  ],
  "/providers/[provider]/compare": [
    { name: "public", url: () => "/providers/danubedata/compare", expect: everyone("ok") },
    { name: "private X", url: (w) => `/providers/${w.x}/compare`, expect: only(seesX, "404") },
  ],
  "/providers/[provider]/services/[service]": [
    { name: "public", url: () => "/providers/danubedata/services/vps", expect: everyone("ok") },
    { name: "X subscribed", url: (w) => `/providers/${w.x}/services/${w.xSubscribed}`, expect: only(seesX, "404") },
    {
      name: "X not subscribed",
      url: (w) => `/providers/${w.x}/services/${w.xOther}`,
      expect: only(seesAllOfX, "404"),
    },
  ],
  "/me/obligations": [
    {
      name: "obligations",
      url: () => "/me/obligations",
      expect: only(["customerA", "customerB"], "404", signedInElsewhere),
    },
  ],
  "/me/systems": [
    { name: "systems", url: () => "/me/systems", expect: only(["customerA", "customerB"], "404", signedInElsewhere) },
  ],
  "/me/systems/new": [
    {
      name: "new system",
      url: () => "/me/systems/new",
      expect: only(["customerA", "customerB"], "404", signedInElsewhere),
    },
  ],
  "/me/systems/[system]/edit": [
    {
      name: "edit A's system",
      url: (w) => `/me/systems/${w.systemA}/edit`,
      expect: only(["customerA"], "404", signedInElsewhere),
    },
  ],
  "/me/systems/[system]": [
    {
      name: "A's system",
      url: (w) => `/me/systems/${w.systemA}`,
      expect: only(["customerA"], "404", signedInElsewhere),
    },
  ],
  "/me/systems/[system]/obligations": [
    {
      name: "A's system's obligations",
      url: (w) => `/me/systems/${w.systemA}/obligations`,
      expect: only(["customerA"], "404", signedInElsewhere),
    },
  ],
  "/me/systems/[system]/obligations/[obligation]": [
    {
      name: "one obligation of A's system",
      url: (w) => `/me/systems/${w.systemA}/obligations/${encodeURIComponent(seededObligation)}`,
      expect: only(["customerA"], "404", signedInElsewhere),
    },
  ],
  "/me/changes": [
    {
      name: "the organization's changes",
      url: () => "/me/changes",
      expect: only(["customerA", "customerB"], "404", signedInElsewhere),
    },
  ],
  "/me/changes/[impact]": [
    {
      name: "one change to A's obligations",
      url: (w) => `/me/changes/${w.impactA}`,
      expect: only(["customerA"], "404", signedInElsewhere),
    },
  ],
  "/unsubscribe": [
    // Token-based, for readers of an email who may not be signed in: the page only offers a button.
    { name: "an email's unsubscribe link", url: (w) => `/unsubscribe?token=${w.unsubscribeB}`, expect: everyone("ok") },
  ],
  "/admin/deliveries": [
    { name: "change deliveries", url: () => "/admin/deliveries", expect: only(["admin"], "404", signedInElsewhere) },
  ],
  "/me/notifications": [
    {
      name: "how the organization hears of changes",
      url: () => "/me/notifications",
      expect: only(["customerA", "customerB"], "404", signedInElsewhere),
    },
  ],
  "/systems": [
    { name: "every system", url: () => "/systems", expect: only(["auditor", "admin"], "404", signedInElsewhere) },
  ],
  "/changes/[organization]": [
    {
      name: "A's changes, read by staff",
      url: (w) => `/changes/${w.orgA}`,
      expect: only(["auditor", "admin"], "404", signedInElsewhere),
    },
  ],
  "/changes/[organization]/[impact]": [
    {
      name: "one change to A's obligations, read by staff",
      url: (w) => `/changes/${w.orgA}/${w.impactA}`,
      expect: only(["auditor", "admin"], "404", signedInElsewhere),
    },
    {
      name: "A's change named under B, read by staff",
      url: (w) => `/changes/${w.orgB}/${w.impactA}`,
      expect: only([], "404", signedInElsewhere),
    },
  ],
  "/systems/[organization]/[system]": [
    {
      name: "A's system, read by staff",
      url: (w) => `/systems/${w.orgA}/${w.systemA}`,
      expect: only(["auditor", "admin"], "404", signedInElsewhere),
    },
  ],
  "/systems/[organization]/[system]/obligations": [
    {
      name: "A's system's obligations, read by staff",
      url: (w) => `/systems/${w.orgA}/${w.systemA}/obligations`,
      expect: only(["auditor", "admin"], "404", signedInElsewhere),
    },
  ],
  "/systems/[organization]/[system]/obligations/[obligation]": [
    {
      name: "one obligation of A's system, read by staff",
      url: (w) => `/systems/${w.orgA}/${w.systemA}/obligations/${seededObligation}`,
      expect: only(["auditor", "admin"], "404", signedInElsewhere),
    },
  ],
  "/admin": [
    {
      name: "admin home",
      url: () => "/admin",
      expect: only([], "404", {
        ...signedInElsewhere,
        admin: { redirect: "/admin/users" },
        managerX: { redirect: "/admin/organizations" },
        managerY: { redirect: "/admin/organizations" },
      }),
    },
  ],
  "/admin/users": [{ name: "users", url: () => "/admin/users", expect: only(["admin"], "404", signedInElsewhere) }],
  "/admin/users/new": [
    { name: "new user", url: () => "/admin/users/new", expect: only(["admin"], "404", signedInElsewhere) },
  ],
  "/admin/users/[user]": [
    {
      name: "a user",
      url: (w) => `/admin/users/${w.users.customerA}`,
      expect: only(["admin"], "404", signedInElsewhere),
    },
  ],
  "/admin/organizations": [
    {
      name: "organizations",
      url: () => "/admin/organizations",
      expect: only(["admin", "managerX", "managerY"], "404", signedInElsewhere),
    },
  ],
  "/admin/organizations/[organization]": [
    {
      name: "organization A",
      url: (w) => `/admin/organizations/${w.orgA}`,
      expect: only(["admin", "managerX", "managerY"], "404", signedInElsewhere),
    },
  ],
  "/audit": [
    { name: "audit log", url: () => "/audit", expect: only(seesAudit, "404", signedInElsewhere) },
    {
      name: "filtered",
      url: () => "/audit?action=auth.&from=2020-01-01&limit=5",
      expect: only(seesAudit, "404", signedInElsewhere),
    },
    // Refused filters are shown next to their fields: still a page, not an error.
    { name: "bad filters", url: () => "/audit?from=soon", expect: only(seesAudit, "404", signedInElsewhere) },
  ],
};

const versionPages: Record<string, Case[]> = {
  "/providers/[provider]/versions": [
    { name: "public history", url: () => "/providers/danubedata/versions", expect: everyone("ok") },
    { name: "X history", url: (w) => `/providers/${w.x}/versions`, expect: only(seesX, "404") },
  ],
  "/providers/[provider]/versions/[number]": [
    { name: "public v1", url: () => "/providers/danubedata/versions/1", expect: everyone("ok") },
    { name: "X v1", url: (w) => `/providers/${w.x}/versions/1`, expect: only(seesX, "404") },
    { name: "X v2 (none)", url: (w) => `/providers/${w.x}/versions/2`, expect: everyone("404") },
  ],
  "/providers/[provider]/versions/[number]/services/[service]": [
    { name: "public v1 vps", url: () => "/providers/danubedata/versions/1/services/vps", expect: everyone("ok") },
    {
      name: "X v1 subscribed",
      url: (w) => `/providers/${w.x}/versions/1/services/${w.xSubscribed}`,
      expect: only(seesX, "404"),
    },
    {
      name: "X v1 not subscribed",
      url: (w) => `/providers/${w.x}/versions/1/services/${w.xOther}`,
      expect: only(seesAllOfX, "404"),
    },
  ],
  "/providers/[provider]/versions/compare": [
    { name: "public", url: () => "/providers/danubedata/versions/compare?from=1&to=1", expect: everyone("ok") },
    { name: "X", url: (w) => `/providers/${w.x}/versions/compare`, expect: only(seesX, "404") },
  ],
};
Object.assign(pages, versionPages);

/** Editing and importing: the provider's editors and admins; anonymous visitors sign in first. */
const editorPages: Record<string, Case[]> = Object.fromEntries(
  ["edit", "import"].map((page) => [
    `/providers/[provider]/${page}`,
    [
      {
        name: `public ${page}`,
        url: () => `/providers/danubedata/${page}`,
        expect: only(["admin"], "404", signedInElsewhere),
      },
      { name: `X ${page}`, url: (w: World) => `/providers/${w.x}/${page}`, expect: only(["admin", "managerX"], "404") },
    ],
  ]),
);
Object.assign(pages, editorPages, {
  "/providers/new": [
    {
      name: "new provider form",
      url: () => "/providers/new",
      expect: only(["admin", "managerX", "managerY"], "404", signedInElsewhere),
    },
  ],
});

/** API routes: visited with an API token, and again with a session cookie. */
const apiRoutes: Record<string, Case[]> = {
  "/api/v1/providers": [{ name: "list", url: () => "/api/v1/providers", expect: everyone("ok") }],
  "/api/v1/providers/[provider]": [
    { name: "public", url: () => "/api/v1/providers/danubedata", expect: everyone("ok") },
    { name: "private X", url: (w) => `/api/v1/providers/${w.x}`, expect: only(seesX, "404") },
  ],
  "/api/v1/providers/[provider]/services/[service]": [
    { name: "public", url: () => "/api/v1/providers/danubedata/services/vps", expect: everyone("ok") },
    {
      name: "X not subscribed",
      url: (w) => `/api/v1/providers/${w.x}/services/${w.xOther}`,
      expect: only(seesAllOfX, "404"),
    },
  ],
  "/api/auth/[...nextauth]": [{ name: "providers", url: () => "/api/auth/providers", expect: everyone("ok") }],
  "/api/v1/providers/[provider]/import": [
    {
      name: "X matrix preview",
      url: (w) => `/api/v1/providers/${w.x}/import?format=csv&service=${w.xSubscribed}&dryRun=1`,
      post: "Area,Provider,Customer\nBackups,Snapshots,Restores\n",
      // Seeing X is not editing it: visible to its subscribed customer and the auditor, but refused.
      expect: only(["managerX", "admin"], "404", { customerA: "403", auditor: "403" }),
    },
  ],
  "/api/v1/me/systems": [
    {
      name: "own systems",
      url: () => "/api/v1/me/systems",
      // Staff have no organization of their own; they read organizations' systems by name.
      expect: only(["customerA", "customerB"], "403", { anonymous: "401" }),
    },
  ],
  "/api/v1/me/systems/[system]": [
    {
      name: "A's system",
      url: (w) => `/api/v1/me/systems/${w.systemA}`,
      expect: only(["customerA"], "403", { customerB: "404", anonymous: "401" }),
    },
  ],
  "/api/v1/organizations/[organization]/systems": [
    {
      name: "A's systems",
      url: (w) => `/api/v1/organizations/${w.orgA}/systems`,
      expect: only(["customerA", "auditor", "admin"], "404"),
    },
  ],
  "/api/v1/organizations/[organization]/systems/[system]": [
    {
      name: "A's system",
      url: (w) => `/api/v1/organizations/${w.orgA}/systems/${w.systemA}`,
      expect: only(["customerA", "auditor", "admin"], "404"),
    },
  ],
  "/api/v1/me/systems/[system]/obligations": [
    {
      name: "A's system's obligations",
      url: (w) => `/api/v1/me/systems/${w.systemA}/obligations`,
      expect: only(["customerA"], "403", { customerB: "404", anonymous: "401" }),
    },
  ],
  "/api/v1/organizations/[organization]/systems/[system]/obligations": [
    {
      name: "A's system's obligations, by organization",
      url: (w) => `/api/v1/organizations/${w.orgA}/systems/${w.systemA}/obligations`,
      expect: only(["customerA", "auditor", "admin"], "404"),
    },
  ],
  "/api/v1/me/systems/[system]/obligations/[obligation]": [
    {
      name: "record an obligation of A's system",
      url: (w) => `/api/v1/me/systems/${w.systemA}/obligations/${seededObligation}`,
      // Names the version as it is now, so each allowed request is a fresh, valid change.
      post: async (w) => {
        const db = e2eDatabase();
        try {
          const [tier, area, party, position] = seededObligation.split(".");
          const record = await db.trackedObligation.findFirst({
            where: { systemId: w.systemAId, tier, area, party, position: Number(position) },
          });
          return JSON.stringify({ version: record?.version ?? 0, status: "implemented" });
        } finally {
          await db.$disconnect();
        }
      },
      expect: only(["customerA"], "403", { customerB: "404", anonymous: "401" }),
    },
  ],
  "/api/v1/me/systems/[system]/export": [
    {
      name: "A's tracking sheet",
      url: (w) => `/api/v1/me/systems/${w.systemA}/export?format=csv`,
      expect: only(["customerA"], "403", { customerB: "404", anonymous: "401" }),
    },
  ],
  "/api/v1/organizations/[organization]/systems/[system]/export": [
    {
      name: "A's system's plan",
      url: (w) => `/api/v1/organizations/${w.orgA}/systems/${w.systemA}/export?format=xlsx`,
      expect: only(["customerA", "auditor", "admin"], "404"),
    },
  ],
  "/api/v1/changes/feed/[token]": [
    // The secret address is the credential: whoever holds it reads A's changes, session or not.
    { name: "A's change feed", url: (w) => `/api/v1/changes/feed/${w.feedA}`, expect: everyone("ok") },
    {
      name: "a revoked or made-up feed address",
      url: () => `/api/v1/changes/feed/${"x".repeat(32)}`,
      expect: everyone("404"),
    },
  ],
  "/api/v1/email/unsubscribe": [
    {
      name: "one-click unsubscribe with a signed token",
      url: (w) => `/api/v1/email/unsubscribe?token=${w.unsubscribeB}`,
      post: "List-Unsubscribe=One-Click",
      expect: everyone("ok"),
    },
    {
      name: "one-click unsubscribe with a forged token",
      url: (w) => `/api/v1/email/unsubscribe?token=${w.users.customerA ?? "x"}.${"A".repeat(43)}`,
      post: "List-Unsubscribe=One-Click",
      expect: everyone("400"),
    },
  ],
  "/api/v1/me/changes/[impact]/export": [
    {
      name: "a change to A's obligations as CSV",
      url: (w) => `/api/v1/me/changes/${w.impactA}/export?format=csv`,
      expect: only(["customerA"], "403", { customerB: "404", anonymous: "401" }),
    },
  ],
  "/api/v1/organizations/[organization]/changes/[impact]/export": [
    {
      name: "a change to A's obligations as CSV, for staff",
      url: (w) => `/api/v1/organizations/${w.orgA}/changes/${w.impactA}/export?format=csv`,
      expect: only(["auditor", "admin"], "403", { anonymous: "401" }),
    },
    {
      name: "A's change named under B",
      url: (w) => `/api/v1/organizations/${w.orgB}/changes/${w.impactA}/export?format=csv`,
      expect: only([], "403", { anonymous: "401", auditor: "404", admin: "404" }),
    },
  ],
  "/api/v1/me/obligations/export": [
    {
      name: "own obligations as CSV",
      url: () => "/api/v1/me/obligations/export?format=csv",
      // Staff have no organization (the administrator may read obligations but has none of its own).
      expect: only(["customerA", "customerB"], "403", { anonymous: "401" }),
    },
  ],
  "/api/v1/providers/[provider]/versions/compare/export": [
    {
      name: "public changes as CSV",
      url: () => "/api/v1/providers/danubedata/versions/compare/export?from=1&to=1&format=csv",
      expect: everyone("ok"),
    },
    {
      name: "X changes as CSV",
      url: (w) => `/api/v1/providers/${w.x}/versions/compare/export?from=1&to=1&format=csv`,
      expect: only(seesX, "404"),
    },
  ],
  "/api/health": [{ name: "liveness", url: () => "/api/health", expect: everyone("ok") }],
  "/api/ready": [{ name: "readiness", url: () => "/api/ready", expect: everyone("ok") }],
  "/api/v1/verify/[hash]": [
    { name: "X version's hash", url: (w) => `/api/v1/verify/${w.xHash}`, expect: only(seesX, "404") },
  ],
  "/api/v1/providers/[provider]/export": [
    { name: "public export", url: () => "/api/v1/providers/danubedata/export", expect: everyone("ok") },
    { name: "X export", url: (w) => `/api/v1/providers/${w.x}/export`, expect: only(seesX, "404") },
    {
      name: "X export as a spreadsheet",
      url: (w) => `/api/v1/providers/${w.x}/export?format=xlsx`,
      expect: only(seesX, "404"),
    },
  ],
  "/providers/[provider]/changelog.atom": [
    { name: "public feed", url: () => "/providers/danubedata/changelog.atom", expect: everyone("ok") },
    { name: "X feed", url: (w) => `/providers/${w.x}/changelog.atom`, expect: only(seesX, "404") },
  ],
  // The CSV download: a 401 problem without an actor (no sign-in redirect: it is a download), and a
  // 404 for signed-in users without read:audit, like the /audit page.
  "/audit/export": [
    {
      name: "CSV",
      url: () => "/audit/export?action=auth.",
      expect: only(seesAudit, "404", { anonymous: "401", deactivated: "401" }),
    },
  ],
};

/** Routes that never read who is asking: next-auth's own, and the health and readiness probes. */
const ignoresTokens = new Set([
  "/api/auth/[...nextauth]",
  "/api/health",
  "/api/ready",
  // The signed token in the address is its only credential (RFC 8058 one-click).
  "/api/v1/email/unsubscribe",
]);

/** Routes whose errors are RFC 9457 problem details (next-auth's own route is not). */
const problemJson = (pattern: string) =>
  pattern.startsWith("/api/v1") || pattern === "/audit/export" || pattern.endsWith("/changelog.atom");

/** Route patterns of every page.tsx and route.ts under app/. */
function discoverRoutes(): { pages: string[]; api: string[] } {
  const found = { pages: [] as string[], api: [] as string[] };
  const walk = (dir: string, segments: string[]) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        walk(full, /^\(.*\)$/.test(name) ? segments : [...segments, name]);
      } else if (/^page\.tsx?$/.test(name)) found.pages.push("/" + segments.join("/"));
      else if (/^route\.tsx?$/.test(name)) found.api.push("/" + segments.join("/"));
    }
  };
  walk(path.resolve("app"), []);
  return found;
}

async function buildWorld() {
  const db = e2eDatabase();
  const writeDoc = async (doc: ReturnType<typeof makeProviderDocument>) => {
    const document = providerDocumentSchema.parse(doc);
    return db.$transaction((tx) =>
      writePublishedProvider({ tx, actor: { kind: "system", command: "matrix" }, document, note: "Version 1" }),
    );
  };
  const xDoc = makeProviderDocument({ isPrivate: true });
  xDoc.services.push({ ...xDoc.services[0]!, slug: "other-service" });
  const x = await writeDoc(xDoc);
  const y = await writeDoc(makeProviderDocument({ isPrivate: true }));
  const xSubscribed = await db.service.findFirstOrThrow({ where: { providerId: x.id, position: 0 } });
  const stamp = Date.now().toString(36);
  const orgA = await db.organization.create({
    data: { slug: `matrix-a-${stamp}`, name: "Matrix A", subscriptions: { create: [{ serviceId: xSubscribed.id }] } },
  });
  const orgB = await db.organization.create({ data: { slug: `matrix-b-${stamp}`, name: "Matrix B" } });
  const systemA = await db.system.create({
    data: {
      organizationId: orgA.id,
      slug: `matrix-stack-${stamp}`,
      name: "Matrix stack",
      tiers: [{ key: "vps", provider: "danubedata", service: "vps", model: null }],
      bindings: [],
    },
  });

  const impactA = await db.changeImpact.create({
    data: {
      organizationId: orgA.id,
      providerId: x.id,
      fromVersion: 1,
      toVersion: 2,
      systems: [],
      actionRequired: 1,
      informational: 0,
    },
  });
  const feedA = newFeedToken();
  await db.changeFeed.create({
    data: { organizationId: orgA.id, tokenHash: feedTokenHash(feedA), createdBy: "matrix" },
  });

  const secret = await getAuthSecret(db);
  const specs: Record<Exclude<Kind, "anonymous">, { role: Role; org?: string; manages?: string; active?: boolean }> = {
    customerA: { role: "customer", org: orgA.id },
    customerB: { role: "customer", org: orgB.id },
    managerX: { role: "account-manager", manages: x.id },
    managerY: { role: "account-manager", manages: y.id },
    auditor: { role: "auditor" },
    admin: { role: "admin" },
    deactivated: { role: "admin", active: false },
  };
  const cookies: Partial<Record<Kind, string>> = {};
  const tokens: Partial<Record<Kind, string>> = {};
  const users: Partial<Record<Kind, string>> = {};
  for (const [kind, spec] of Object.entries(specs) as [Exclude<Kind, "anonymous">, (typeof specs)["admin"]][]) {
    const user = await db.user.create({
      data: {
        email: `matrix-${kind.toLowerCase()}-${stamp}@example.test`,
        name: `Matrix ${kind}`,
        role: roleToDb(spec.role),
        organizationId: spec.org ?? null,
        managedProviders: spec.manages ? { create: [{ providerId: spec.manages }] } : undefined,
      },
    });
    // Sessions are made while active, like a user who was signed in before being deactivated.
    const sid = await createSession({ db, userId: user.id });
    const jwt = await encode({ token: { sub: user.id, sid }, secret, maxAge: 3600 });
    cookies[kind] = `next-auth.session-token=${jwt}`;
    const token = generateApiToken();
    await db.apiToken.create({
      data: { userId: user.id, name: "matrix", tokenHash: token.hash, prefix: token.prefix },
    });
    tokens[kind] = token.token;
    users[kind] = user.id;
    if (spec.active === false) await db.user.update({ where: { id: user.id }, data: { active: false } });
  }
  await db.$disconnect();
  return {
    x: xDoc.slug,
    xHash: x.contentHash,
    xSubscribed: xSubscribed.slug,
    xOther: "other-service",
    orgA: orgA.slug,
    orgB: orgB.slug,
    systemA: systemA.slug,
    systemAId: systemA.id,
    impactA: impactA.id,
    unsubscribeB: signUnsubscribeToken({ secret, userId: users.customerB! }),
    feedA,
    cookies,
    tokens,
    users,
  };
}

function describeOutcome(status: number, location: string | null): string {
  if (status >= 300 && status < 400) {
    const target = new URL(location ?? "", "http://x");
    return target.pathname === "/sign-in" ? "sign-in" : `redirect ${target.pathname}`;
  }
  return String(status);
}

const expected = (o: Outcome) =>
  o === "ok"
    ? "200"
    : o === "400" || o === "404" || o === "403"
      ? o
      : o === "401"
        ? "401"
        : o === "sign-in"
          ? "sign-in"
          : `redirect ${o.redirect}`;

let world: World;
test.beforeAll(async () => {
  world = await buildWorld();
});

test("every page and API route in app/ has expectations, and no expectation is stale", () => {
  const routes = discoverRoutes();
  expect(routes.pages.sort()).toEqual(Object.keys(pages).sort());
  expect(routes.api.sort()).toEqual(Object.keys(apiRoutes).sort());
});

for (const [pattern, cases] of Object.entries(pages)) {
  test(`page ${pattern}`, async ({ request }) => {
    const failures: string[] = [];
    for (const c of cases) {
      for (const kind of kinds) {
        const cookie = world.cookies[kind];
        const response = await request.get(c.url(world), {
          maxRedirects: 0,
          headers: cookie ? { cookie } : {},
        });
        const got = describeOutcome(response.status(), response.headers()["location"] ?? null);
        if (got !== expected(c.expect[kind]))
          failures.push(`${c.name} as ${kind}: got ${got}, expected ${expected(c.expect[kind])}`);
      }
    }
    expect(failures, failures.join("\n")).toEqual([]);
  });
}

for (const [pattern, cases] of Object.entries(apiRoutes)) {
  test(`API ${pattern}`, async ({ request, baseURL }) => {
    const failures: string[] = [];
    for (const c of cases) {
      for (const kind of kinds) {
        // With the user's API token (a deactivated owner's token is refused outright) …
        const token = world.tokens[kind];
        const send = async (headers: Record<string, string>) =>
          c.post === undefined
            ? request.get(c.url(world), { maxRedirects: 0, headers })
            : request.post(c.url(world), {
                maxRedirects: 0,
                headers,
                data: typeof c.post === "string" ? c.post : await c.post(world),
              });
        const byToken = await send(token ? { authorization: `Bearer ${token}` } : { origin: new URL(baseURL!).origin });
        // Every route but next-auth's own and the probes resolves bearer tokens, and refuses a
        // deactivated owner's.
        const tokenExpectation = kind === "deactivated" && !ignoresTokens.has(pattern) ? "401" : c.expect[kind];
        const gotToken = describeOutcome(byToken.status(), byToken.headers()["location"] ?? null);
        if (gotToken !== expected(tokenExpectation))
          failures.push(`${c.name} as ${kind} (token): got ${gotToken}, expected ${expected(tokenExpectation)}`);
        if (byToken.status() >= 400 && problemJson(pattern))
          expect(byToken.headers()["content-type"]).toContain("application/problem+json");
        if (byToken.status() === 200 && pattern === "/audit/export")
          expect(byToken.headers()["content-type"]).toBe("text/csv; charset=utf-8");

        // … and with their browser session (a deactivated user's session is simply gone).
        const cookie = world.cookies[kind];
        const origin = new URL(baseURL!).origin;
        const bySession = await send(cookie ? { cookie, origin } : { origin });
        const sessionExpectation = kind === "deactivated" ? c.expect.anonymous : c.expect[kind];
        const gotSession = describeOutcome(bySession.status(), bySession.headers()["location"] ?? null);
        if (bySession.status() >= 400 && problemJson(pattern))
          expect(bySession.headers()["content-type"]).toContain("application/problem+json");
        if (gotSession !== expected(sessionExpectation))
          failures.push(`${c.name} as ${kind} (session): got ${gotSession}, expected ${expected(sessionExpectation)}`);
      }
    }
    expect(failures, failures.join("\n")).toEqual([]);
  });
}

test("an invalid or revoked API token is a 401 problem, not anonymous access", async ({ request }) => {
  const response = await request.get("/api/v1/providers", {
    headers: { authorization: "Bearer dmc_not-a-real-token-at-all" },
  });
  expect(response.status()).toBe(401);
  expect(await response.json()).toMatchObject({ status: 401, title: "Sign-in required" });
});
