// An audit entry in words: "Changed the assignment of VPS › Backups & Snapshots from Shared to
// Customer", "Published version 4 of DanubeData", with links to what the entry concerns. Pure: the
// names of accounts, organizations, providers and services come in `names`, resolved by the caller
// for the reader (lib/audit/list-audit-entries.ts). Never shows an id: where no name is known the
// sentence says what is gone ("an account that no longer exists").
// Over 400 lines on purpose: one sentence per recorded action kind, kept together so their wording
// stays consistent and a new kind is phrased beside the others (the unit test walks them all).
import { trackingStatusLabels, type TrackingStatus } from "@/lib/domain/tracking-status";
import { assignmentMeta, type AssignmentValue } from "@/lib/domain/assignment";
import { sameJson } from "@/lib/domain/canonical-json";
import { fieldName, isPlace, itemNouns, type PlaceStep } from "@/lib/domain/document-places";
import { roleLabels, type Role } from "@/lib/auth/permissions";
import { compareHref, versionHref } from "@/lib/versions/version-format";

/** Text, a link, or an email address (which the page lets wrap at its @ and dots only). */
export type SummaryPart = string | { text: string; href?: string; email?: true };

/** What a sentence may name, as the reader may see it. */
export interface AuditNames {
  /** Accounts as they are now, by id. */
  users: ReadonlyMap<string, { name: string; email: string }>;
  organizations: ReadonlyMap<string, { name: string }>;
  /** Organizations by slug (systems and obligations record their organization's slug). */
  organizationSlugs: ReadonlyMap<string, { name: string }>;
  /** Providers the reader may see, by id (their current slug and name). */
  providers: ReadonlyMap<string, { slug: string; name: string }>;
  /** Published services of those providers, by id. */
  services: ReadonlyMap<string, { slug: string; name: string; providerId: string }>;
  /** Party names by provider id, then party key. */
  parties: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Account names link to their admin page (for readers who manage users). */
  linkUsers: boolean;
  /** System names link to their page (for readers of every organization's systems). */
  linkSystems: boolean;
}

const noAuditNames: AuditNames = {
  users: new Map(),
  organizations: new Map(),
  organizationSlugs: new Map(),
  providers: new Map(),
  services: new Map(),
  parties: new Map(),
  linkUsers: false,
  linkSystems: false,
};

/** The fields of an entry the sentence is made from (AuditEntryItem fits). */
export interface DescribableEntry {
  action: string;
  targetType: string;
  targetId: string | null;
  providerId: string | null;
  before: unknown;
  after: unknown;
}

type Json = Record<string, unknown>;
const isJson = (value: unknown): value is Json => value !== null && typeof value === "object" && !Array.isArray(value);
const obj = (value: unknown): Json => (isJson(value) ? value : {});
const str = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === "number" ? value : undefined);
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

/** Short text in quotes; long text is cut (the raw values keep all of it). */
const quote = (text: string, max = 80) => `“${text.length > max ? `${text.slice(0, max - 1)}…` : text}”`;

/** "a", "a and b", "a, b and c" */
function listOf(items: readonly SummaryPart[][], conjunction = "and"): SummaryPart[] {
  const out: SummaryPart[] = [];
  items.forEach((item, i) => {
    if (i > 0) out.push(i === items.length - 1 ? ` ${conjunction} ` : ", ");
    out.push(...item);
  });
  return out;
}
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const formatLabels: Record<string, string> = {
  pdf: "PDF",
  csv: "CSV",
  xlsx: "Excel workbook",
  caiq: "CAIQ v4 SSRM",
  "oscal-ssp": "OSCAL SSP",
  "oscal-catalog": "OSCAL catalog",
  json: "JSON",
  markdown: "Markdown",
};
const formatLabel = (format: unknown) => formatLabels[String(format)] ?? String(format ?? "a file").toUpperCase();

const signInFailures: Record<string, string> = {
  "wrong-password": "wrong password",
  "unknown-account": "no account with this email",
  deactivated: "the account is deactivated",
  "rate-limited": "too many attempts",
};

/** Makes the sentences of one entry; holds the names and the entry's provider. */
class Describer {
  constructor(
    private readonly entry: DescribableEntry,
    private readonly names: AuditNames,
  ) {}

  private get provider() {
    return this.entry.providerId ? this.names.providers.get(this.entry.providerId) : undefined;
  }

  /** The entry's provider, linked; or what is left of it. */
  providerRef(fallbackName?: string): SummaryPart[] {
    const provider = this.provider;
    if (provider) return [{ text: provider.name, href: `/providers/${provider.slug}` }];
    if (fallbackName) return [fallbackName];
    return [this.entry.providerId ? "a provider that no longer exists" : "a provider"];
  }

  versionRef(number: number): SummaryPart[] {
    const provider = this.provider;
    return [provider ? { text: `version ${number}`, href: versionHref(provider.slug, number) } : `version ${number}`];
  }

  diffRef(from: number, to: number, text: string): SummaryPart[] {
    const provider = this.provider;
    return [provider ? { text, href: compareHref(provider.slug, from, to) } : text];
  }

  /** A published service of the entry's provider, by slug: linked; otherwise just its name. */
  serviceRef(slug: string | undefined, name: string | undefined): SummaryPart[] {
    const provider = this.provider;
    const service = slug
      ? [...this.names.services.values()].find((s) => s.providerId === this.entry.providerId && s.slug === slug)
      : undefined;
    const label = name ?? service?.name ?? slug ?? "a service";
    return provider && service ? [{ text: label, href: `/providers/${provider.slug}/services/${slug}` }] : [label];
  }

  partyName(key: string): string {
    return (this.entry.providerId && this.names.parties.get(this.entry.providerId)?.get(key)) || key;
  }

  /** An account by id: its name and email now, else as recorded, else that it is gone. */
  /** An organization recorded by slug, by its name where it still exists. */
  organizationOfSlug(slug: unknown): string {
    const recorded = str(slug);
    if (!recorded) return "an organization";
    return this.names.organizationSlugs.get(recorded)?.name ?? recorded;
  }

  /** "“Shop production” of Acme Retail", the name linked to the system's page where the reader may open it. */
  systemRef(system: Json, linked = true): SummaryPart[] {
    const slug = str(system.slug);
    const organization = str(system.organization);
    const text = quote(str(system.name) ?? slug ?? "unnamed");
    const href =
      linked && slug && organization && this.names.linkSystems ? `/systems/${organization}/${slug}` : undefined;
    return [href ? { text, href } : text, ...(organization ? [` of ${this.organizationOfSlug(organization)}`] : [])];
  }

  userRef(id: string | null | undefined, recorded?: { name?: unknown; email?: unknown }): SummaryPart[] {
    const known = id ? this.names.users.get(id) : undefined;
    const name = known?.name ?? str(recorded?.name);
    const email = known?.email ?? str(recorded?.email);
    if (!name && !email) return ["an account that no longer exists"];
    const href = known && this.names.linkUsers ? `/admin/users/${id}` : undefined;
    if (name && email) return [href ? { text: name, href } : name, " (", { text: email, email: true }, ")"];
    if (email) return [{ text: email, email: true, ...(href ? { href } : {}) }];
    return [href ? { text: name!, href } : name!];
  }

  organizationName(id: unknown): string {
    if (typeof id !== "string") return "no organization";
    return this.names.organizations.get(id)?.name ?? "an organization that no longer exists";
  }

  providerNames(ids: readonly string[]): SummaryPart[] {
    if (ids.length === 0) return ["none"];
    return listOf(
      ids.map((id) => {
        const provider = this.names.providers.get(id);
        return [provider ? { text: provider.name, href: `/providers/${provider.slug}` } : "a provider that is gone"];
      }),
    );
  }

  // ---- the sentences ----------------------------------------------------------------------------

  describe(): SummaryPart[] {
    const { action } = this.entry;
    const before = obj(this.entry.before);
    const after = obj(this.entry.after);
    if (action.startsWith("draft.") && ["set", "insert", "remove", "move"].includes(action.slice(6)))
      return this.draftChange(action.slice(6) as "set" | "insert" | "remove" | "move", before, after);
    switch (action) {
      case "auth.sign-in":
        return [
          after.method === "password" ? "Signed in with a password" : "Signed in with single sign-on",
          ...(str(after.ip) ? [` from ${str(after.ip)}`] : []),
        ];
      case "auth.sign-in-failed":
        return [
          "Failed to sign in",
          ...(str(after.reason) ? [`: ${signInFailures[str(after.reason)!] ?? str(after.reason)}`] : []),
          ...(str(after.ip) ? [` (from ${str(after.ip)})`] : []),
        ];
      case "auth.sign-out":
        return ["Signed out"];
      case "user.create":
        return [
          "Created the account of ",
          ...this.userRef(this.entry.targetId, after),
          ...(isRole(after.role) ? [` as ${roleLabels[after.role]}`] : []),
          ...(typeof after.organizationId === "string" ? [` of ${this.organizationName(after.organizationId)}`] : []),
        ];
      case "user.update":
        return this.userUpdate(before, after);
      case "user.set-password":
        return ["Set a new password for ", ...this.userRef(this.entry.targetId)];
      case "user.deactivate":
        return ["Deactivated the account of ", ...this.userRef(this.entry.targetId, before)];
      case "user.reactivate":
        return ["Reactivated the account of ", ...this.userRef(this.entry.targetId, before)];
      case "user.set-managed-providers":
        return this.managedProviders(strings(before.managedProviderIds), strings(after.managedProviderIds));
      case "organization.create":
        return [
          "Created the organization ",
          quote(str(after.name) ?? this.organizationName(this.entry.targetId)),
          ...(str(after.slug) ? [` (${str(after.slug)})`] : []),
        ];
      case "token.issue":
      case "token.revoke": {
        const token = action === "token.issue" ? after : before;
        return [
          action === "token.issue" ? "Issued the API token " : "Revoked the API token ",
          quote(str(token.name) ?? "unnamed"),
          ...(str(token.prefix) ? [` (${str(token.prefix)}…)`] : []),
          action === "token.issue" ? " for " : " of ",
          ...this.userRef(str(token.userId)),
        ];
      }
      case "subscription.add":
      case "subscription.remove": {
        const subscription = action === "subscription.add" ? after : before;
        const service = str(subscription.serviceId) ? this.names.services.get(str(subscription.serviceId)!) : undefined;
        const organization = str(subscription.organizationId)
          ? this.names.organizations.get(str(subscription.organizationId)!)?.name
          : undefined;
        return [
          action === "subscription.add" ? "Subscribed " : "Ended the subscription of ",
          organization ?? str(subscription.organizationSlug) ?? "an organization that no longer exists",
          " to ",
          ...this.providerRef(),
          " › ",
          ...this.serviceRef(service?.slug, service?.name ?? str(subscription.serviceName)),
        ];
      }
      case "system.create":
      case "system.update":
      case "system.delete": {
        const system = action === "system.delete" ? before : after;
        const verb = { "system.create": "Created", "system.update": "Changed", "system.delete": "Deleted" }[action];
        return [`${verb} the system `, ...this.systemRef(system, action !== "system.delete")];
      }
      case "obligation.update":
        return [
          `Recorded ${quote(str(after.duty) ?? "an obligation")} of the system `,
          ...this.systemRef({ slug: after.system, organization: after.organization }),
          ` as ${trackingStatusLabels[str(after.status) as TrackingStatus] ?? str(after.status) ?? "changed"}`,
        ];
      case "export.download":
        return this.download(after);
      case "impact.acknowledge":
        return [
          "Acknowledged a change to the obligations of ",
          this.organizationOfSlug(after.organization),
          " made by ",
          ...this.providerRef(),
        ];
      case "notifications.email":
        return [
          "Chose ",
          { each: "an email for each change", daily: "a daily digest", none: "no change emails" }[
            str(after.changeEmails) as "each" | "daily" | "none"
          ] ?? "change emails",
        ];
      case "notifications.unsubscribe":
        return ["Unsubscribed from change emails through an email's link"];
      case "notifications.retry":
        return [
          `Sent again the failed ${[str(after.channel), "delivery"].filter(Boolean).join(" ")} of version ${num(after.toVersion) ?? "?"} of `,
          ...this.providerRef(),
          ` to ${str(after.organization) ?? "an organization"}`,
        ];
      case "notifications.feed.create":
        return [`Created a change feed address for ${str(after.organization) ?? "an organization"}`];
      case "notifications.feed.revoke":
        return [`Revoked a change feed address of ${str(before.organization) ?? "an organization"}`];
      case "notifications.webhook.add":
        return [
          `Registered the webhook ${quote(str(after.url) ?? "")} for ${str(after.organization) ?? "an organization"}`,
        ];
      case "notifications.webhook.remove":
        return [
          `Removed the webhook ${quote(str(before.url) ?? "")} of ${str(before.organization) ?? "an organization"}`,
        ];
      case "provider.create":
        return [
          "Created the provider ",
          ...this.providerRef(str(after.name)),
          " as an unpublished draft",
          ...(after.isPrivate === true ? [" (private)"] : []),
          ...(str(after.fileName) ? [` from ${quote(str(after.fileName)!)}`] : []),
        ];
      case "provider.publish": {
        const number = num(after.version);
        if (number === undefined) return ["Published ", ...this.providerRef()];
        return [
          "Published ",
          ...this.versionRef(number),
          " of ",
          ...this.providerRef(),
          ...(str(after.note) ? [": ", quote(str(after.note)!, 120)] : []),
          ...(number > 1
            ? [" (", ...this.diffRef(number - 1, number, `changes since version ${number - 1}`), ")"]
            : []),
        ];
      }
      case "draft.discard": {
        const changes = num(before.draftVersion);
        return [
          "Discarded the draft of ",
          ...this.providerRef(),
          ...(changes !== undefined ? [` (${count(changes, "unpublished change")})`] : []),
        ];
      }
      case "draft.revert": {
        const from = num(after.fromVersion);
        return [
          "Replaced the draft of ",
          ...this.providerRef(),
          ...(from !== undefined ? [" with ", ...this.versionRef(from)] : []),
        ];
      }
      case "draft.import-matrix": {
        const parts: string[] = [];
        for (const [key, label] of [
          ["added", "added"],
          ["changed", "changed"],
          ["removed", "removed"],
        ] as const) {
          const n = Array.isArray(after[key]) ? (after[key] as unknown[]).length : num(after[key]);
          if (n) parts.push(`${n} ${label}`);
        }
        return [
          "Imported ",
          str(after.fileName)
            ? quote(str(after.fileName)!)
            : after.format === "xlsx"
              ? "an Excel workbook"
              : `a ${formatLabel(after.format)} file`,
          " into the matrix of ",
          ...this.serviceRef(str(after.service), undefined),
          " in the draft",
          ...(num(after.rows) !== undefined ? [`: ${count(num(after.rows)!, "row")}`] : []),
          ...(parts.length ? [` (${parts.join(", ")})`] : []),
        ];
      }
      case "draft.import-provider":
        return [
          "Imported ",
          str(after.fileName) ? quote(str(after.fileName)!) : "a provider document",
          " into the draft of ",
          ...this.providerRef(),
          ...(num(after.services) !== undefined
            ? [`: ${count(num(after.services)!, "service")}, ${count(num(after.areas) ?? 0, "row")}`]
            : []),
        ];
    }
    // An action this version of the portal does not know: its name and what it concerned.
    return [`${action} (${this.entry.targetType})`];
  }

  private userUpdate(before: Json, after: Json): SummaryPart[] {
    const changes: SummaryPart[][] = [];
    if (before.name !== after.name && str(after.name))
      changes.push([`name from ${quote(str(before.name) ?? "")} to ${quote(str(after.name)!)}`]);
    if (before.role !== after.role && isRole(after.role))
      changes.push([
        `role from ${isRole(before.role) ? roleLabels[before.role] : "none"} to ${roleLabels[after.role]}`,
      ]);
    if (before.organizationId !== after.organizationId)
      changes.push([
        `organization from ${this.organizationName(before.organizationId)} to ${this.organizationName(after.organizationId)}`,
      ]);
    const managedBefore = strings(before.managedProviderIds);
    if (managedBefore.length && !strings(after.managedProviderIds).length)
      changes.push(["no longer manages ", ...this.providerNames(managedBefore)]);
    return [
      "Changed the account of ",
      ...this.userRef(this.entry.targetId, after),
      ...(changes.length ? [": ", ...listOf(changes)] : []),
    ];
  }

  private managedProviders(before: string[], after: string[]): SummaryPart[] {
    const added = after.filter((id) => !before.includes(id));
    const removed = before.filter((id) => !after.includes(id));
    return [
      "Changed the providers ",
      ...this.userRef(this.entry.targetId),
      " manages",
      ...(added.length ? ["; added ", ...this.providerNames(added)] : []),
      ...(removed.length ? ["; removed ", ...this.providerNames(removed)] : []),
    ];
  }

  private download(after: Json): SummaryPart[] {
    const format = formatLabel(after.format);
    if (this.entry.targetType === "system")
      return [
        `Downloaded the system `,
        ...this.systemRef({ slug: after.system, organization: after.organization }),
        ` as ${format}`,
      ];
    if (this.entry.targetType === "impact") {
      const from = num(after.from);
      const to = num(after.to);
      return [
        `Downloaded the changes to ${this.organizationOfSlug(after.organization)}'s obligations `,
        ...(from !== undefined && to !== undefined ? [`from version ${from} to ${to} `] : []),
        "of ",
        ...this.providerRef(),
        ` as ${format}`,
      ];
    }
    if (this.entry.targetType === "obligations") {
      const providers = strings(after.providers);
      return [`Downloaded My obligations as ${format}`, ...(providers.length ? [` (${providers.join(", ")})`] : [])];
    }
    if (after.view === "diff") {
      const from = num(after.from);
      const to = num(after.to);
      if (from !== undefined && to !== undefined)
        return [
          "Downloaded the ",
          ...this.diffRef(from, to, `changes from version ${from} to ${to}`),
          " of ",
          ...this.providerRef(),
          ` as ${format}`,
        ];
    }
    const version = num(after.version);
    const filters = [
      ...strings(after.assignments).map((a) => assignmentMeta[a as AssignmentValue]?.label ?? a),
      ...strings(after.parties).map((p) => this.partyName(p)),
      ...strings(after.layers),
      ...strings(after.frameworks),
      ...(str(after.query) ? [quote(str(after.query)!)] : []),
    ];
    return [
      "Downloaded ",
      ...(version !== undefined ? [...this.versionRef(version), " of "] : ["the published model of "]),
      ...this.providerRef(),
      ...(str(after.service) ? [" › ", ...this.serviceRef(str(after.service), undefined)] : []),
      ...(str(after.model) ? [` (deployment model ${str(after.model)})`] : []),
      ` as ${format}`,
      ...(filters.length ? [`, filtered to ${filters.join(", ")}`] : []),
    ];
  }

  // ---- draft edits --------------------------------------------------------------------------------

  private draftChange(op: "set" | "insert" | "remove" | "move", before: Json, after: Json): SummaryPart[] {
    const path = Array.isArray(after.path) ? after.path : Array.isArray(before.path) ? before.path : [];
    const oldValue = before.value ?? undefined;
    const newValue = after.value ?? undefined;
    const steps = isPlace(after.place) ? after.place : placeFromPath(path, op === "insert" ? newValue : oldValue);
    const last = steps.at(-1);
    const items = steps.filter((s) => !("field" in s));
    const fields = steps.filter((s): s is { field: string } => "field" in s);

    if (op === "set" && last && "field" in last) {
      // A field: of the provider itself, or of the item before it.
      const field = fields.map((f) => fieldName(f.field)).join(" › ");
      const owner = items.length ? this.chain(items) : this.providerRef();
      return this.fieldChange(field, last.field, owner, oldValue, newValue);
    }
    const noun = last && "list" in last ? (itemNouns[last.list] ?? "item") : "item";
    const target = [`the ${noun} `, ...this.chain(items)];
    switch (op) {
      case "insert":
        return ["Added ", ...target];
      case "remove":
        return ["Deleted ", ...target];
      case "move": {
        const from = num(obj(oldValue).index);
        const to = num(obj(newValue).index);
        return [
          "Moved ",
          ...target,
          ...(from !== undefined && to !== undefined ? [` from position ${from + 1} to ${to + 1}`] : []),
        ];
      }
      case "set":
        return this.itemChange(target, this.chain(items), oldValue, newValue);
    }
  }

  /** Items joined by ›; services link to their page when published. */
  private chain(items: readonly PlaceStep[]): SummaryPart[] {
    const parts: SummaryPart[] = [];
    items.forEach((step, i) => {
      if (i > 0) parts.push(" › ");
      if ("name" in step) {
        if (step.list === "services") parts.push(...this.serviceRef(step.key, step.name));
        else parts.push(step.name);
      } else if ("position" in step) parts.push(`${itemNouns[step.list] ?? "item"} ${step.position}`);
    });
    return parts;
  }

  private fieldChange(
    label: string,
    field: string,
    owner: SummaryPart[],
    oldValue: unknown,
    newValue: unknown,
  ): SummaryPart[] {
    const from = this.showValue(field, oldValue);
    const to = this.showValue(field, newValue);
    const empty = (v: unknown) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);
    if (empty(oldValue) && !empty(newValue)) return [`Set the ${label} of `, ...owner, ...(to ? [` to ${to}`] : [])];
    if (!empty(oldValue) && empty(newValue)) return [`Cleared the ${label} of `, ...owner];
    return [`Changed the ${label} of `, ...owner, ...(from && to ? [` from ${from} to ${to}`] : [])];
  }

  /** A whole item replaced: what of it changed. */
  private itemChange(target: SummaryPart[], chain: SummaryPart[], oldValue: unknown, newValue: unknown) {
    const a = obj(oldValue);
    const b = obj(newValue);
    const changed = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !sameJson(a[k], b[k]));
    if (changed.length === 0) return ["Saved ", ...target, " unchanged"];
    // Responsible parties follow the assignment: a new assignment says it all.
    // The assignment first: it is what readers filter by.
    const main = (changed.includes("assignment") ? changed.filter((k) => k !== "parties") : changed).sort(
      (a, b) => Number(b === "assignment") - Number(a === "assignment"),
    );
    if (main.length === 1 && main[0] !== "cells") {
      const field = main[0]!;
      return this.fieldChange(fieldName(field), field, chain, a[field], b[field]);
    }
    const what: SummaryPart[][] = main.map((field) => {
      if (field === "cells") return [this.cellChanges(a.cells, b.cells)];
      const from = this.showValue(field, a[field]);
      const to = this.showValue(field, b[field]);
      return [`the ${fieldName(field)}${from && to ? ` (${from} → ${to})` : ""}`];
    });
    return ["Edited ", ...target, ": changed ", ...listOf(what)];
  }

  /** Which parties' duties changed: "the duties of Customer and Provider". */
  private cellChanges(before: unknown, after: unknown): string {
    const cells = (value: unknown) =>
      new Map((Array.isArray(value) ? value : []).map((c) => [String(obj(c).party), c] as const));
    const a = cells(before);
    const b = cells(after);
    const parties = [...new Set([...a.keys(), ...b.keys()])].filter((p) => !sameJson(a.get(p), b.get(p)));
    const names = parties.map((p) => this.partyName(p));
    if (names.length === 0) return "the duties";
    return `the duties of ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`}`;
  }

  /** A value short enough to say in the sentence, in words; null when it is not (the raw values have it). */
  private showValue(field: string, value: unknown): string | null {
    if (value === undefined || value === null) return "none";
    if (field === "assignment" && typeof value === "string")
      return assignmentMeta[value as AssignmentValue]?.label ?? value;
    if (field === "isPrivate" && typeof value === "boolean") return value ? "private" : "public";
    if (typeof value === "boolean") return value ? "yes" : "no";
    if (typeof value === "number") return String(value);
    if (field === "parties" && Array.isArray(value) && value.every((v) => typeof v === "string"))
      return value.length ? value.map((p) => this.partyName(p)).join(", ") : "none";
    if (typeof value === "string") {
      if (longTextFields.has(field) || value.length > 80) return null;
      return quote(value);
    }
    return null;
  }
}

/** Fields whose text is too long to quote in a sentence. */
const longTextFields = new Set([
  "summary",
  "description",
  "body",
  "notes",
  "interpretation",
  "assignmentReason",
  "purpose",
]);

const isRole = (value: unknown): value is Role => typeof value === "string" && Object.hasOwn(roleLabels, value);

/**
 * The place of an entry recorded before places were named: list items by position, except the
 * item itself when its value carries a name (a row's own name).
 */
export function placeFromPath(path: readonly unknown[], value: unknown): PlaceStep[] {
  const steps: PlaceStep[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const next = path[i + 1];
    if (typeof key === "string" && typeof next === "number") {
      const own = i + 1 === path.length - 1 ? obj(value) : {};
      const name = str(own.name) ?? str(own.title) ?? str(own.label);
      steps.push(name ? { list: key, name } : { list: key, position: next + 1 });
      i++;
    } else if (typeof key === "string") steps.push({ field: key });
    else if (typeof key === "number") steps.push({ list: "items", position: key + 1 });
  }
  return steps;
}

/** The entry in words, as parts (text, links, email addresses). */
export function describeAuditEntry(entry: DescribableEntry, names: AuditNames = noAuditNames): SummaryPart[] {
  return new Describer(entry, names).describe();
}

/** The parts as plain text (for CSV and PDF). */
export function summaryText(parts: readonly SummaryPart[]): string {
  return parts.map((part) => (typeof part === "string" ? part : part.text)).join("");
}
