// Every server action × every kind of user: allowed ones succeed and change the database, everyone
// else is refused and changes nothing. Actions are found by walking app/, components/ and lib/ for
// "use server" files, so a new action fails this test until it states who may use it.
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test, vi } from "vitest";
import type { ActionState } from "@/lib/actions/action-state";
import { generateApiToken } from "@/lib/auth/api-tokens";
import { anonymous, type Actor } from "@/lib/auth/permissions";
import { actorFromSession, createSession } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db";
import { changeDraft } from "@/lib/drafts/change-draft";
import { getDraft } from "@/lib/drafts/get-draft";
import { getAuthSecret } from "@/lib/auth/secret";
import { signUnsubscribeToken } from "@/lib/notifications/unsubscribe-token";
import { getSystemTracking } from "@/lib/systems/get-system-tracking";
import { actAs } from "../support/actor";
import { createProvider } from "../support/app-db";
import { makeOrganization, makeUser } from "../factories/accounts";
import { makeProviderDocument } from "../factories/provider-document";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

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
type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

interface Attempt {
  form: FormData;
  /** Whether the database now shows the action's effect. */
  changed: () => Promise<boolean>;
}
interface Expectation {
  allowed: Kind[];
  /** Previews: allowed kinds succeed, and nobody changes anything. */
  writes?: false;
  /** Fresh inputs for one attempt (so every attempt could succeed if allowed). */
  prepare: (w: World) => Promise<Attempt>;
}

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
  return data;
}

const db = () => getDb();
const uid = () => randomUUID().slice(0, 8);
const userVersion = async (id: string) =>
  String((await db().user.findUniqueOrThrow({ where: { id }, select: { version: true } })).version);
const freshUser = async (role: "customer" | "account-manager" | "auditor" = "auditor") =>
  (await makeUser({ role, organizationId: role === "customer" ? (await makeOrganization()).id : undefined })).actor.id;

const system = { kind: "system", command: "matrix" } as const;
const draftOf = (w: World) => getDraft({ db: db(), actor: system, provider: w.xSlug });
const draftVersionOf = async (w: World) =>
  (await db().providerDraft.findUnique({ where: { providerId: w.xId } }))?.version ?? 0;
/** Makes sure X has unpublished changes, as an editor would have left them. */
const touchDraft = async (w: World) => {
  const { document } = await draftOf(w);
  return changeDraft({
    db: db(),
    actor: system,
    provider: w.xSlug,
    change: { op: "set", path: ["summary"], expected: document.summary, value: `Summary ${uid()}` },
  });
};
/**
 * Each attempt's impact names a version of its own (one impact per organization and version), far beyond
 * the versions the publishing actions create.
 */
let impactVersions = 1_000_000;
const impactOfA = (w: World) =>
  db().changeImpact.create({
    data: {
      organizationId: w.orgAId,
      providerId: w.xId,
      fromVersion: impactVersions,
      toVersion: ++impactVersions,
      systems: [],
      actionRequired: 1,
      informational: 0,
    },
  });
const csv = (name: string) => `Responsibility Area,Provider,Customer\n${name},A duty,Another duty`;

const editorExpectations: Record<string, Expectation> = {
  "lib/actions/draft.ts#changeDraftAction": {
    allowed: ["admin", "managerX"],
    prepare: async (w) => {
      const { document } = await draftOf(w);
      const value = `Summary ${uid()}`;
      return {
        form: form({
          provider: w.xSlug,
          change: JSON.stringify({ op: "set", path: ["summary"], expected: document.summary, value }),
        }),
        changed: async () => (await draftOf(w)).document.summary === value,
      };
    },
  },
  "lib/actions/draft.ts#publishDraftAction": {
    allowed: ["admin", "managerX"],
    prepare: async (w) => {
      const { version } = await touchDraft(w);
      const before = await db().providerVersion.count({ where: { providerId: w.xId } });
      return {
        form: form({ provider: w.xSlug, note: "Matrix publish", draftVersion: String(version) }),
        changed: async () => (await db().providerVersion.count({ where: { providerId: w.xId } })) > before,
      };
    },
  },
  "lib/actions/draft.ts#discardDraftAction": {
    allowed: ["admin", "managerX"],
    prepare: async (w) => {
      await touchDraft(w);
      return {
        form: form({ provider: w.xSlug }),
        changed: async () => (await db().providerDraft.count({ where: { providerId: w.xId } })) === 0,
      };
    },
  },
  "lib/actions/draft.ts#revertDraftAction": {
    allowed: ["admin", "managerX"],
    prepare: async (w) => {
      const before = await draftVersionOf(w);
      return {
        form: form({ provider: w.xSlug, versionNumber: "1" }),
        changed: async () => (await draftVersionOf(w)) > before,
      };
    },
  },
  "lib/actions/import.ts#previewMatrixImportAction": {
    allowed: ["admin", "managerX"],
    writes: false,
    prepare: async (w) => {
      const before = await draftVersionOf(w);
      return {
        form: form({
          provider: w.xSlug,
          service: w.xServiceSlug,
          mode: "append",
          format: "csv",
          text: csv(`New ${uid()}`),
        }),
        changed: async () => (await draftVersionOf(w)) !== before,
      };
    },
  },
  "lib/actions/import.ts#importMatrixAction": {
    allowed: ["admin", "managerX"],
    prepare: async (w) => {
      const name = `Imported ${uid()}`;
      return {
        form: form({ provider: w.xSlug, service: w.xServiceSlug, mode: "append", format: "csv", text: csv(name) }),
        changed: async () => (await draftOf(w)).document.services[0]!.areas.some((a) => a.name === name),
      };
    },
  },
  "lib/actions/import.ts#previewProviderImportAction": {
    allowed: ["admin", "managerX"],
    writes: false,
    prepare: async (w) => {
      const before = await draftVersionOf(w);
      return {
        form: form({ provider: w.xSlug, text: JSON.stringify((await draftOf(w)).document) }),
        changed: async () => (await draftVersionOf(w)) !== before,
      };
    },
  },
  "lib/actions/import.ts#importProviderAction": {
    allowed: ["admin", "managerX"],
    prepare: async (w) => {
      const summary = `Imported summary ${uid()}`;
      return {
        form: form({ provider: w.xSlug, text: JSON.stringify({ ...(await draftOf(w)).document, summary }) }),
        changed: async () => (await draftOf(w)).document.summary === summary,
      };
    },
  },
  "lib/actions/import.ts#previewNewProviderAction": {
    allowed: ["admin", "managerX", "managerY"],
    writes: false,
    prepare: async () => {
      const doc = makeProviderDocument();
      return {
        form: form({ text: JSON.stringify(doc) }),
        changed: async () => (await db().provider.count({ where: { slug: doc.slug } })) > 0,
      };
    },
  },
  "lib/actions/import.ts#importNewProviderAction": {
    allowed: ["admin", "managerX", "managerY"],
    prepare: async () => {
      const doc = makeProviderDocument();
      return {
        form: form({ text: JSON.stringify(doc) }),
        changed: async () => (await db().provider.count({ where: { slug: doc.slug } })) === 1,
      };
    },
  },
};

const expectations: Record<string, Expectation> = {
  ...editorExpectations,
  "lib/actions/providers.ts#createProviderAction": {
    allowed: ["admin", "managerX", "managerY"],
    prepare: async () => {
      const slug = `new-${uid()}`;
      return {
        form: form({
          name: `New ${slug}`,
          slug,
          summary: "A provider started in the browser.",
          brandColor: "#123456",
          sourceTitle: "Its page",
          sourceDocument: "its-page.html",
          customerName: "Customer",
          thirdParties: "Hyperscaler",
        }),
        changed: async () => (await db().provider.count({ where: { slug, publishedAt: null } })) === 1,
      };
    },
  },
  "lib/actions/users.ts#createUserAction": {
    allowed: ["admin"],
    prepare: async () => {
      const email = `made-${uid()}@example.test`;
      return {
        form: form({ email, name: "Made", role: "auditor", password: "", organizationId: "" }),
        changed: async () => (await db().user.count({ where: { email } })) === 1,
      };
    },
  },
  "lib/actions/users.ts#updateUserAction": {
    allowed: ["admin"],
    prepare: async () => {
      const id = await freshUser();
      const name = `Renamed ${uid()}`;
      return {
        form: form({ userId: id, version: await userVersion(id), name, role: "auditor", organizationId: "" }),
        changed: async () => (await db().user.findUniqueOrThrow({ where: { id } })).name === name,
      };
    },
  },
  "lib/actions/users.ts#setManagedProvidersAction": {
    allowed: ["admin"],
    prepare: async (w) => {
      const id = await freshUser("account-manager");
      return {
        form: form({ userId: id, version: await userVersion(id), providerIds: [w.xId] }),
        changed: async () => (await db().providerManager.count({ where: { userId: id } })) === 1,
      };
    },
  },
  "lib/actions/users.ts#setPasswordAction": {
    allowed: ["admin"],
    prepare: async () => {
      const id = await freshUser();
      const before = (await db().user.findUniqueOrThrow({ where: { id } })).passwordHash;
      return {
        form: form({ userId: id, version: await userVersion(id), password: `new-password-${uid()}` }),
        changed: async () => (await db().user.findUniqueOrThrow({ where: { id } })).passwordHash !== before,
      };
    },
  },
  "lib/actions/users.ts#setUserActiveAction": {
    allowed: ["admin"],
    prepare: async () => {
      const id = await freshUser();
      return {
        form: form({ userId: id, version: await userVersion(id), active: "false" }),
        changed: async () => !(await db().user.findUniqueOrThrow({ where: { id } })).active,
      };
    },
  },
  "lib/actions/users.ts#issueApiTokenAction": {
    allowed: ["admin"],
    prepare: async () => {
      const id = await freshUser();
      return {
        form: form({ userId: id, name: "matrix" }),
        changed: async () => (await db().apiToken.count({ where: { userId: id } })) === 1,
      };
    },
  },
  "lib/actions/users.ts#revokeApiTokenAction": {
    allowed: ["admin"],
    prepare: async () => {
      const id = await freshUser();
      const t = generateApiToken();
      const token = await db().apiToken.create({
        data: { userId: id, name: "victim", tokenHash: t.hash, prefix: t.prefix },
      });
      return {
        form: form({ userId: id, tokenId: token.id }),
        changed: async () => (await db().apiToken.findUniqueOrThrow({ where: { id: token.id } })).revokedAt !== null,
      };
    },
  },
  "lib/actions/organizations.ts#createOrganizationAction": {
    allowed: ["admin"],
    prepare: async () => {
      const slug = `made-${uid()}`;
      return {
        form: form({ slug, name: "Made" }),
        changed: async () => (await db().organization.count({ where: { slug } })) === 1,
      };
    },
  },
  "lib/actions/systems.ts#saveSystemAction": {
    allowed: ["customerA", "customerB"],
    prepare: async () => {
      const name = `Stack ${uid()}`;
      const stack = { tiers: [{ key: "vps", provider: "danubedata", service: "vps", model: null }], bindings: [] };
      return {
        form: form({ slug: "", version: "0", name, description: "", stack: JSON.stringify(stack) }),
        changed: async () => (await db().system.count({ where: { name } })) === 1,
      };
    },
  },
  "lib/actions/systems.ts#deleteSystemAction": {
    allowed: ["customerA"],
    prepare: async (w) => {
      const { id, slug } = await db().system.create({
        data: { organizationId: w.orgAId, slug: `stack-${uid()}`, name: "Stack", tiers: [], bindings: [] },
      });
      return {
        form: form({ slug, version: "1" }),
        changed: async () => (await db().system.count({ where: { id } })) === 0,
      };
    },
  },
  "lib/actions/changes.ts#acknowledgeImpactAction": {
    allowed: ["customerA"],
    prepare: async (w) => {
      const impact = await impactOfA(w);
      return {
        form: form({ impact: impact.id }),
        changed: async () =>
          (await db().changeImpact.findUniqueOrThrow({ where: { id: impact.id } })).acknowledgedAt !== null,
      };
    },
  },
  "lib/actions/notifications.ts#setChangeEmailsAction": {
    allowed: ["customerA", "customerB"],
    prepare: async () => {
      const entries = () => db().auditEntry.count({ where: { action: "notifications.email" } });
      const before = await entries();
      return { form: form({ changeEmails: "daily" }), changed: async () => (await entries()) > before };
    },
  },
  "lib/actions/notifications.ts#createChangeFeedAction": {
    allowed: ["customerA", "customerB"],
    prepare: async () => {
      const before = await db().changeFeed.count();
      return { form: form({}), changed: async () => (await db().changeFeed.count()) > before };
    },
  },
  "lib/actions/notifications.ts#revokeChangeFeedAction": {
    allowed: ["customerA"],
    prepare: async (w) => {
      const feed = await db().changeFeed.create({
        data: { organizationId: w.orgAId, tokenHash: `hash-${uid()}`, createdBy: "test" },
      });
      return {
        form: form({ feed: feed.id }),
        changed: async () => (await db().changeFeed.count({ where: { id: feed.id } })) === 0,
      };
    },
  },
  "lib/actions/notifications.ts#addWebhookAction": {
    allowed: ["customerA", "customerB"],
    prepare: async () => {
      const url = `https://hooks.example.test/${uid()}`;
      return { form: form({ url }), changed: async () => (await db().webhookEndpoint.count({ where: { url } })) === 1 };
    },
  },
  "lib/actions/notifications.ts#removeWebhookAction": {
    allowed: ["customerA"],
    prepare: async (w) => {
      const endpoint = await db().webhookEndpoint.create({
        data: { organizationId: w.orgAId, url: `https://hooks.example.test/${uid()}`, secret: "s", createdBy: "test" },
      });
      return {
        form: form({ webhook: endpoint.id }),
        changed: async () => (await db().webhookEndpoint.count({ where: { id: endpoint.id } })) === 0,
      };
    },
  },
  "lib/actions/notifications.ts#unsubscribeAction": {
    // The signed token in the email's link is the credential: anyone holding it may use it.
    allowed: [...kinds],
    prepare: async () => {
      const { actor } = await makeUser({ role: "customer", organizationId: (await makeOrganization()).id });
      const token = signUnsubscribeToken({ secret: await getAuthSecret(db()), userId: actor.id });
      return {
        form: form({ token }),
        changed: async () => (await db().user.findUniqueOrThrow({ where: { id: actor.id } })).changeEmails === "none",
      };
    },
  },
  "lib/actions/deliveries.ts#retryDeliveryAction": {
    allowed: ["admin"],
    prepare: async (w) => {
      const impact = await impactOfA(w);
      const delivery = await db().notificationDelivery.create({
        data: { impactId: impact.id, channel: "webhook", status: "failed", attempts: 6, lastError: "HTTP 500" },
      });
      return {
        form: form({ delivery: delivery.id }),
        changed: async () =>
          (await db().notificationDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).status === "pending",
      };
    },
  },
  "lib/actions/tracking.ts#saveObligationAction": {
    allowed: ["customerA"],
    prepare: async (w) => {
      const { id, slug } = await db().system.create({
        data: {
          organizationId: w.orgAId,
          slug: `stack-${uid()}`,
          name: "Stack",
          tiers: [{ key: "vps", provider: "danubedata", service: "vps", model: null }],
          bindings: [],
        },
      });
      const tracking = await getSystemTracking({ actor: w.actors.customerA, system: slug });
      const obligation = tracking.tracked!.obligations[0]!.key;
      return {
        form: form({
          system: slug,
          obligation,
          version: "0",
          status: "implemented",
          evidenceLinks: "https://e.example",
        }),
        changed: async () => (await db().trackedObligation.count({ where: { systemId: id } })) === 1,
      };
    },
  },
  "lib/actions/organizations.ts#setSubscriptionsAction": {
    allowed: ["admin", "managerX"],
    prepare: async (w) => {
      const org = await makeOrganization();
      return {
        form: form({ organizationId: org.id, serviceIds: [w.xServiceId], subscribed: [w.xServiceId] }),
        changed: async () => (await db().subscription.count({ where: { organizationId: org.id } })) === 1,
      };
    },
  },
};

/** Exported functions of every "use server" file (app/, components/, lib/), as "path#name". */
async function discoverActions(): Promise<Map<string, Action>> {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.tsx?$/.test(name) && /^\s*["']use server["']/.test(readFileSync(full, "utf8"))) files.push(full);
    }
  };
  for (const root of ["app", "components", "lib"]) walk(path.resolve(root));
  const actions = new Map<string, Action>();
  for (const file of files) {
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod))
      if (typeof value === "function") actions.set(`${path.relative(process.cwd(), file)}#${name}`, value as Action);
  }
  return actions;
}

type World = Awaited<ReturnType<typeof buildWorld>>;
async function buildWorld() {
  const x = await createProvider(makeProviderDocument({ isPrivate: true }), { note: "v1" });
  const y = await createProvider(makeProviderDocument({ isPrivate: true }));
  const xService = await db().service.findFirstOrThrow({ where: { providerId: x.id } });
  const orgA = await makeOrganization({ serviceIds: [xService.id] });
  const orgB = await makeOrganization();
  const deactivated = await makeUser({ role: "admin" });
  const session = await createSession({ db: db(), userId: deactivated.actor.id });
  await db().user.update({ where: { id: deactivated.actor.id }, data: { active: false } });
  const actors: Record<Kind, Actor> = {
    anonymous,
    customerA: (await makeUser({ role: "customer", organizationId: orgA.id })).actor,
    customerB: (await makeUser({ role: "customer", organizationId: orgB.id })).actor,
    managerX: (await makeUser({ role: "account-manager", managedProviderIds: [x.id] })).actor,
    managerY: (await makeUser({ role: "account-manager", managedProviderIds: [y.id] })).actor,
    auditor: (await makeUser({ role: "auditor" })).actor,
    admin: (await makeUser({ role: "admin" })).actor,
    // What a deactivated user's still-open browser session resolves to.
    deactivated: await actorFromSession({ db: db(), sessionId: session }),
  };
  return {
    actors,
    xId: x.id,
    xSlug: x.document.slug,
    xServiceId: xService.id,
    xServiceSlug: xService.slug,
    orgAId: orgA.id,
  };
}

let world: World;
let actions: Map<string, Action>;
beforeAll(async () => {
  [world, actions] = await Promise.all([buildWorld(), discoverActions()]);
}, 60_000);

test("every server action has expectations, and no expectation is stale", () => {
  expect([...actions.keys()].sort()).toEqual(Object.keys(expectations).sort());
});

const refusals = [
  "Sign in to do this.",
  "Your account is not allowed to do this.",
  // Things the actor may not know exist are reported as missing.
  /not found|no such|no provider|no longer exists|does not exist/i,
];

describe.each(Object.entries(expectations))("%s", (key, expectation) => {
  test.each(kinds)("as %s", async (kind) => {
    const action = actions.get(key);
    expect(action, `${key} not found`).toBeDefined();
    const attempt = await expectation.prepare(world);
    actAs(world.actors[kind]);
    let state: ActionState;
    try {
      state = await action!({ status: "idle" }, attempt.form);
    } catch (error) {
      // redirect() after success signals by throwing.
      expect((error as { digest?: string }).digest ?? "").toMatch(/^NEXT_REDIRECT/);
      state = { status: "success", message: "redirected" };
    }
    if (expectation.allowed.includes(kind)) {
      expect(state, JSON.stringify(state)).toMatchObject({ status: "success" });
      expect(await attempt.changed()).toBe(expectation.writes !== false);
    } else {
      expect(state.status).toBe("error");
      const message = state.status === "error" ? state.message : "";
      expect(
        refusals.some((r) => (typeof r === "string" ? r === message : r.test(message))),
        message,
      ).toBe(true);
      expect(await attempt.changed()).toBe(false);
    }
  });
});
