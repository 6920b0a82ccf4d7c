// Every server action under generated hostile forms: its own fields with real, hostile, repeated or
// missing values, files where text is expected, extra fields, from every kind of user. Whatever
// arrives, the action answers a state its form can show (success, or an error naming the problem),
// never throws and never reports an internal failure; and a refused form changes nothing at all.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import * as fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { ActionState } from "@/lib/actions/action-state";
import { discardDraftAction } from "@/lib/actions/draft";
import { createProviderAction } from "@/lib/actions/providers";
import { anonymous, roles, type Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { getDraft } from "@/lib/drafts/get-draft";
import { getSystemTracking } from "@/lib/systems/get-system-tracking";
import { makeOrganization, makeUser } from "../factories/accounts";
import { actAs } from "../support/actor";
import {
  deepJsonText,
  hostileBody,
  hostileJsonValue,
  hostileText,
  numberTricks,
  pathTricks,
  sizedText,
} from "./support/arbitraries";
import { DatabaseWatch } from "./support/database-fingerprint";
import { fuzzFixtures, type FuzzFixtures } from "./support/fixtures";
import { fuzzParameters, timeoutFor } from "./support/fuzz-settings";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;
type Field = fc.Arbitrary<string | File>;

let fixtures: FuzzFixtures;
/** Accounts the actions may change (so a lucky valid form never disables the fixtures' own accounts). */
let targets: { userId: string; organizationId: string; tokenId: string; system: string; obligation: string };
let actions: Map<string, Action>;
const watch = new DatabaseWatch();

beforeAll(async () => {
  fixtures = await fuzzFixtures();
  const target = await makeUser({ role: "customer", organizationId: (await makeOrganization()).id });
  const token = await getDb().apiToken.create({
    data: { userId: target.actor.id, name: "target", tokenHash: `fuzz-${target.actor.id}`, prefix: "dmc_fuzz" },
  });
  // A system of the fixtures' customer, whose obligations the tracking action records.
  const system = await getDb().system.create({
    data: {
      organizationId: fixtures.organizationId,
      slug: "fuzz-stack",
      name: "Fuzz stack",
      tiers: [{ key: "vps", provider: "danubedata", service: "vps", model: null }],
      bindings: [],
    },
  });
  targets = {
    userId: target.actor.id,
    organizationId: target.actor.organizationId!,
    tokenId: token.id,
    system: system.slug,
    obligation: (await getSystemTracking({ actor: fixtures.customer, system: system.slug })).tracked!.obligations[0]!
      .key,
  };
  actions = await discoverActions();
});

/** Exported functions of every "use server" module, as "path#name" (a new action fails the suite until fuzzed). */
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
  const found = new Map<string, Action>();
  for (const file of files) {
    const exported = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported))
      if (typeof value === "function") found.set(`${path.relative(process.cwd(), file)}#${name}`, value as Action);
  }
  return found;
}

/** A text field: sometimes one of the real values, else hostile text (now and then megabytes of it). */
const text = (...real: (() => string)[]): Field =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...real.map((value) => value())) },
    { weight: 3, arbitrary: sizedText(1024 * 1024) },
    { weight: 1, arbitrary: numberTricks },
  );

/** An uploaded file: a real import file, hostile bytes, or text; named anything. */
const upload = (): Field =>
  fc
    .tuple(
      fc.oneof(fc.constantFrom<string | Uint8Array>(...Object.values(fixtures.files)), hostileBody, hostileText(2000)),
      fc.oneof(
        fc.constantFrom("matrix.csv", "matrix.md", "book.xlsx", "provider.json", "", "blob"),
        pathTricks,
        hostileText(40),
      ),
    )
    .map(([content, name]) => new File([typeof content === "string" ? content : new Uint8Array(content)], name));

/** A JSON-encoded editor change: well-formed ones with hostile paths and values, and anything else. */
const change: Field = fc.oneof(
  fc
    .record(
      {
        op: fc.constantFrom("set", "insert", "remove", "move", "delete", "__proto__"),
        path: fc.array(
          fc.oneof(
            fc.constantFrom(
              "name",
              "summary",
              "services",
              "parties",
              "areas",
              "cells",
              "__proto__",
              "constructor",
              "slug",
            ),
            fc.integer({ min: -2, max: 200_000 }),
            hostileText(20),
          ),
          { maxLength: 14 },
        ),
        value: hostileJsonValue,
        expected: hostileJsonValue,
        to: fc.oneof(fc.integer(), hostileJsonValue),
      },
      { requiredKeys: ["op", "path"] },
    )
    .map((value) => JSON.stringify(value)),
  hostileJsonValue.map((value) => JSON.stringify(value) ?? ""),
  deepJsonText,
  hostileText(500),
);

/** Cell corrections for a matrix preview: well-formed lists with odd numbers, and anything else. */
const corrections: Field = fc.oneof(
  { weight: 4, arbitrary: fc.constant("") },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.record({ table: fc.integer(), line: fc.integer(), column: fc.integer(), text: hostileText(100) }), {
        maxLength: 5,
      })
      .map((list) => JSON.stringify(list)),
  },
  { weight: 1, arbitrary: hostileJsonValue.map((value) => JSON.stringify(value) ?? "") },
  { weight: 1, arbitrary: hostileText(200) },
);

const provider = () => fixtures.provider.slug;
const service = () => fixtures.provider.service;
const version = (n: number) => () => String(n);

/** Each action's fields, with the real values that get a form past its first checks. */
function fieldsOf(key: string): Record<string, Field> {
  const draft = { provider: text(provider, () => fixtures.seededSlugs[0] ?? "x") };
  const matrix = {
    ...draft,
    service: text(service),
    mode: text(
      () => "replace",
      () => "append",
    ),
    split: text(
      () => "lines",
      () => "commas",
    ),
    format: text(
      () => "csv",
      () => "markdown",
      () => "xlsx",
    ),
    corrections,
    file: upload(),
    text: text(
      () => fixtures.files.csv,
      () => fixtures.files.markdown,
    ),
  };
  const providerFile = { file: upload(), text: text(() => fixtures.files.providerJson) };
  const user = { userId: text(() => targets.userId), version: text(version(1), version(2)) };
  const specs: Record<string, Record<string, Field>> = {
    "lib/actions/draft.ts#changeDraftAction": { ...draft, change },
    "lib/actions/draft.ts#publishDraftAction": {
      ...draft,
      note: text(() => "Fuzzed"),
      draftVersion: text(version(1), version(2)),
    },
    "lib/actions/draft.ts#discardDraftAction": draft,
    "lib/actions/draft.ts#revertDraftAction": { ...draft, versionNumber: text(version(1)) },
    "lib/actions/import.ts#previewMatrixImportAction": matrix,
    "lib/actions/import.ts#importMatrixAction": { ...matrix, draftVersion: text(version(1)) },
    "lib/actions/import.ts#previewProviderImportAction": { ...draft, ...providerFile },
    "lib/actions/import.ts#importProviderAction": { ...draft, ...providerFile, draftVersion: text(version(1)) },
    "lib/actions/import.ts#previewNewProviderAction": providerFile,
    "lib/actions/import.ts#importNewProviderAction": { ...providerFile, draftVersion: text(version(1)) },
    "lib/actions/organizations.ts#createOrganizationAction": { slug: text(() => "fuzz-org"), name: text(() => "Fuzz") },
    "lib/actions/organizations.ts#setSubscriptionsAction": {
      organizationId: text(() => targets.organizationId),
      // Real services (one the manager may not manage) and an id nobody has: all or nothing is saved.
      serviceIds: text(
        () => fixtures.provider.serviceId,
        () => fixtures.seededServiceId,
        () => "00000000-0000-4000-8000-000000000000",
      ),
      subscribed: text(
        () => fixtures.provider.serviceId,
        () => fixtures.seededServiceId,
      ),
    },
    "lib/actions/systems.ts#saveSystemAction": {
      slug: text(
        () => "",
        () => "no-such-system",
      ),
      version: text(version(1), version(2)),
      name: text(() => "Fuzz stack"),
      description: text(() => ""),
      stack: text(
        () =>
          JSON.stringify({
            tiers: [{ key: "vps", provider: "danubedata", service: "vps", model: null }],
            bindings: [],
          }),
        () =>
          JSON.stringify({ tiers: [{ key: "a", provider: "contain", service: "platform", model: "x" }], bindings: [] }),
        () => JSON.stringify({ tiers: [], bindings: [{ upperTier: "a", party: "b", lowerTier: "a" }] }),
        () => "{",
      ),
    },
    "lib/actions/tracking.ts#saveObligationAction": {
      system: text(
        () => targets.system,
        () => "no-such-system",
      ),
      obligation: text(
        () => targets.obligation,
        () => "vps.no-such-area.customer.0",
      ),
      version: text(() => "0", version(1)),
      status: text(
        () => "implemented",
        () => "not-applicable",
        () => "risk-accepted",
      ),
      reason: text(() => "Covered elsewhere"),
      approver: text(() => "CISO"),
      ownerId: text(
        () => fixtures.customer.id,
        () => targets.userId,
      ),
      dueDate: text(
        () => "2027-03-31",
        () => "2027-02-30",
      ),
      evidenceLinks: text(
        () => "https://evidence.example/a\nhttps://evidence.example/b",
        () => "javascript:alert(1)",
      ),
      notes: text(() => "Done"),
    },
    "lib/actions/changes.ts#acknowledgeImpactAction": {
      impact: text(
        () => "00000000-0000-4000-8000-000000000000",
        () => "not-an-id",
      ),
    },
    "lib/actions/notifications.ts#setChangeEmailsAction": {
      changeEmails: text(
        () => "each",
        () => "daily",
        () => "none",
      ),
    },
    "lib/actions/notifications.ts#createChangeFeedAction": {},
    "lib/actions/notifications.ts#revokeChangeFeedAction": { feed: text(() => "00000000-0000-4000-8000-000000000000") },
    "lib/actions/notifications.ts#addWebhookAction": {
      url: text(
        () => "https://hooks.example.test/fuzz",
        () => "http://10.0.0.1/internal",
        () => "https://user:secret@hooks.example.test/",
      ),
    },
    "lib/actions/notifications.ts#unsubscribeAction": {
      token: text(
        () => "00000000-0000-4000-8000-000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        () => "not-a-token",
      ),
    },
    "lib/actions/deliveries.ts#retryDeliveryAction": { delivery: text(() => "00000000-0000-4000-8000-000000000000") },
    "lib/actions/notifications.ts#removeWebhookAction": {
      webhook: text(() => "00000000-0000-4000-8000-000000000000"),
    },
    "lib/actions/systems.ts#deleteSystemAction": {
      slug: text(() => "no-such-system"),
      version: text(version(1)),
    },
    "lib/actions/providers.ts#createProviderAction": {
      name: text(() => "Fuzz Cloud"),
      slug: text(
        () => "",
        () => "fuzz-cloud",
      ),
      summary: text(() => "A summary."),
      brandColor: text(() => "#123abc"),
      sourceTitle: text(() => "Terms"),
      sourceDocument: text(() => "terms.pdf"),
      sourceUrl: text(
        () => "",
        () => "https://example.com/",
      ),
      isPrivate: text(
        () => "true",
        () => "false",
      ),
      customerName: text(() => "Customer"),
      thirdParties: text(
        () => "",
        () => "hyperscaler: AWS",
      ),
    },
    "lib/actions/users.ts#createUserAction": {
      email: text(() => "fuzz@example.test"),
      name: text(() => "Fuzz"),
      role: text(...roles.map((role) => () => role)),
      password: text(
        () => "",
        () => "a long enough password",
      ),
      organizationId: text(
        () => "",
        () => targets.organizationId,
      ),
    },
    "lib/actions/users.ts#updateUserAction": {
      ...user,
      name: text(() => "Renamed"),
      role: text(...roles.map((role) => () => role)),
      organizationId: text(
        () => "",
        () => targets.organizationId,
      ),
    },
    "lib/actions/users.ts#setManagedProvidersAction": { ...user, providerIds: text(() => fixtures.provider.id) },
    "lib/actions/users.ts#setPasswordAction": { ...user, password: text(() => "another long password") },
    "lib/actions/users.ts#setUserActiveAction": {
      ...user,
      active: text(
        () => "true",
        () => "false",
      ),
    },
    "lib/actions/users.ts#issueApiTokenAction": { userId: text(() => targets.userId), name: text(() => "Nightly") },
    "lib/actions/users.ts#revokeApiTokenAction": {
      userId: text(() => targets.userId),
      tokenId: text(() => targets.tokenId),
    },
  };
  const spec = specs[key];
  if (!spec) throw new Error(`No fuzz fields for the server action ${key}: add them to tests/fuzz/actions.fuzz.ts`);
  return spec;
}

/** A form: each field absent, once, or repeated (sometimes as a file), plus fields nobody asked for. */
function formOf(fields: Record<string, Field>): fc.Arbitrary<[string, string | File][]> {
  const entries = Object.entries(fields).map(([name, value]) =>
    fc
      .oneof(
        { weight: 1, arbitrary: fc.constant([]) },
        { weight: 8, arbitrary: value.map((v) => [v]) },
        { weight: 1, arbitrary: fc.array(fc.oneof(value, upload()), { minLength: 2, maxLength: 3 }) },
      )
      .map((values) => values.map((v): [string, string | File] => [name, v])),
  );
  const extra = fc.array(
    fc.tuple(fc.oneof(hostileText(20), fc.constantFrom("$ACTION_ID_x", "__proto__")), hostileText(50)),
    {
      maxLength: 3,
    },
  );
  return fc.tuple(fc.tuple(...entries), extra).map(([own, more]) => [...own.flat(), ...more]);
}

const callers = ["admin", "admin", "manager", "customer", "anonymous"] as const;

interface ActionCase {
  key: string;
  caller: (typeof callers)[number];
  form: [string, string | File][];
}
const actorOf = (caller: (typeof callers)[number]): Actor => (caller === "anonymous" ? anonymous : fixtures[caller]);

const GENERIC_FAILURE = "Something went wrong on our side. Nothing was changed.";

describe("server actions under hostile forms", () => {
  it("every server action is fuzzed", () => {
    for (const key of actions.keys()) expect(() => fieldsOf(key), key).not.toThrow();
  });

  it("discarding the draft of a provider never published is refused: it stays readable (regression)", async () => {
    const slug = `fuzz-unpublished-${Date.now()}`;
    const fields = { name: "Fuzz Unpublished", slug, summary: "S.", brandColor: "#123abc", sourceTitle: "T" };
    const form = new FormData();
    for (const [name, value] of Object.entries({ ...fields, sourceDocument: "d.pdf" })) form.append(name, value);
    actAs(fixtures.admin);
    // Success redirects to the new provider's edit page (by throwing, as Next.js does).
    await expect(createProviderAction({ status: "idle" }, form)).rejects.toMatchObject({
      digest: expect.stringMatching(/^NEXT_REDIRECT/),
    });
    await watch.start();
    const discard = new FormData();
    discard.append("provider", slug);
    const state = await discardDraftAction({ status: "idle" }, discard);
    expect(state).toMatchObject({ status: "error", message: expect.stringMatching(/never been published/) });
    await watch.expectUnchanged("discarding an unpublished provider's draft");
    // Before the fix the discard went through and every later read of the draft failed (500).
    expect((await getDraft({ actor: fixtures.admin, provider: slug })).document.slug).toBe(slug);
  });

  it(
    "answer a state the form can show, never an internal failure, and a refusal changes nothing",
    async () => {
      await watch.start();
      // Built once (building arbitraries costs more than drawing from them).
      const forms = new Map([...actions.keys()].map((key) => [key, formOf(fieldsOf(key))]));
      const cases = fc
        .constantFrom(...actions.keys())
        .chain((key) =>
          fc.record({ key: fc.constant(key), caller: fc.constantFrom(...callers), form: forms.get(key)! }),
        );
      await fc.assert(
        fc.asyncProperty(cases, async ({ key, caller, form }) => {
          const data = new FormData();
          for (const [name, value] of form) data.append(name, value);
          actAs(actorOf(caller));
          let state: ActionState;
          try {
            state = await actions.get(key)!({ status: "idle" }, data);
          } catch (error) {
            // redirect() after a success signals by throwing; anything else is a defect.
            expect((error as { digest?: unknown }).digest, `${key} threw ${String(error)}`).toMatch(/^NEXT_REDIRECT/);
            state = { status: "success", message: "redirected" };
          }
          if (state.status !== "error") {
            expect(state.status).toBe("success");
            return watch.accept();
          }
          expect(state.message, key).not.toBe(GENERIC_FAILURE);
          expect(state.message.trim(), `${key} says what was wrong`).not.toBe("");
          for (const message of Object.values(state.fieldErrors)) expect(typeof message).toBe("string");
          await watch.expectUnchanged(key);
        }),
        fuzzParameters<[ActionCase]>(2, [
          // Regression: a checklist naming a bad service after a good one saved the good one, then refused.
          [
            {
              key: "lib/actions/organizations.ts#setSubscriptionsAction",
              caller: "admin",
              form: [
                ["organizationId", fixtures.organizationId],
                ["serviceIds", fixtures.provider.serviceId],
                ["serviceIds", "1.5"],
              ],
            },
          ],
          // Regression: a NUL in a form field reached PostgreSQL.
          [{ key: "lib/actions/users.ts#issueApiTokenAction", caller: "admin", form: [["userId", "a\u0000"]] }],
        ]),
      );
    },
    timeoutFor(2, 100),
  );
});
