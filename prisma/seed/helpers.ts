// Tiny builders that keep the seed files readable. Pure data helpers: no I/O.
import { assignmentFromDuties } from "@/lib/domain/duty-cells";
import type { AreaInput } from "@/lib/validation/provider-document";

/** A side the source marks "N/A" (not applicable) — unlike an empty list, which the source shows as "-" or blank. */
export const NA = "N/A";
export type Side = readonly string[] | typeof NA;

type AreaExtra = Omit<
  AreaInput,
  "name" | "providerDuties" | "customerDuties" | "providerNotApplicable" | "customerNotApplicable" | "assignment"
> & { assignment?: AreaInput["assignment"] };

/**
 * One matrix row. Without an explicit assignment it follows the duties: both sides => "shared",
 * provider side only => "provider", customer side only => "customer". A row with no duties on
 * either side must say its assignment.
 */
export function area(name: string, provider: Side, customer: Side, extra: AreaExtra = {}): AreaInput {
  const providerDuties = provider === NA ? [] : [...provider];
  const customerDuties = customer === NA ? [] : [...customer];
  const { assignment: explicit, ...rest } = extra;
  const assignment = explicit ?? assignmentFromDuties(providerDuties, customerDuties);
  if (!assignment) throw new Error(`Seed area "${name}" lists no duties; give its assignment explicitly`);
  return {
    name,
    assignment,
    providerDuties,
    customerDuties,
    ...(provider === NA ? { providerNotApplicable: true } : {}),
    ...(customer === NA ? { customerNotApplicable: true } : {}),
    ...rest,
  };
}
