// Audit entries in words, from the shapes the portal records (tests/integration/audit-describe.test.ts
// records them for real): every action kind, entries written before places were named, and names
// that are gone.
import { describe, expect, test } from "vitest";
import {
  describeAuditEntry,
  placeFromPath,
  summaryText,
  type AuditNames,
  type DescribableEntry,
} from "@/lib/audit/describe-audit-entry";
import { namePlace } from "@/lib/domain/document-places";

const names: AuditNames = {
  users: new Map([["u-1", { name: "Ada Lovelace", email: "ada@example.test" }]]),
  organizations: new Map([
    ["o-1", { name: "Acme Retail" }],
    ["o-2", { name: "Globex" }],
  ]),
  organizationSlugs: new Map([["acme-retail", { name: "Acme Retail" }]]),
  providers: new Map([
    ["p-1", { slug: "danubedata", name: "DanubeData" }],
    ["p-2", { slug: "stackit", name: "STACKIT" }],
  ]),
  services: new Map([["s-1", { slug: "vps", name: "VPS", providerId: "p-1" }]]),
  parties: new Map([
    [
      "p-1",
      new Map([
        ["provider", "DanubeData"],
        ["customer", "Customer"],
      ]),
    ],
  ]),
  linkUsers: false,
  linkSystems: false,
};

const entry = (action: string, values: Partial<DescribableEntry> = {}): DescribableEntry => ({
  action,
  targetType: "provider",
  targetId: "p-1",
  providerId: "p-1",
  before: null,
  after: null,
  ...values,
});
const say = (e: DescribableEntry, n: AuditNames = names) => summaryText(describeAuditEntry(e, n));

const vps = { list: "services", name: "VPS", key: "vps" };
const backups = { list: "areas", name: "Backups & Snapshots" };
const area = (overrides: object = {}) => ({
  key: "backups",
  name: "Backups & Snapshots",
  assignment: "shared",
  cells: [
    { party: "provider", duties: [{ text: "Offer snapshots" }] },
    { party: "customer", duties: [{ text: "Schedule backups" }] },
  ],
  ...overrides,
});
const draft = (op: string, before: object | null, after: object | null) => entry(`draft.${op}`, { before, after });

describe("draft edits", () => {
  test("a row's assignment, in words, with the service linked", () => {
    const e = draft(
      "set",
      { path: ["services", 0, "areas", 5], value: area(), draftVersion: 3 },
      {
        path: ["services", 0, "areas", 5],
        value: area({ assignment: "customer", parties: ["customer"] }),
        draftVersion: 4,
        place: [vps, backups],
      },
    );
    expect(say(e)).toBe("Changed the assignment of VPS › Backups & Snapshots from Shared to Customer");
    expect(describeAuditEntry(e, names)).toContainEqual({ text: "VPS", href: "/providers/danubedata/services/vps" });
  });

  test("several fields of a row, the duties by party", () => {
    const e = draft(
      "set",
      { path: ["services", 0, "areas", 5], value: area() },
      {
        path: ["services", 0, "areas", 5],
        value: area({
          notes: "Nightly.",
          cells: [
            { party: "provider", duties: [{ text: "Offer snapshots" }] },
            { party: "customer", duties: [{ text: "Schedule and test backups" }] },
          ],
        }),
        place: [vps, backups],
      },
    );
    expect(say(e)).toBe("Edited the row VPS › Backups & Snapshots: changed the duties of Customer and the notes");
    const renamed = draft(
      "set",
      { path: ["services", 0, "areas", 5], value: area() },
      { path: ["services", 0, "areas", 5], value: area({ name: "Backups" }), place: [vps, backups] },
    );
    expect(say(renamed)).toBe("Changed the name of VPS › Backups & Snapshots from “Backups & Snapshots” to “Backups”");
    const same = draft(
      "set",
      { path: ["crossCuttingAreas", 0], value: area() },
      { path: ["crossCuttingAreas", 0], value: area() },
    );
    expect(say(same)).toBe("Saved the cross-cutting row Backups & Snapshots unchanged");
  });

  test("one field by its path; provider fields name the provider", () => {
    expect(
      say(
        draft(
          "set",
          { path: ["services", 0, "areas", 5, "assignment"], value: "shared" },
          {
            path: ["services", 0, "areas", 5, "assignment"],
            value: "best-effort",
            place: [vps, backups, { field: "assignment" }],
          },
        ),
      ),
    ).toBe("Changed the assignment of VPS › Backups & Snapshots from Shared to Best effort");
    expect(
      say(
        draft(
          "set",
          { path: ["isPrivate"], value: false },
          { path: ["isPrivate"], value: true, place: [{ field: "isPrivate" }] },
        ),
      ),
    ).toBe("Changed the visibility of DanubeData from public to private");
    expect(
      say(
        draft(
          "set",
          { path: ["summary"], value: "Old." },
          { path: ["summary"], value: "New.", place: [{ field: "summary" }] },
        ),
      ),
    ).toBe("Changed the summary of DanubeData");
    expect(
      say(
        draft(
          "set",
          { path: ["services", 0, "areas", 5, "notes"], value: "Nightly." },
          { path: ["services", 0, "areas", 5, "notes"], value: null, place: [vps, backups, { field: "notes" }] },
        ),
      ),
    ).toBe("Cleared the notes of VPS › Backups & Snapshots");
  });

  test("rows and other items added, deleted and moved", () => {
    const place = [vps, { list: "layers", name: "Network" }, { list: "components", name: "Firewall" }];
    expect(
      say(
        draft(
          "insert",
          { path: ["services", 0, "layers", 1, "components", 0], value: null },
          { path: [], value: {}, place },
        ),
      ),
    ).toBe("Added the component VPS › Network › Firewall");
    expect(
      say(
        draft(
          "remove",
          { path: ["contacts", 2], value: { label: "Support" } },
          { path: ["contacts", 2], value: null, place: [{ list: "contacts", name: "Support" }] },
        ),
      ),
    ).toBe("Deleted the contact Support");
    expect(
      say(
        draft(
          "move",
          { path: ["services", 0, "areas", 0], value: { index: 0 } },
          { path: ["services", 0, "areas", 0], value: { index: 2 }, place: [vps, backups] },
        ),
      ),
    ).toBe("Moved the row VPS › Backups & Snapshots from position 1 to 3");
  });

  test("entries recorded before places were named: positions, and a row's own name when its value has one", () => {
    const old = draft(
      "set",
      { path: ["services", 0, "areas", 5], value: area(), draftVersion: 3 },
      {
        path: ["services", 0, "areas", 5],
        value: area({ assignment: "customer", parties: ["customer"] }),
        draftVersion: 4,
      },
    );
    expect(say(old)).toBe("Changed the assignment of service 1 › Backups & Snapshots from Shared to Customer");
    expect(
      say(
        draft(
          "set",
          { path: ["services", 2, "layers", 0, "name"], value: "A" },
          { path: ["services", 2, "layers", 0, "name"], value: "B" },
        ),
      ),
    ).toBe("Changed the name of service 3 › layer 1 from “A” to “B”");
    expect(placeFromPath(["crossCuttingAreas", 3], { name: "Identity" })).toEqual([
      { list: "crossCuttingAreas", name: "Identity" },
    ]);
  });
});

describe("providers, versions and files", () => {
  test("publish links the version and its diff; the first version has no diff", () => {
    const parts = describeAuditEntry(
      entry("provider.publish", {
        before: { draftVersion: 7 },
        after: { version: 4, contentHash: "abc", note: "Backups moved" },
      }),
      names,
    );
    expect(summaryText(parts)).toBe("Published version 4 of DanubeData: “Backups moved” (changes since version 3)");
    expect(parts).toContainEqual({ text: "version 4", href: "/providers/danubedata/versions/4" });
    expect(parts).toContainEqual({
      text: "changes since version 3",
      href: "/providers/danubedata/versions/compare?from=3&to=4",
    });
    expect(say(entry("provider.publish", { after: { version: 1, note: "First" } }))).toBe(
      "Published version 1 of DanubeData: “First”",
    );
  });

  test("create, discard, revert, imports and downloads", () => {
    expect(say(entry("provider.create", { after: { name: "DanubeData", isPrivate: true, fileName: "d.json" } }))).toBe(
      "Created the provider DanubeData as an unpublished draft (private) from “d.json”",
    );
    expect(say(entry("draft.discard", { before: { draftVersion: 3 } }))).toBe(
      "Discarded the draft of DanubeData (3 unpublished changes)",
    );
    expect(
      say(entry("draft.revert", { before: { draftVersion: 0 }, after: { draftVersion: 1, fromVersion: 2 } })),
    ).toBe("Replaced the draft of DanubeData with version 2");
    expect(
      say(
        entry("draft.import-matrix", {
          after: {
            service: "vps",
            format: "xlsx",
            fileName: null,
            rows: 8,
            added: ["A"],
            changed: ["B", "C"],
            removed: [],
          },
        }),
      ),
    ).toBe("Imported an Excel workbook into the matrix of VPS in the draft: 8 rows (1 added, 2 changed)");
    expect(say(entry("draft.import-provider", { after: { fileName: "p.json", services: 2, areas: 30 } }))).toBe(
      "Imported “p.json” into the draft of DanubeData: 2 services, 30 rows",
    );
    expect(
      say(
        entry("export.download", {
          after: {
            format: "csv",
            version: 3,
            service: "vps",
            model: null,
            assignments: ["customer"],
            query: "backup",
            parties: ["customer"],
            layers: [],
            frameworks: [],
          },
        }),
      ),
    ).toBe("Downloaded version 3 of DanubeData › VPS as CSV, filtered to Customer, Customer, “backup”");
    expect(say(entry("export.download", { after: { format: "pdf", from: 2, to: 3, view: "diff" } }))).toBe(
      "Downloaded the changes from version 2 to 3 of DanubeData as PDF",
    );
    expect(
      say(
        entry("export.download", {
          targetType: "obligations",
          targetId: null,
          providerId: null,
          after: { format: "xlsx", providers: ["danubedata"] },
        }),
      ),
    ).toBe("Downloaded My obligations as Excel workbook (danubedata)");
  });

  test("a provider that is gone, or one the reader may not see, is never shown by its id", () => {
    const gone = entry("draft.discard", { providerId: "p-gone", targetId: "p-gone", before: { draftVersion: 1 } });
    expect(say(gone)).toBe("Discarded the draft of a provider that no longer exists (1 unpublished change)");
    expect(say(entry("provider.publish", { providerId: "p-gone", after: { version: 2 } }))).toBe(
      "Published version 2 of a provider that no longer exists (changes since version 1)",
    );
    expect(
      describeAuditEntry(entry("provider.publish", { providerId: "p-gone", after: { version: 2 } }), names).some(
        (p) => typeof p !== "string" && p.href,
      ),
    ).toBe(false);
  });
});

describe("accounts, organizations, tokens, subscriptions and sign-ins", () => {
  const user = (action: string, values: Partial<DescribableEntry> = {}) =>
    entry(action, { targetType: "user", targetId: "u-1", providerId: null, ...values });
  const snapshot = {
    email: "ada@example.test",
    name: "Ada Lovelace",
    role: "customer",
    organizationId: "o-1",
    active: true,
  };

  test("every account action names the account", () => {
    expect(say(user("user.create", { after: snapshot }))).toBe(
      "Created the account of Ada Lovelace (ada@example.test) as Customer of Acme Retail",
    );
    expect(
      say(user("user.update", { before: snapshot, after: { ...snapshot, role: "auditor", organizationId: null } })),
    ).toBe(
      "Changed the account of Ada Lovelace (ada@example.test): role from Customer to Auditor and organization from Acme Retail to no organization",
    );
    expect(
      say(
        user("user.update", {
          before: { ...snapshot, role: "account-manager", managedProviderIds: ["p-1", "p-2"] },
          after: { ...snapshot, role: "auditor", managedProviderIds: [] },
        }),
      ),
    ).toBe(
      "Changed the account of Ada Lovelace (ada@example.test): role from Account manager to Auditor and no longer manages DanubeData and STACKIT",
    );
    expect(say(user("user.set-password", { after: { passwordChanged: true } }))).toBe(
      "Set a new password for Ada Lovelace (ada@example.test)",
    );
    expect(say(user("user.deactivate", { before: snapshot, after: { ...snapshot, active: false } }))).toBe(
      "Deactivated the account of Ada Lovelace (ada@example.test)",
    );
    expect(say(user("user.reactivate", { before: { ...snapshot, active: false }, after: snapshot }))).toBe(
      "Reactivated the account of Ada Lovelace (ada@example.test)",
    );
    expect(
      say(
        user("user.set-managed-providers", {
          before: { managedProviderIds: ["p-2"] },
          after: { managedProviderIds: ["p-1"] },
        }),
      ),
    ).toBe("Changed the providers Ada Lovelace (ada@example.test) manages; added DanubeData; removed STACKIT");
  });

  test("a deleted account: what was recorded, else that it is gone; names link only for those who manage users", () => {
    expect(say(user("user.create", { targetId: "u-gone", after: snapshot }))).toBe(
      "Created the account of Ada Lovelace (ada@example.test) as Customer of Acme Retail",
    );
    expect(say(user("user.set-password", { targetId: "u-gone" }))).toBe(
      "Set a new password for an account that no longer exists",
    );
    const linked = describeAuditEntry(user("user.set-password"), { ...names, linkUsers: true });
    expect(linked).toContainEqual({ text: "Ada Lovelace", href: "/admin/users/u-1" });
    expect(linked).toContainEqual({ text: "ada@example.test", email: true });
    expect(describeAuditEntry(user("user.set-password"), names)).toContainEqual("Ada Lovelace");
  });

  test("organizations, tokens and subscriptions", () => {
    expect(
      say(
        entry("organization.create", {
          targetType: "organization",
          targetId: "o-1",
          providerId: null,
          after: { slug: "acme", name: "Acme Retail" },
        }),
      ),
    ).toBe("Created the organization “Acme Retail” (acme)");
    const token = { name: "ci", prefix: "dmc_ab12", userId: "u-1" };
    expect(
      say(entry("token.issue", { targetType: "token", providerId: null, after: { ...token, revokedAt: null } })),
    ).toBe("Issued the API token “ci” (dmc_ab12…) for Ada Lovelace (ada@example.test)");
    expect(
      say(
        entry("token.revoke", {
          targetType: "token",
          providerId: null,
          before: { ...token, revokedAt: null },
          after: { ...token, revokedAt: "2026-01-01" },
        }),
      ),
    ).toBe("Revoked the API token “ci” (dmc_ab12…) of Ada Lovelace (ada@example.test)");
    const subscription = { organizationId: "o-2", serviceId: "s-1", organizationSlug: "globex", serviceName: "VPS" };
    expect(say(entry("subscription.add", { targetType: "subscription", after: subscription }))).toBe(
      "Subscribed Globex to DanubeData › VPS",
    );
    expect(
      say(
        entry("subscription.remove", {
          targetType: "subscription",
          before: { ...subscription, organizationId: "o-gone", serviceId: "s-gone" },
        }),
      ),
    ).toBe("Ended the subscription of globex to DanubeData › VPS");
  });

  test("systems: their obligations recorded, and their files downloaded", () => {
    const system = { organization: "acme-retail", system: "shop-production" };
    expect(
      say(
        entry("obligation.update", {
          targetType: "obligation",
          providerId: null,
          after: { ...system, duty: "Encrypt backups", status: "risk-accepted" },
        }),
      ),
    ).toBe("Recorded “Encrypt backups” of the system “shop-production” of Acme Retail as Risk accepted");
    const download = entry("export.download", {
      targetType: "system",
      providerId: null,
      after: { ...system, format: "xlsx" },
    });
    expect(say(download)).toBe("Downloaded the system “shop-production” of Acme Retail as Excel workbook");
    const hrefs = (n: AuditNames) =>
      describeAuditEntry(download, n).flatMap((p) => (typeof p !== "string" && p.href ? [p.href] : []));
    expect(hrefs(names)).toEqual([]);
    expect(hrefs({ ...names, linkSystems: true })).toEqual(["/systems/acme-retail/shop-production"]);
    expect(say({ ...download, after: { organization: "gone-org", system: "old", format: "csv" } })).toBe(
      "Downloaded the system “old” of gone-org as CSV",
    );
    const deleted = entry("system.delete", {
      targetType: "system",
      providerId: null,
      before: { organization: "acme-retail", slug: "shop-production", name: "Shop production" },
    });
    expect(say(deleted)).toBe("Deleted the system “Shop production” of Acme Retail");
    expect(describeAuditEntry(deleted, { ...names, linkSystems: true }).some((p) => typeof p !== "string")).toBe(false);
  });

  test("a change impact's file downloaded: the organization, both versions and the provider, linked", () => {
    const download = entry("export.download", {
      targetType: "impact",
      targetId: "i-1",
      after: { format: "pdf", organization: "acme-retail", from: 3, to: 4 },
    });
    expect(say(download)).toBe(
      "Downloaded the changes to Acme Retail's obligations from version 3 to 4 of DanubeData as PDF",
    );
    expect(
      describeAuditEntry(download, names).flatMap((p) => (typeof p !== "string" && p.href ? [p.href] : [])),
    ).toEqual(["/providers/danubedata"]);
    expect(say({ ...download, providerId: "p-gone", after: { format: "csv" } })).toBe(
      "Downloaded the changes to an organization's obligations of a provider that no longer exists as CSV",
    );
  });

  test("change notifications: acknowledgements, email choices, feed addresses and webhooks", () => {
    const org = { organization: "acme-retail" };
    expect(say(entry("impact.acknowledge", { targetType: "impact", after: { ...org, acknowledgedAt: "x" } }))).toBe(
      "Acknowledged a change to the obligations of Acme Retail made by DanubeData",
    );
    const own = { targetType: "user", providerId: null };
    expect(say(entry("notifications.email", { ...own, after: { changeEmails: "daily" } }))).toBe(
      "Chose a daily digest",
    );
    expect(say(entry("notifications.email", { ...own, after: { changeEmails: "none" } }))).toBe(
      "Chose no change emails",
    );
    expect(
      say(
        entry("notifications.unsubscribe", {
          ...own,
          before: { changeEmails: "each" },
          after: { changeEmails: "none" },
        }),
      ),
    ).toBe("Unsubscribed from change emails through an email's link");
    expect(
      say(
        entry("notifications.retry", {
          targetType: "delivery",
          after: { status: "pending", attempts: 0, channel: "webhook", organization: "acme-retail", toVersion: 4 },
        }),
      ),
    ).toBe("Sent again the failed webhook delivery of version 4 of DanubeData to acme-retail");
    const feed = { targetType: "feed", providerId: null };
    expect(say(entry("notifications.feed.create", { ...feed, after: org }))).toBe(
      "Created a change feed address for acme-retail",
    );
    expect(say(entry("notifications.feed.revoke", { ...feed, before: org }))).toBe(
      "Revoked a change feed address of acme-retail",
    );
    const hook = { targetType: "webhook", providerId: null };
    const url = "https://hooks.example.test/demarc";
    expect(say(entry("notifications.webhook.add", { ...hook, after: { ...org, url } }))).toBe(
      `Registered the webhook “${url}” for acme-retail`,
    );
    expect(say(entry("notifications.webhook.remove", { ...hook, before: { ...org, url } }))).toBe(
      `Removed the webhook “${url}” of acme-retail`,
    );
  });

  test("sign-ins, failed sign-ins and sign-outs; unknown actions by name", () => {
    const auth = (action: string, after: object | null) =>
      entry(action, { targetType: "user", providerId: null, after });
    expect(say(auth("auth.sign-in", { method: "password", ip: "203.0.113.7" }))).toBe(
      "Signed in with a password from 203.0.113.7",
    );
    expect(say(auth("auth.sign-in", { method: "oidc" }))).toBe("Signed in with single sign-on");
    expect(say(auth("auth.sign-in-failed", { reason: "rate-limited", ip: "203.0.113.7" }))).toBe(
      "Failed to sign in: too many attempts (from 203.0.113.7)",
    );
    expect(say(auth("auth.sign-out", null))).toBe("Signed out");
    expect(say(entry("something.new", { targetType: "widget", targetId: "w-1" }))).toBe("something.new (widget)");
  });
});

describe("namePlace", () => {
  const document = {
    name: "DanubeData",
    parties: [{ key: "customer", name: "Customer" }],
    services: [
      {
        slug: "vps",
        name: "VPS",
        areas: [{ key: "backups", name: "Backups & Snapshots", cells: [{ party: "customer", duties: [] }] }],
        layers: [{ key: "net", name: "Network", components: [{ key: "fw", name: "Firewall" }] }],
        deploymentModels: [
          { key: "dc", name: "Own datacentre", assignments: [{ area: "backups" }, { component: "net/fw" }] },
        ],
      },
    ],
  };

  test("names services, rows, layers, components and deployment overrides as the document had them", () => {
    expect(namePlace(document, ["services", 0, "areas", 0, "assignment"])).toEqual([
      { list: "services", name: "VPS", key: "vps" },
      { list: "areas", name: "Backups & Snapshots" },
      { field: "assignment" },
    ]);
    expect(namePlace(document, ["services", 0, "areas", 0, "cells", 0, "duties"]).slice(1)).toEqual([
      { list: "areas", name: "Backups & Snapshots" },
      { list: "cells", name: "Customer" },
      { field: "duties" },
    ]);
    expect(namePlace(document, ["services", 0, "deploymentModels", 0, "assignments", 1])).toEqual([
      { list: "services", name: "VPS", key: "vps" },
      { list: "deploymentModels", name: "Own datacentre" },
      { list: "assignments", name: "Firewall" },
    ]);
    expect(namePlace(document, ["services", 0, "deploymentModels", 0, "assignments", 0]).at(-1)).toEqual({
      list: "assignments",
      name: "Backups & Snapshots",
    });
  });

  test("an inserted item by its own name, even where another row stands now; unknown places by position", () => {
    expect(namePlace(document, ["services", 0, "areas", 0], { key: "new", name: "Monitoring" }).at(-1)).toEqual({
      list: "areas",
      name: "Monitoring",
    });
    expect(namePlace(document, ["services", 4, "areas", 2])).toEqual([
      { list: "services", position: 5 },
      { list: "areas", position: 3 },
    ]);
    expect(namePlace(document, ["name"])).toEqual([{ field: "name" }]);
  });
});
