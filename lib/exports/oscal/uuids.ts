// Name-based UUIDs (version 5) for OSCAL exports: the same name always gives the same UUID.
import { createHash } from "node:crypto";
import { assignmentValues, type AssignmentValue } from "@/lib/domain/assignment";
import type { ProviderExport } from "@/lib/exports/export-model";

/** RFC 9562's namespace for names that are URLs (6ba7b811-…). */
export const urlNamespace = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";

/** The namespace URI of Demarc's own OSCAL names (props, parts); `.invalid` never resolves, on purpose. */
export const demarcOscalNs = "https://demarc.invalid/ns/oscal";

/**
 * Demarc's namespace for name-based UUIDs: uuidV5(urlNamespace, demarcOscalNs). Written out rather
 * than computed so that it can never change by accident; a test checks the derivation.
 */
export const demarcUuidNamespace = "97c0a555-ce3d-5745-b90f-ef1c4175873d";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** RFC 9562 §5.5: SHA-1 of namespace bytes + UTF-8 name, first 16 bytes, version 5, variant 10. */
export function uuidV5(namespace: string, name: string): string {
  if (!uuidPattern.test(namespace)) throw new Error(`Not a UUID: ${namespace}`);
  const hash = createHash("sha1")
    .update(Buffer.from(namespace.replace(/-/g, ""), "hex"))
    .update(name, "utf8")
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The UUID of a Demarc name such as "provider:contain:party:customer". */
export function demarcUuid(name: string): string {
  return uuidV5(demarcUuidNamespace, name);
}

// The names. Slugs and keys are [a-z0-9-], so ":" separates their parts unambiguously; free text
// (duty texts, framework names, a search) only ever comes last.

export const providerName = (provider: string) => `provider:${provider}`;

export const partyName = (provider: string, party: string) => `${providerName(provider)}:party:${party}`;

/** An area's name: "provider:p:service:s:area:k", or "provider:p:cross-cutting:area:k". */
export function areaName(provider: string, service: string | null, area: string): string {
  const list = service === null ? "cross-cutting" : `service:${service}`;
  return `${providerName(provider)}:${list}:area:${area}`;
}

/**
 * A duty's name: named by its text, not its position, so inserting a duty leaves the others' UUIDs
 * alone and a customer's SSP that points at one (`provided-uuid`) never silently points at another.
 * `occurrence` (1 for the first) tells apart a text a party lists twice on one row.
 */
export function dutyName(area: string, party: string, text: string, occurrence: number): string {
  return `${area}:party:${party}:duty${occurrence > 1 ? `#${occurrence}` : ""}:${text}`;
}

/** A framework (CSA CCM, ISO/IEC 27001) is the same resource in every provider's file. */
export const frameworkName = (framework: string) => `framework:${framework}`;

export type OscalDocumentKind = "catalog" | "system-security-plan";

/**
 * The UUID of one exported file: provider, version and everything that shapes the content (service,
 * deployment model, filters), so the same version and options give the same file and anything else
 * a different one. Assignments are put in their canonical order, as the file lists them.
 */
export function documentUuid(data: ProviderExport, kind: OscalDocumentKind): string {
  const { service, model, filters } = data.scope;
  const scope = new URLSearchParams({
    service: service ?? "",
    model: model ?? "",
    assignments: canonicalAssignments(filters.assignments).join(","),
    query: filters.query.trim(),
  });
  // Added only when set, so files without them keep the UUIDs they always had.
  for (const [key, values] of [
    ["parties", filters.parties],
    ["layers", filters.layers],
    ["frameworks", filters.frameworks],
  ] as const)
    if (values?.length) scope.set(key, [...values].sort().join(","));
  return demarcUuid(`${providerName(data.provider.slug)}:version:${data.version.number}:${kind}?${scope}`);
}

/** The filter's assignments without repeats, in the vocabulary's order. */
export function canonicalAssignments(assignments: readonly AssignmentValue[]): AssignmentValue[] {
  return assignmentValues.filter((value) => assignments.includes(value));
}
