// What a new version changes for one organization as a report (the PDF's shape), for filing as
// evidence that the change was seen and handled: the cover names both versions (number, date, hash),
// the counts, who acknowledged it and when, the version's note and publisher; then a section per
// affected system with a table per service (the provider's cross-cutting areas apart), a row per
// change: what changed, its rank in words (never colour alone), the area, before and after.
// Deterministic: the date comes from the data, never the clock.
import { formatDateTime } from "@/lib/format";
import type { ImpactItem, ImpactSide } from "@/lib/model/version-impact";
import { impactKindLabels, impactRankLabels } from "@/lib/model/impact-labels";
import { dutyStrengthLabels } from "@/lib/domain/vocabulary";
import type { ImpactSystem } from "@/lib/notifications/impact-document";
import { carriersText, itemPlace } from "@/lib/notifications/impact-words";
import type { ChangeImpactFileData, ImpactVersionStamp } from "./change-impact-csv";
import type { ReportCell, ReportDocument, ReportLine, ReportPart } from "./pdf/report-types";

const versionText = (v: ImpactVersionStamp) =>
  `version ${v.number}${v.publishedAt ? `, published ${v.publishedAt.slice(0, 10)} (UTC)` : ""}`;

// Hashes on lines of their own, so they are never broken across lines (readers copy them to /verify).
const versionFacts = (label: string, v: ImpactVersionStamp): [string, string][] => [
  [label, versionText(v)],
  ...(v.contentHash ? [[`${label} SHA-256`, v.contentHash] as [string, string]] : []),
];

const counted = (actionRequired: number, informational: number) =>
  `${actionRequired} action required, ${informational} informational`;

function acknowledgementText(acknowledged: ChangeImpactFileData["acknowledged"]): string {
  return acknowledged
    ? `Acknowledged by ${acknowledged.by} on ${formatDateTime(new Date(acknowledged.at))}`
    : "Not acknowledged yet";
}

/** The rank as a word, bold when action is required: never told by colour alone. */
function rankCell(item: ImpactItem): ReportCell {
  return {
    lines: [{ text: impactRankLabels[item.rank], tone: item.rank === "action-required" ? "strong" : "muted" }],
  };
}

/** One side of a row; `missing` says what its absence means ("Not in version 3"). */
function sideCell(item: ImpactItem, side: ImpactSide | null, missing: string, organization: string): ReportCell {
  if (!side) return { lines: [{ text: missing, tone: "muted" }] };
  const { duty } = side;
  if (duty)
    return {
      lines: [{ text: duty.text }, { text: `${dutyStrengthLabels[duty.strength]} · ${duty.partyName}`, tone: "muted" }],
    };
  if (item.kind === "area-renamed") return { lines: [{ text: side.areaName }] };
  const carriers = carriersText(side, organization);
  const lines: ReportLine[] = [
    ...(carriers ? [{ text: `Carried by ${carriers}`, tone: "muted" as const }] : []),
    ...(side.overridden ? [{ text: "Set by the deployment model", tone: "muted" as const }] : []),
  ];
  return { assignment: side.assignment, lines };
}

function systemParts(system: ImpactSystem, data: ChangeImpactFileData): ReportPart[] {
  const places = [...new Set(system.items.map((item) => itemPlace(system, item)))];
  return places.map((place) => {
    const items = system.items.filter((item) => itemPlace(system, item) === place);
    const actionRequired = items.filter((i) => i.rank === "action-required").length;
    return {
      title: place,
      // One service's counts are the section's, said once in its intro.
      ...(places.length > 1 ? { description: counted(actionRequired, items.length - actionRequired) } : {}),
      table: {
        columns: [
          { header: "Change", share: 0.15 },
          { header: "Rank", share: 0.13 },
          { header: "Area", share: 0.2 },
          { header: "Before", share: 0.26 },
          { header: "After", share: 0.26 },
        ],
        rows: items.map((item) => [
          { lines: [{ text: impactKindLabels[item.kind], tone: "strong" }] },
          rankCell(item),
          { lines: [{ text: item.areaName, tone: "strong" }] },
          sideCell(item, item.before, `Not in version ${data.from.number}`, data.organization.name),
          sideCell(item, item.after, `Not in version ${data.to.number}`, data.organization.name),
        ]),
        empty: "Nothing changed here.",
      },
    };
  });
}

function changeImpactTitle(data: ChangeImpactFileData): string {
  return (
    `Changes to ${data.organization.name}'s obligations: ` +
    `${data.provider.name} version ${data.from.number} to ${data.to.number}`
  );
}

export function changeImpactReport(data: ChangeImpactFileData): ReportDocument {
  const { organization, provider, from, to } = data;
  const title = changeImpactTitle(data);
  const systems = data.systems.map((s) => s.name);
  return {
    kind: "Changes to our obligations",
    title,
    summary:
      `What version ${to.number} of ${provider.name}'s shared responsibility model changes for ${organization.name}, ` +
      `in the services it uses with the deployment models it uses: duties that became its own or left it, ` +
      "reworded or strengthened duties, areas added, removed or renamed, and shifted assignments. A duty that " +
      "became the organization's, or a stronger duty, is action required; the rest is informational.",
    facts: [
      ["Organization", organization.name],
      ["Provider", provider.name],
      ...versionFacts("From", from),
      ...versionFacts("To", to),
      ["Changes", counted(data.actionRequired, data.informational)],
      ["Systems", systems.join(", ") || "None"],
      ["Acknowledgement", acknowledgementText(data.acknowledged)],
      ["Version note", data.note?.trim() || "None"],
      ["Published by", data.publishedBy ?? "Not recorded"],
    ],
    // The newest moment the file states: the acknowledgement, else the publish.
    date: data.acknowledged?.at ?? to.publishedAt ?? data.recordedAt,
    subject: title,
    keywords: [
      "shared responsibility model",
      "changes",
      "obligations",
      organization.name,
      provider.name,
      `version ${from.number}`,
      `version ${to.number}`,
    ],
    empty: "This version changes nothing the organization carries.",
    footer:
      `${organization.name} · ${provider.name} v${from.number} → v${to.number} changes` +
      (to.contentHash ? ` · ${to.contentHash.slice(0, 12)}` : ""),
    assignmentLegend: true,
    sections: data.systems.map((system) => {
      const actionRequired = system.items.filter((i) => i.rank === "action-required").length;
      return {
        title: system.name,
        intro: [`${counted(actionRequired, system.items.length - actionRequired)}.`],
        parts: systemParts(system, data),
      };
    }),
  };
}
