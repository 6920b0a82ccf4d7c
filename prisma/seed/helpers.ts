// Tiny builders that keep the seed files readable. Pure data helpers: no I/O.
import { assignmentFromDuties } from "@/lib/domain/duty-cells";
import { slugify } from "@/lib/domain/slug";
import type { AreaInput } from "@/lib/validation/provider-document";

/** A side the source marks "N/A" (not applicable) — unlike an empty list, which the source shows as "-" or blank. */
export const NA = "N/A";
export type Side = readonly string[] | typeof NA;

type Cell = AreaInput["cells"][number];
type AreaExtra = Omit<AreaInput, "name" | "key" | "assignment" | "cells"> & {
  /** Defaults to the name's slug; rows of one service whose names repeat (on different planes) set their own. */
  key?: string;
  assignment?: AreaInput["assignment"];
  /** Cells of further parties (a hyperscaler), after the provider's and the customer's. */
  cells?: Cell[];
};

/** A party's cell from a side as the source writes it; nothing when the side lists nothing. */
export function cell(party: string, side: Side): Cell[] {
  if (side === NA) return [{ party, duties: [], notApplicable: true }];
  return side.length ? [{ party, duties: side.map((text) => ({ text })) }] : [];
}

/**
 * One matrix row, with the provider's and the customer's duties. Without an explicit assignment it
 * follows the duties: both sides => "shared", provider side only => "provider", customer side only
 * => "customer". A row with no duties on either side must say its assignment.
 */
export function area(name: string, provider: Side, customer: Side, extra: AreaExtra = {}): AreaInput {
  const { assignment: explicit, key, cells: more = [], ...rest } = extra;
  const assignment = explicit ?? assignmentFromDuties(provider === NA ? [] : provider, customer === NA ? [] : customer);
  if (!assignment) throw new Error(`Seed area "${name}" lists no duties; give its assignment explicitly`);
  return {
    key: key ?? slugify(name),
    name,
    assignment,
    cells: [...cell("provider", provider), ...cell("customer", customer), ...more],
    ...rest,
  };
}
