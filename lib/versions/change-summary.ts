// A short, plain-text list of what changed between two provider documents, for changelog readers
// (the Atom feed). The compare page shows the full diff; this names the items and the kinds of change.
import { assignmentMeta, type AssignmentValue } from "@/lib/domain/assignment";
import type { AreasDiff, CollectionDiff, FieldChange, ProviderDiff } from "@/lib/model/diff";
import { ownValue } from "@/lib/domain/own-keys";

const fieldLabels: Record<string, string> = {
  assignment: "assignment",
  parties: "responsible parties",
  assignmentReason: "reason for the assignment",
  key: "key",
  number: "number",
  parent: "parent group",
  references: "framework references",
  notes: "notes",
  interpretation: "interpretation",
  layer: "layer",
  plane: "plane",
  name: "name",
  summary: "summary",
  category: "category",
  sourceSection: "source section",
  description: "description",
  instances: "instances",
  area: "matching area",
  areaInterpretation: "reading of the difference from its area",
  markerOn: "marker on",
  open: "left open by the source",
  group: "group",
  assignments: "assignments",
  brandColor: "brand colour",
  isPrivate: "visibility",
  slug: "slug",
  role: "role",
  title: "title",
  body: "text",
  kind: "kind",
  label: "label",
  purpose: "purpose",
  clause: "clause",
  "source.title": "source title",
  "source.document": "source document",
  "source.url": "source URL",
  "source.retrieved": "source retrieval date",
};

/** Per-party fields name the party by key: "duties:hyperscaler" → "hyperscaler duties". */
const partyFieldLabels: Record<string, string> = { duties: "duties", notApplicable: "N/A", raci: "RACI" };

export function fieldLabel(field: string, partyName: (key: string) => string = (key) => key): string {
  const [kind, party] = field.split(":");
  if (party !== undefined && kind !== undefined && Object.hasOwn(partyFieldLabels, kind))
    return `${partyName(party)} ${partyFieldLabels[kind]}`;
  return ownValue(fieldLabels, field) ?? field;
}

function assignmentLabel(value: unknown): string {
  return typeof value === "string" && Object.hasOwn(assignmentMeta, value)
    ? assignmentMeta[value as AssignmentValue].label
    : String(value ?? "none");
}

type PartyName = (key: string) => string;

/** One field change in a few words: "assignment Shared → Provider", "Customer duties +1 −2". */
export function describeFieldChange(change: FieldChange, partyName?: PartyName): string {
  const label = fieldLabel(change.field, partyName);
  if (change.field === "assignment")
    return `${label} ${assignmentLabel(change.before)} → ${assignmentLabel(change.after)}`;
  if (change.added || change.removed) {
    if (change.reordered) return `${label} reordered`;
    const parts = [
      change.added?.length ? `+${change.added.length}` : "",
      change.removed?.length ? `−${change.removed.length}` : "",
    ].filter(Boolean);
    return `${label} ${parts.join(" ")}`;
  }
  if (typeof change.before === "boolean" || typeof change.after === "boolean")
    return `${label} ${change.after ? "on" : "off"}`;
  return `${label} changed`;
}

function describeFields(fields: readonly FieldChange[], partyName?: PartyName): string {
  return fields.map((field) => describeFieldChange(field, partyName)).join("; ");
}

function quoted(label: string): string {
  return `“${label}”`;
}

function collectionLines(noun: string, diff: CollectionDiff | AreasDiff, where = "", partyName?: PartyName): string[] {
  const plural = noun === "party" ? "parties" : `${noun}s`;
  const prefix = where ? `${where}: ` : "";
  const lines = [
    ...diff.added.map((item) => `${prefix}${noun} added: ${quoted(item.label)}`),
    ...diff.removed.map((item) => `${prefix}${noun} removed: ${quoted(item.label)}`),
    ...diff.changed.map((item) => `${prefix}${noun} ${quoted(item.label)}: ${describeFields(item.fields, partyName)}`),
  ];
  if (diff.moved.length)
    lines.push(
      `${prefix}${diff.moved.length === 1 ? `${noun} moved` : `${diff.moved.length} ${plural} moved`}: ${diff.moved
        .map((m) => quoted(m.label))
        .join(", ")}`,
    );
  return lines;
}

/**
 * What changed, one line per item, most significant first; at most `limit` lines (the last says how
 * many more there are). Per-party changes name the party as `parties` (the newer document's) do.
 */
export function describeChanges(
  diff: ProviderDiff,
  { limit = 25, parties = [] }: { limit?: number; parties?: readonly { key: string; name: string }[] } = {},
): string[] {
  const partyName: PartyName = (key) => parties.find((party) => party.key === key)?.name ?? key;
  if (diff.isEmpty) return ["No change in content."];
  const lines: string[] = [];
  if (diff.provider.length) lines.push(`Provider details: ${describeFields(diff.provider)}`);
  lines.push(...diff.services.added.map((s) => `Service added: ${quoted(s.label)}`));
  lines.push(...diff.services.removed.map((s) => `Service removed: ${quoted(s.label)}`));
  for (const service of diff.services.changed) {
    const where = service.label;
    if (service.fields.length) lines.push(`${where}: ${describeFields(service.fields)}`);
    lines.push(...collectionLines("group", service.groups, where));
    lines.push(...collectionLines("area", service.areas, where, partyName));
    lines.push(...collectionLines("layer", service.layers, where));
    lines.push(...collectionLines("component", service.components, where));
    lines.push(...collectionLines("deployment model", service.deploymentModels, where));
  }
  if (diff.services.moved.length)
    lines.push(`Services reordered: ${diff.services.moved.map((m) => quoted(m.label)).join(", ")}`);
  lines.push(...collectionLines("cross-cutting group", diff.crossCuttingGroups));
  lines.push(...collectionLines("cross-cutting area", diff.crossCuttingAreas, "", partyName));
  lines.push(...collectionLines("party", diff.parties));
  lines.push(...collectionLines("section", diff.sections));
  lines.push(...collectionLines("contact", diff.contacts));
  lines.push(...collectionLines("compliance reference", diff.compliance));
  if (lines.length <= limit) return lines;
  const rest = lines.length - (limit - 1);
  return [...lines.slice(0, limit - 1), `… and ${rest} more changes.`];
}

/** The feed's line for a first version (nothing to compare with). */
export function describeFirstVersion(document: {
  services: readonly { areas: readonly unknown[] }[];
  crossCuttingAreas: readonly unknown[];
}): string {
  const services = document.services.length;
  const areas = document.crossCuttingAreas.length + document.services.reduce((n, s) => n + s.areas.length, 0);
  return `First published version: ${services} ${services === 1 ? "service" : "services"}, ${areas} responsibility ${
    areas === 1 ? "area" : "areas"
  }.`;
}
