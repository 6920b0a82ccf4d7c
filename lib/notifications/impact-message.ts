// What a change impact says in words: one sentence per affected row, the email's subject, text and
// HTML, a daily digest of several impacts, and the webhook's JSON payload. Pure; shared by the
// delivery worker (lib/notifications/deliver-notifications.ts), the digests and tests.
import { assignmentMeta } from "@/lib/domain/assignment";
import { impactRankLabels } from "@/lib/model/impact-labels";
import type { Carrier } from "@/lib/model/system-resolution";
import type { ImpactDuty, ImpactItem, ImpactSide } from "@/lib/model/version-impact";
import type { ImpactSystem } from "./impact-document";

/** A tier's service as readers know it ("Managed Kubernetes"); undefined when unknown. */
export type TierName = (tier: string) => string | undefined;

export interface ImpactMessageInput {
  impact: {
    id: string;
    fromVersion: number;
    toVersion: number;
    actionRequired: number;
    informational: number;
    createdAt: Date;
  };
  provider: { slug: string; name: string };
  organization: { slug: string; name: string };
  systems: readonly ImpactSystem[];
  /** The portal's public origin for absolute links (https://demarc.example.com). */
  origin: string;
}

export interface ImpactMessage {
  subject: string;
  text: string;
  html: string;
  json: WebhookPayload;
}

interface SideJson {
  areaName: string;
  assignment: string;
  duty: { text: string; strength: string; carrier: string; party: string } | null;
}

export interface WebhookPayload {
  type: "obligations.changed";
  id: string;
  createdAt: string;
  organization: { slug: string; name: string };
  provider: { slug: string; name: string };
  fromVersion: number;
  toVersion: number;
  counts: { actionRequired: number; informational: number };
  url: string;
  diffUrl: string;
  items: {
    system: { slug: string; name: string };
    kind: ImpactItem["kind"];
    rank: ImpactItem["rank"];
    tier: string;
    tierName: string | null;
    area: string;
    areaName: string;
    summary: string;
    before: SideJson | null;
    after: SideJson | null;
  }[];
}

/** One plain sentence for a row: `Backups: "Run the backup service" became yours (must)`. */
export function describeImpactItem(item: ImpactItem, tierName?: TierName): string {
  const place = [tierName?.(item.tier), item.areaName].filter(Boolean).join(" › ");
  return `${place}: ${describeChange(item)}`;
}

function describeChange(item: ImpactItem): string {
  const was = item.before;
  const now = item.after;
  switch (item.kind) {
    case "became-yours": {
      const duty = dutyOf(now ?? was);
      const before = was?.duty ? `; before: ${carrierName(was.duty.carrier)}` : "";
      return `${quote(duty.text)} became yours (${duty.strength}${before})`;
    }
    case "left-you": {
      const duty = dutyOf(was ?? now);
      return `${quote(duty.text)} is no longer yours (${now?.duty ? `now: ${carrierName(now.duty.carrier)}` : "removed"})`;
    }
    case "text-changed":
      return `wording changed from ${quote(dutyOf(was).text)} to ${quote(dutyOf(now).text)}`;
    case "strength-changed": {
      const [old, duty] = [dutyOf(was), dutyOf(now)];
      const reworded = old.text !== duty.text ? ` (was worded ${quote(old.text)})` : "";
      return `${quote(duty.text)} strength changed from ${old.strength} to ${duty.strength}${reworded}`;
    }
    case "area-added":
      return `area added (${assignmentLabel(now)})`;
    case "area-removed":
      return "area removed";
    case "area-renamed":
      return `area renamed from ${quote(was?.areaName ?? "")} to ${quote(now?.areaName ?? item.areaName)}`;
    case "assignment-changed":
      if (was && now && was.assignment !== now.assignment)
        return `assignment changed from ${assignmentLabel(was)} to ${assignmentLabel(now)}`;
      return `now carried by ${carriersText(now)} (before: ${carriersText(was)})`;
  }
}

/** Duty rows always hold a duty on the side named; the fallback keeps a malformed row readable. */
function dutyOf(side: ImpactSide | null): ImpactDuty | { text: string; strength: string } {
  return side?.duty ?? { text: side?.areaName ?? "", strength: "must" };
}

function carrierName(carrier: Carrier): string {
  switch (carrier.kind) {
    case "organization":
      return "you";
    case "unbound":
      return `${carrier.name} (unbound)`;
    default:
      return carrier.name;
  }
}

const carriersText = (side: ImpactSide | null) => side?.carriers.map(carrierName).join(", ") || "nobody";
const assignmentLabel = (side: ImpactSide | null) => (side ? assignmentMeta[side.assignment].label : "none");
const quote = (text: string) => `"${text}"`;
const rankLabel = (item: ImpactItem) => impactRankLabels[item.rank];
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** Header values: names never carry line breaks into a subject. */
const oneLine = (text: string) => text.replace(/[\r\n\t]+/g, " ").trim();

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export function impactUrls(input: Pick<ImpactMessageInput, "impact" | "provider" | "origin">) {
  const origin = input.origin.replace(/\/+$/, "");
  const { fromVersion: from, toVersion: to } = input.impact;
  return {
    url: `${origin}/me/changes/${encodeURIComponent(input.impact.id)}`,
    diffUrl: `${origin}/providers/${encodeURIComponent(input.provider.slug)}/versions/compare?from=${from}&to=${to}`,
  };
}

function countsText(impact: ImpactMessageInput["impact"]): string {
  const parts = [
    impact.actionRequired
      ? `${plural(impact.actionRequired, "change")} need${impact.actionRequired === 1 ? "s" : ""} action`
      : "",
    impact.informational ? `${impact.informational} informational` : "",
  ];
  return parts.filter(Boolean).join(", ") || "no changes";
}

/** Rows name their service as the impact recorded it (impacts recorded before tiers were kept: none). */
function tierNameFor(system: ImpactSystem): TierName {
  return (tier) => system.tiers?.find((t) => t.key === tier)?.service;
}

export function impactMessage(input: ImpactMessageInput): ImpactMessage {
  const { impact, provider, organization } = input;
  const { url, diffUrl } = impactUrls(input);
  const subject = oneLine(
    impact.actionRequired
      ? `${provider.name} version ${impact.toVersion}: ${plural(impact.actionRequired, "change")} to ${organization.name}'s obligations need${impact.actionRequired === 1 ? "s" : ""} action`
      : `${provider.name} version ${impact.toVersion}: ${plural(impact.informational, "informational change")} to ${organization.name}'s obligations`,
  );
  const intro = `${provider.name} published version ${impact.toVersion}. It changes what ${organization.name} carries: ${countsText(impact)}.`;
  const text = [
    intro,
    "",
    ...impactTextLines(input),
    `See and acknowledge it: ${url}`,
    `Everything that changed between version ${impact.fromVersion} and ${impact.toVersion}: ${diffUrl}`,
  ].join("\n");
  const html = htmlDocument(
    subject,
    [
      `<p>${escapeHtml(intro)}</p>`,
      impactHtml(input),
      `<p><a href="${escapeHtml(url)}">See and acknowledge it</a> · <a href="${escapeHtml(diffUrl)}">Everything that changed between version ${impact.fromVersion} and ${impact.toVersion}</a></p>`,
    ].join("\n"),
  );
  return { subject, text, html, json: webhookPayload(input, url, diffUrl) };
}

/** The rows of one impact, a block per system: plain text lines ending with a blank line. */
function impactTextLines(input: ImpactMessageInput): string[] {
  return input.systems.flatMap((system) => [
    system.name,
    ...system.items.map((item) => `  - [${rankLabel(item)}] ${describeImpactItem(item, tierNameFor(system))}`),
    "",
  ]);
}

function impactHtml(input: ImpactMessageInput, heading = "h2"): string {
  return input.systems
    .map((system) => {
      const rows = system.items
        .map(
          (item) =>
            `<li><strong>${escapeHtml(rankLabel(item))}:</strong> ${escapeHtml(describeImpactItem(item, tierNameFor(system)))}</li>`,
        )
        .join("\n");
      return `<${heading}>${escapeHtml(system.name)}</${heading}>\n<ul>\n${rows}\n</ul>`;
    })
    .join("\n");
}

function htmlDocument(title: string, body: string): string {
  return `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n<body>\n${body}\n</body>\n</html>\n`;
}

function webhookPayload(input: ImpactMessageInput, url: string, diffUrl: string): WebhookPayload {
  const side = (s: ImpactSide | null): SideJson | null =>
    s && {
      areaName: s.areaName,
      assignment: s.assignment,
      duty: s.duty && {
        text: s.duty.text,
        strength: s.duty.strength,
        carrier: carrierName(s.duty.carrier),
        party: s.duty.partyName,
      },
    };
  return {
    type: "obligations.changed",
    id: input.impact.id,
    createdAt: input.impact.createdAt.toISOString(),
    organization: { slug: input.organization.slug, name: input.organization.name },
    provider: { slug: input.provider.slug, name: input.provider.name },
    fromVersion: input.impact.fromVersion,
    toVersion: input.impact.toVersion,
    counts: { actionRequired: input.impact.actionRequired, informational: input.impact.informational },
    url,
    diffUrl,
    items: input.systems.flatMap((system) =>
      system.items.map((item) => {
        const tierName = tierNameFor(system);
        return {
          system: { slug: system.slug, name: system.name },
          kind: item.kind,
          rank: item.rank,
          tier: item.tier,
          tierName: tierName(item.tier) ?? null,
          area: item.area,
          areaName: item.areaName,
          summary: describeImpactItem(item, tierName),
          before: side(item.before),
          after: side(item.after),
        };
      }),
    ),
  };
}

/** A daily digest: every impact since the last one, newest first, in one email. */
export function digestMessage(input: {
  organization: { slug: string; name: string };
  impacts: readonly Omit<ImpactMessageInput, "organization" | "origin">[];
  origin: string;
}): { subject: string; text: string; html: string } {
  const { organization, origin } = input;
  const impacts = input.impacts.map((i) => ({ ...i, organization, origin }));
  const needAction = impacts.reduce((n, i) => n + i.impact.actionRequired, 0);
  const subject = oneLine(
    `Daily digest: ${plural(impacts.length, "provider version")} changed ${organization.name}'s obligations` +
      (needAction ? ` (${plural(needAction, "change")} need${needAction === 1 ? "s" : ""} action)` : ""),
  );
  const heading = (i: ImpactMessageInput) =>
    `${i.provider.name}: version ${i.impact.fromVersion} → ${i.impact.toVersion} (${countsText(i.impact)})`;
  const text = impacts
    .flatMap((i) => {
      const { url, diffUrl } = impactUrls(i);
      return [heading(i), "", ...impactTextLines(i), `See and acknowledge it: ${url}`, `All changes: ${diffUrl}`, ""];
    })
    .join("\n");
  const html = htmlDocument(
    subject,
    impacts
      .map((i) => {
        const { url, diffUrl } = impactUrls(i);
        return [
          `<h2>${escapeHtml(heading(i))}</h2>`,
          impactHtml(i, "h3"),
          `<p><a href="${escapeHtml(url)}">See and acknowledge it</a> · <a href="${escapeHtml(diffUrl)}">All changes</a></p>`,
        ].join("\n");
      })
      .join("\n"),
  );
  return { subject, text: `${subject}\n\n${text}`, html };
}
