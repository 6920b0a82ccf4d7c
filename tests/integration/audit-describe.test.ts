// Every kind of audit entry the portal records, written by the real operations and read back through
// the audit log, in words: names instead of ids, links to what each entry concerns, and the raw
// values untouched. Entries are found by the actors and the provider this file makes.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { summaryText, type SummaryPart } from "@/lib/audit/describe-audit-entry";
import { listAuditEntries, type AuditEntryItem } from "@/lib/audit/list-audit-entries";
import { getAuthOptions } from "@/lib/auth/auth-options";
import { createSession } from "@/lib/auth/sessions";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { getDb } from "@/lib/db";
import { changeDraft } from "@/lib/drafts/change-draft";
import { createDraftProvider } from "@/lib/drafts/create-provider";
import { discardDraft } from "@/lib/drafts/discard-draft";
import { getDraft } from "@/lib/drafts/get-draft";
import { importServiceMatrix } from "@/lib/drafts/import-service-matrix";
import { publishDraft } from "@/lib/drafts/publish-draft";
import { revertDraft } from "@/lib/drafts/revert-draft";
import { exportObligations } from "@/lib/exports/export-obligations";
import { exportVersionDiff } from "@/lib/exports/export-version-diff";
import { exportProvider } from "@/lib/exports/export-provider";
import { createOrganization } from "@/lib/organizations/create-organization";
import { setSubscription } from "@/lib/subscriptions/set-subscription";
import { issueApiToken } from "@/lib/tokens/issue-api-token";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";
import { exportProviderDocument } from "@/lib/transfer/export-provider-document";
import { importProviderDocument } from "@/lib/drafts/import-provider-document";
import { createUser } from "@/lib/users/create-user";
import { setManagedProviders } from "@/lib/users/set-managed-providers";
import { setPassword } from "@/lib/users/set-password";
import { setUserActive } from "@/lib/users/set-user-active";
import { updateUser } from "@/lib/users/update-user";
import { providerDocumentSchema } from "@/lib/validation/provider-document";
import { createProvider } from "../support/app-db";
import { makeOrganization, makeUser, type UserActor } from "../factories/accounts";
import { makeArea, makeProviderDocument } from "../factories/provider-document";

const db = getDb();
let admin: UserActor;
let auditor: UserActor;
let manager: UserActor;
let provider: Awaited<ReturnType<typeof createProvider>>;
let created: { id: string; slug: string; name: string } | null = null;

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The entries `filters` select, oldest first, as the auditor reads them. */
async function log(filters: Record<string, string>): Promise<AuditEntryItem[]> {
  return (await listAuditEntries({ db, actor: auditor, filters: { ...filters, limit: "200" } })).entries.reverse();
}
const text = (entry: AuditEntryItem | undefined) => summaryText(entry!.summary);
const links = (parts: readonly SummaryPart[]) =>
  parts.flatMap((p) => (typeof p !== "string" && p.href ? [[p.text, p.href] as const] : []));

beforeAll(async () => {
  admin = (await makeUser({ role: "admin" })).actor;
  auditor = (await makeUser({ role: "auditor" })).actor;
  provider = await createProvider(
    makeProviderDocument({
      name: `Describe Cloud ${Math.random().toString(36).slice(2, 8)}`,
      services: [
        {
          slug: "vps",
          name: "VPS",
          category: "IaaS",
          summary: "Virtual servers.",
          areas: [
            makeArea("Physical security", { provider: ["Guard the data centre"] }),
            makeArea("Backups & Snapshots", { customer: ["Schedule backups"] }, { assignment: "shared" }),
          ],
          layers: [],
          deploymentModels: [],
        },
      ],
    }),
  );
  manager = (await makeUser({ role: "account-manager", managedProviderIds: [provider.id] })).actor;
});

afterAll(async () => {
  await provider.remove();
  if (created) await db.provider.delete({ where: { id: created.id } });
});

describe("draft edits, publishing, discards, reverts and imports", () => {
  test("each reads as a sentence naming the service and the row, with links", async () => {
    const slug = provider.document.slug;
    // The draft as the editor loads it: the `expected` values of the changes.
    const loaded = (await getDraft({ db, actor: manager, provider: slug })).document;
    const backups = loaded.services[0]!.areas[1]!;
    // set one field, set a whole row, insert, move, remove, set a provider field
    await changeDraft({
      db,
      actor: manager,
      provider: slug,
      change: {
        op: "set",
        path: ["services", 0, "areas", 1],
        expected: backups,
        value: { ...backups, assignment: "customer", parties: ["customer"] },
      },
    });
    const newRow = { key: "monitoring", name: "Monitoring", assignment: "provider", cells: [] };
    await changeDraft({
      db,
      actor: manager,
      provider: slug,
      change: { op: "insert", path: ["services", 0, "areas", 0], value: newRow },
    });
    await changeDraft({
      db,
      actor: manager,
      provider: slug,
      change: { op: "move", path: ["services", 0, "areas", 0], to: 2, expected: newRow },
    });
    await changeDraft({
      db,
      actor: manager,
      provider: slug,
      change: { op: "set", path: ["name"], expected: loaded.name, value: "Describe Cloud Renamed" },
    });
    await changeDraft({
      db,
      actor: manager,
      provider: slug,
      change: {
        op: "set",
        path: ["services", 0, "areas", 0, "notes"],
        expected: undefined,
        value: "Checked every quarter.",
      },
    });
    await changeDraft({
      db,
      actor: manager,
      provider: slug,
      change: { op: "remove", path: ["services", 0, "areas", 2], expected: newRow },
    });
    const first = await publishDraft({
      db,
      actor: manager,
      provider: slug,
      note: "Customers own backups",
      draftVersion: 6,
    });
    await changeDraft({
      db,
      actor: manager,
      provider: slug,
      change: { op: "set", path: ["summary"], expected: loaded.summary, value: "Changed again." },
    });
    await discardDraft({ db, actor: manager, provider: slug });
    await revertDraft({ db, actor: manager, provider: slug, versionNumber: 1 });
    await importServiceMatrix({
      db,
      actor: manager,
      provider: slug,
      service: "vps",
      file: {
        format: "csv",
        text: "Area,Assignment,Provider,Customer\nPatching,customer,,Patch the OS\n",
      },
      mode: "append",
      fileName: "vps.csv",
    });
    const exported = providerDocumentSchema.parse(await exportProviderDocument({ db, actor: manager, provider: slug }));
    await importProviderDocument({
      db,
      actor: manager,
      json: JSON.stringify(exported),
      target: { kind: "draft", provider: slug },
      fileName: "export.json",
    });
    const second = await publishDraft({
      db,
      actor: manager,
      provider: slug,
      note: "Back to the start",
      draftVersion: 3,
    });
    await exportProvider({ actor: manager, provider: slug, service: "vps", format: "csv" });
    await exportVersionDiff({ actor: manager, provider: slug, from: first.number, to: second.number, format: "csv" });

    const entries = await log({ provider: slug });
    const name = "Describe Cloud Renamed";
    expect(entries.map(text)).toEqual([
      "Changed the assignment of VPS › Backups & Snapshots from Shared to Customer",
      "Added the row VPS › Monitoring",
      "Moved the row VPS › Monitoring from position 1 to 3",
      `Changed the name of ${name} from “${provider.document.name}” to “Describe Cloud Renamed”`,
      "Set the notes of VPS › Physical security",
      "Deleted the row VPS › Monitoring",
      `Published version 2 of ${name}: “Customers own backups” (changes since version 1)`,
      `Changed the summary of ${name}`,
      `Discarded the draft of ${name} (1 unpublished change)`,
      `Replaced the draft of ${name} with version 1`,
      "Imported “vps.csv” into the matrix of VPS in the draft: 1 row (1 added)",
      `Downloaded the published model of ${name} as JSON`,
      `Imported “export.json” into the draft of ${name}: 1 service, 2 rows`,
      `Published version 3 of ${name}: “Back to the start” (changes since version 2)`,
      `Downloaded version 3 of ${name} › VPS as CSV`,
      `Downloaded the changes from version 2 to 3 of ${name} as CSV`,
    ]);
    for (const entry of entries) expect(text(entry)).not.toMatch(uuid);

    const base = `/providers/${slug}`;
    const vps = ["VPS", `${base}/services/vps`] as const;
    expect(links(entries[0]!.summary)).toEqual([vps]);
    expect(links(entries[6]!.summary)).toEqual([
      ["version 2", `${base}/versions/2`],
      [name, base],
      ["changes since version 1", `${base}/versions/compare?from=1&to=2`],
    ]);
    expect(links(entries[13]!.summary)).toEqual([
      ["version 3", `${base}/versions/3`],
      [name, base],
      ["changes since version 2", `${base}/versions/compare?from=2&to=3`],
    ]);
    expect(links(entries[15]!.summary)).toContainEqual([
      "changes from version 2 to 3",
      `${base}/versions/compare?from=2&to=3`,
    ]);
    // The raw values stay as recorded, the place in words with them.
    expect(entries[0]!.after).toMatchObject({
      path: ["services", 0, "areas", 1],
      place: [
        { list: "services", name: "VPS", key: "vps" },
        { list: "areas", name: "Backups & Snapshots" },
      ],
    });
  });

  test("a new provider, created as an unpublished draft", async () => {
    const document = providerDocumentSchema.parse(makeProviderDocument());
    const creator = (await makeUser({ role: "admin" })).actor;
    created = await createDraftProvider({ db, actor: creator, document, fileName: "new.json" });
    const [entry] = await log({ provider: created.slug });
    expect(text(entry)).toBe(`Created the provider ${document.name} as an unpublished draft from “new.json”`);
  });
});

describe("accounts, organizations, tokens, subscriptions and sign-ins", () => {
  test("each names the account, organization, token and service, never an id", async () => {
    const organization = await createOrganization({
      db,
      actor: admin,
      slug: `acme-${admin.id.slice(0, 8)}`,
      name: "Acme Retail",
    });
    const other = await makeOrganization();
    const email = `ada-${admin.id.slice(0, 8)}@example.test`;
    const { id } = await createUser({
      db,
      actor: admin,
      user: {
        email,
        name: "Ada Lovelace",
        role: "customer",
        organizationId: organization.id,
        password: "a-long-password-1",
      },
    });
    await updateUser({
      db,
      actor: admin,
      userId: id,
      version: 1,
      name: "Ada King",
      role: "customer",
      organizationId: other.id,
    });
    await setPassword({ db, actor: admin, userId: id, version: 2, password: "another-long-password" });
    await setUserActive({ db, actor: admin, userId: id, version: 3, active: false });
    await setUserActive({ db, actor: admin, userId: id, version: 4, active: true });
    await updateUser({
      db,
      actor: admin,
      userId: id,
      version: 5,
      name: "Ada King",
      role: "account-manager",
      organizationId: null,
    });
    await setManagedProviders({ db, actor: admin, userId: id, version: 6, providerIds: [provider.id] });
    const token = await issueApiToken({ db, actor: admin, userId: id, name: "ci" });
    await revokeApiToken({ db, actor: admin, tokenId: token.id });
    const service = await db.service.findFirstOrThrow({ where: { providerId: provider.id, slug: "vps" } });
    await setSubscription({ db, actor: admin, organizationId: other.id, serviceId: service.id, subscribed: true });
    await setSubscription({ db, actor: admin, organizationId: other.id, serviceId: service.id, subscribed: false });

    const entries = await log({ actor: admin.email });
    const ada = `Ada King (${email})`;
    const providerName = (await db.provider.findUniqueOrThrow({ where: { id: provider.id } })).name;
    expect(entries.map(text)).toEqual([
      "Created the organization “Acme Retail” (" + organization.slug + ")",
      `Created the account of ${ada} as Customer of Acme Retail`,
      `Changed the account of ${ada}: name from “Ada Lovelace” to “Ada King” and organization from Acme Retail to ${other.name}`,
      `Set a new password for ${ada}`,
      `Deactivated the account of ${ada}`,
      `Reactivated the account of ${ada}`,
      `Changed the account of ${ada}: role from Customer to Account manager and organization from ${other.name} to no organization`,
      `Changed the providers ${ada} manages; added ${providerName}`,
      `Issued the API token “ci” (${token.prefix}…) for ${ada}`,
      `Revoked the API token “ci” (${token.prefix}…) of ${ada}`,
      `Subscribed ${other.name} to ${providerName} › VPS`,
      `Ended the subscription of ${other.name} to ${providerName} › VPS`,
    ]);
    for (const entry of entries) expect(text(entry)).not.toMatch(uuid);
    // Administrators reach the account from its name; auditors, who cannot open it, read it.
    expect(links(entries[1]!.summary)).toEqual([]);
    const asAdmin = (await listAuditEntries({ db, actor: admin, filters: { actor: admin.email, limit: "200" } }))
      .entries;
    expect(links(asAdmin.at(-2)!.summary)).toContainEqual(["Ada King", `/admin/users/${id}`]);
    // The address is marked as one, so the page can wrap it at its @.
    expect(entries[1]!.summary).toContainEqual({ text: email, email: true });
  });

  test("sign-ins (password and single sign-on), failed sign-ins, sign-outs and obligations downloads", async () => {
    const {
      actor: customer,
      email,
      password,
    } = await makeUser({
      role: "customer",
      organizationId: (await makeOrganization()).id,
    });
    await signInWithPassword({ db, email, password, ip: "203.0.113.7" });
    await signInWithPassword({ db, email, password: "wrong-password-here", ip: "203.0.113.7" }).catch(() => null);
    const options = await getAuthOptions();
    await options.callbacks!.jwt!({
      token: {},
      user: { id: customer.id, email },
      account: { provider: "oidc", type: "oauth", providerAccountId: "x" },
    } as never);
    const sid = await createSession({ db, userId: customer.id });
    await options.events!.signOut!({ token: { sid }, session: null } as never);
    await exportObligations({ actor: customer, format: "csv" });

    expect((await log({ actor: email })).map(text)).toEqual([
      "Signed in with a password from 203.0.113.7",
      "Failed to sign in: wrong password (from 203.0.113.7)",
      "Signed in with single sign-on",
      "Signed out",
      "Downloaded My obligations as CSV",
    ]);
  });
});
