// A customer's system: an ordered stack of tiers (services), with bindings that hand a third party
// named by an upper tier's matrix to a lower tier's service. Resolving it says, for every area of
// every tier, who carries each duty once the chain is followed, where each duty came from, and
// what is left open (gaps). Pure; shared by server, UI and tests.
//
// The rule: a tier's provider keeps its own duties; the customer's duties go to whoever holds that
// tier's contract (the organization for a tier nothing binds to; for a bound tier, the binding
// says: the upper tier's provider, or the organization); a bound third party's duties are carried
// by the lower tier, whose own matrix applies in full, and the binding names which of its areas
// cover each area delegated to it.
import { defaultParties, type AssignmentValue, type PartyRoleValue } from "@/lib/domain/assignment";
import { applyDeploymentModel } from "./deployment-model";
import type { DutyStrength } from "@/lib/domain/vocabulary";
import type { AreaDto, ServiceDetailDto } from "@/lib/validation/api";

export type ContractHolder = "organization" | "upper-provider";

export interface SystemTierInput {
  key: string;
  service: Pick<ServiceDetailDto, "slug" | "name" | "areas" | "layers" | "deploymentModels" | "parties"> & {
    provider: { slug: string; name: string };
  };
  /** Areas of the provider that apply to every service (not changed by deployment models). */
  crossCuttingAreas?: readonly AreaDto[];
  /** Key of one of the service's deployment models, or null for the service's defaults. */
  model: string | null;
}

export interface SystemBindingInput {
  upperTier: string;
  /** Key of a third party in the upper tier's provider. */
  party: string;
  lowerTier: string;
  contractHolder: ContractHolder;
  /** For each upper area delegated to the party: keys of the lower service's areas that cover it. */
  coverage: Readonly<Record<string, readonly string[]>>;
}

export type Carrier =
  | { kind: "organization" }
  | { kind: "provider"; tier: string; name: string }
  /** A third party no binding resolves: the duty is named, but nobody in the system carries it. */
  | { kind: "unbound"; tier: string; party: string; name: string }
  /** A third party bound to a lower tier: that tier's matrix carries it (see `delegatedTo`). */
  | { kind: "delegated"; tier: string; party: string; name: string; lowerTier: string };

/**
 * One step of a duty's way into the system: the tier, the area and the party of that tier's matrix.
 * Without an area: the tier's binding of that party as a whole (a lower area no delegated area names).
 */
export interface ProvenanceStep {
  tier: string;
  provider: string;
  service: string;
  serviceSlug: string;
  area: string | null;
  areaKey: string | null;
  party: string;
  partyName: string;
}

export interface DerivedDuty {
  text: string;
  strength: Exclude<DutyStrength, "excluded">;
  carrier: Carrier;
  /** Upper tiers first: the areas whose delegation brought this tier in, then this duty's own area. */
  provenance: ProvenanceStep[];
  /** The matrix names the party as carrying the area but lists no duty: the area itself is the duty. */
  implicit: boolean;
  /** Index among the duties its cell lists (0 for an implicit duty): with the last provenance step, its identity. */
  position: number;
}

export interface DerivedArea {
  tier: string;
  key: string;
  name: string;
  crossCutting: boolean;
  assignment: AssignmentValue;
  /** The deployment model changed who carries it. */
  overridden: boolean;
  duties: DerivedDuty[];
}

export type SystemGap =
  | { kind: "unbound-third-party"; tier: string; party: string; partyName: string; areas: string[] }
  | { kind: "nobody"; tier: string; area: string; areaName: string }
  | { kind: "not-covered"; tier: string; area: string; areaName: string; lowerTier: string };

export interface ResolvedTier {
  key: string;
  /** Who holds this tier's contract, i.e. carries its "customer" duties. */
  customer: Carrier;
  /** The binding that brought it in (null: the organization uses it directly). */
  boundFrom: { tier: string; party: string } | null;
  areas: DerivedArea[];
}

export interface ResolvedSystem {
  tiers: ResolvedTier[];
  gaps: SystemGap[];
}

export interface SystemProblem {
  path: string;
  message: string;
}

/**
 * What is wrong with a system's shape, before resolving it: unknown tiers or models, a binding of a
 * tier to itself or upwards (which could close a cycle), a party that is not a third party of the
 * upper provider, a tier bound twice (it would have two customers), coverage naming unknown areas.
 */
export function checkSystem(
  tiers: readonly SystemTierInput[],
  bindings: readonly SystemBindingInput[],
): SystemProblem[] {
  const problems: SystemProblem[] = [];
  const index = new Map(tiers.map((tier, i) => [tier.key, i]));
  tiers.forEach((tier, i) => {
    if (index.get(tier.key) !== i) problems.push({ path: `tiers.${i}`, message: "Each tier appears once." });
    if (tier.model !== null && !tier.service.deploymentModels.some((m) => m.key === tier.model))
      problems.push({
        path: `tiers.${i}.model`,
        message: `“${tier.service.name}” has no deployment model "${tier.model}".`,
      });
  });
  const boundOnce = new Set<string>();
  bindings.forEach((binding, i) => {
    const path = `bindings.${i}`;
    const upper = index.get(binding.upperTier);
    const lower = index.get(binding.lowerTier);
    if (upper === undefined || lower === undefined) {
      problems.push({ path, message: "A binding connects two tiers of this system." });
      return;
    }
    if (upper === lower) problems.push({ path, message: "A tier cannot be bound to itself." });
    else if (lower < upper)
      problems.push({ path, message: "A binding hands a third party to a tier below the one that names it." });
    const upperTier = tiers[upper]!;
    const party = upperTier.service.parties.find((p) => p.key === binding.party);
    if (party?.role !== "third-party")
      problems.push({
        path: `${path}.party`,
        message: `“${upperTier.service.name}” names no third party "${binding.party}".`,
      });
    if (boundOnce.has(binding.lowerTier))
      problems.push({ path, message: "A tier can be bound once: it has one contract holder." });
    boundOnce.add(binding.lowerTier);
    const lowerAreas = new Set(allAreas(tiers[lower]!).map((a) => a.area.key));
    for (const [upperArea, covering] of Object.entries(binding.coverage))
      for (const key of covering)
        if (!lowerAreas.has(key))
          problems.push({
            path: `${path}.coverage.${upperArea}`,
            message: `“${tiers[lower]!.service.name}” has no area "${key}".`,
          });
  });
  return problems;
}

function allAreas(tier: SystemTierInput): { area: AreaDto; overridden: boolean; crossCutting: boolean }[] {
  const effective = applyDeploymentModel(tier.service, tier.model).areas;
  return [
    ...effective.map(({ overridden, ...area }) => ({ area, overridden, crossCutting: false })),
    ...(tier.crossCuttingAreas ?? []).map((area) => ({ area, overridden: false, crossCutting: true })),
  ];
}

type Lead = { covers: readonly string[] | null; trail: ProvenanceStep[] };

/** Resolves a system checked by checkSystem (tiers in stack order, upper first). */
export function resolveSystem(
  tiers: readonly SystemTierInput[],
  bindings: readonly SystemBindingInput[],
): ResolvedSystem {
  const byKey = new Map(tiers.map((t) => [t.key, t]));
  const bindingTo = new Map(bindings.map((b) => [b.lowerTier, b]));
  const bindingOf = (tier: string, party: string) => bindings.find((b) => b.upperTier === tier && b.party === party);
  // Trails into each bound tier, filled while its upper tiers are resolved (bindings point down).
  const leads = new Map<string, Lead[]>();
  const gaps: SystemGap[] = [];

  const resolvedTiers = tiers.map((tier): ResolvedTier => {
    const from = bindingTo.get(tier.key);
    const upper = from && byKey.get(from.upperTier);
    const customer: Carrier =
      from?.contractHolder === "upper-provider" && upper
        ? { kind: "provider", tier: upper.key, name: upper.service.provider.name }
        : { kind: "organization" };
    const parties = tier.service.parties;
    const into = leads.get(tier.key) ?? [];
    // How an area of this tier came into the system: through the upper area that its coverage names, else
    // through the binding as a whole; a tier the organization uses directly has no lead.
    const leadFor = (areaKey: string) =>
      (into.find((l) => l.covers?.includes(areaKey)) ?? into.find((l) => l.covers === null))?.trail ?? [];
    const step = (area: AreaDto | null, party: string): ProvenanceStep => ({
      tier: tier.key,
      provider: tier.service.provider.name,
      service: tier.service.name,
      serviceSlug: tier.service.slug,
      area: area?.name ?? null,
      areaKey: area?.key ?? null,
      party,
      partyName: parties.find((p) => p.key === party)?.name ?? party,
    });
    const carrierFor = (role: PartyRoleValue, key: string, name: string): Carrier => {
      if (role === "provider") return { kind: "provider", tier: tier.key, name: tier.service.provider.name };
      if (role === "customer") return customer;
      const binding = bindingOf(tier.key, key);
      return binding
        ? { kind: "delegated", tier: tier.key, party: key, name, lowerTier: binding.lowerTier }
        : { kind: "unbound", tier: tier.key, party: key, name };
    };
    for (const binding of bindings.filter((b) => b.upperTier === tier.key))
      addLead(binding.lowerTier, { covers: null, trail: [...leadFor(""), step(null, binding.party)] });

    const unbound = new Map<string, string[]>();
    const areas = allAreas(tier).map(({ area, overridden, crossCutting }): DerivedArea => {
      const carriers = area.parties.length ? area.parties : defaultParties(area.assignment, parties);
      const lead = leadFor(area.key);
      const duties: DerivedDuty[] = [];
      for (const party of parties) {
        const cell = area.cells.find((c) => c.party === party.key);
        const carries = carriers.includes(party.key);
        // Without a model's change the matrix's cells stand (a best-effort area keeps the customer's
        // duties); a third party's cell, and anything a model moved away, count only where it carries.
        const applies = carries || (!overridden && party.role !== "third-party");
        if (!applies || cell?.notApplicable) continue;
        const listed = (cell?.duties ?? []).filter((d) => d.strength !== "excluded");
        if (listed.length === 0 && !carries) continue;
        const carrier = carrierFor(party.role, party.key, party.name);
        const trail = [...lead, step(area, party.key)];
        if (listed.length === 0)
          duties.push({ text: area.name, strength: "must", carrier, provenance: trail, implicit: true, position: 0 });
        listed.forEach((duty, position) =>
          duties.push({
            text: duty.text,
            strength: duty.strength as DerivedDuty["strength"],
            carrier,
            provenance: trail,
            implicit: false,
            position,
          }),
        );
        if (carrier.kind === "delegated") {
          const covers = bindingOf(tier.key, party.key)!.coverage[area.key] ?? [];
          if (covers.length === 0)
            gaps.push({
              kind: "not-covered",
              tier: tier.key,
              area: area.key,
              areaName: area.name,
              lowerTier: carrier.lowerTier,
            });
          else addLead(carrier.lowerTier, { covers, trail });
        }
        if (carrier.kind === "unbound") unbound.set(party.key, [...(unbound.get(party.key) ?? []), area.key]);
      }
      if (carriers.length === 0 && area.assignment !== "n/a")
        gaps.push({ kind: "nobody", tier: tier.key, area: area.key, areaName: area.name });
      return {
        tier: tier.key,
        key: area.key,
        name: area.name,
        crossCutting,
        assignment: area.assignment,
        overridden,
        duties,
      };
    });
    for (const [party, keys] of unbound)
      gaps.push({
        kind: "unbound-third-party",
        tier: tier.key,
        party,
        partyName: parties.find((p) => p.key === party)?.name ?? party,
        areas: keys,
      });
    return { key: tier.key, customer, boundFrom: from ? { tier: from.upperTier, party: from.party } : null, areas };
  });
  return { tiers: resolvedTiers, gaps };

  function addLead(tier: string, lead: Lead) {
    leads.set(tier, [...(leads.get(tier) ?? []), lead]);
  }
}

export interface SystemCounts {
  /** Every duty of every tier once: the parts below add up to it. */
  total: number;
  organization: number;
  /** By provider name, in stack order. */
  providers: { name: string; duties: number }[];
  /** Handed to a lower tier by a binding (that tier's own duties are counted where they land). */
  delegated: number;
  unbound: number;
}

export function countSystem(system: ResolvedSystem): SystemCounts {
  const counts: SystemCounts = { total: 0, organization: 0, providers: [], delegated: 0, unbound: 0 };
  for (const duty of system.tiers.flatMap((t) => t.areas.flatMap((a) => a.duties))) {
    counts.total += 1;
    const carrier = duty.carrier;
    if (carrier.kind === "organization") counts.organization += 1;
    else if (carrier.kind === "delegated") counts.delegated += 1;
    else if (carrier.kind === "unbound") counts.unbound += 1;
    else {
      const entry = counts.providers.find((p) => p.name === carrier.name);
      if (entry) entry.duties += 1;
      else counts.providers.push({ name: carrier.name, duties: 1 });
    }
  }
  return counts;
}
