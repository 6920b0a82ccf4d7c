"use client";

import { assignmentMeta, assignmentValues, defaultParties, type AssignmentValue } from "@/lib/domain/assignment";
import { canonicalJson } from "@/lib/domain/canonical-json";
import type { EditorParty } from "../matrix/area-draft";
import { DraftValueForm, type FieldSpec } from "../draft-value-form";

// Building blocks of the edit page's forms: field spec shorthands and the rules that keep a value
// consistent when it is saved (an assignment brings its default parties).

type Json = Record<string, unknown>;

export const options = <T extends string>(values: readonly T[], label: (v: T) => string = (v) => v) =>
  values.map((value) => ({ value, label: label(value) }));
export const assignmentOptions = options(assignmentValues, (v) => assignmentMeta[v].label);
export const slugHint = "Lowercase letters, digits and single hyphens; links and references use it.";
export const text = (key: string, label: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  key,
  label,
  kind: "text",
  ...extra,
});
export const area = (key: string, label: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  key,
  label,
  kind: "textarea",
  ...extra,
});
export const str = (value: unknown) => (typeof value === "string" ? value : "");

/**
 * A changed assignment brings its default parties (unless the parties were changed too); no
 * assignment carries no parties.
 */
export function followAssignment(parties: readonly EditorParty[]) {
  return (next: unknown, loaded: unknown): unknown => {
    if (typeof next !== "object" || next === null) return next;
    const value = { ...(next as Json) };
    const before = (typeof loaded === "object" && loaded !== null ? loaded : {}) as Json;
    const assignment = value.assignment as AssignmentValue | null | undefined;
    if (!assignment) {
      delete value.parties;
      return value;
    }
    if (assignment !== before.assignment && canonicalJson(value.parties) === canonicalJson(before.parties))
      value.parties = defaultParties(assignment, parties);
    return value;
  };
}

export const partyField = (parties: readonly EditorParty[]): FieldSpec => ({
  key: "parties",
  label: "Parties",
  kind: "checkboxes",
  options: parties.map((p) => ({ value: p.key, label: p.name })),
  hint: "Leave them as they are to use the assignment's default parties; shared needs two or more.",
  wide: true,
});

export function Scalar({
  provider,
  path,
  value,
  field,
}: {
  provider: string;
  path: (string | number)[];
  value: unknown;
  field: Omit<FieldSpec, "key">;
}) {
  return <DraftValueForm provider={provider} path={path} mode="set" value={value} fields={[{ ...field, key: null }]} />;
}
