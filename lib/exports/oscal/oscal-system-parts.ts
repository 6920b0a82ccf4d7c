// The parts of a system's SSP (see oscal-system-ssp.ts): names, the tracking status as OSCAL's
// implementation status, provenance in words, the tiers as components, and one implemented
// requirement per area of a tier.
import {
  crossCuttingAreaKey,
  isOverdue,
  obligationKey,
  trackingStatusLabels,
  type TrackedObligation,
  type TrackingStatus,
} from "@/lib/model/obligation-tracking";
import type { DerivedArea, DerivedDuty, ProvenanceStep, SystemGap } from "@/lib/model/system-resolution";
import type { PartyDto } from "@/lib/validation/api";
import { given, oneLine, prop, some } from "./oscal-common";
import { controlId } from "./oscal-ids";
import { origination } from "./oscal-obligations-parts";
import type {
  OscalByComponent,
  OscalImplementedRequirement,
  OscalInherited,
  OscalLink,
  OscalResponsibleRole,
  OscalSatisfied,
} from "./oscal-types";
import { areaName, demarcUuid, dutyName, partyName } from "./uuids";

/** One tier as the plan names it (taken from the system's loaded tiers). */
export interface PlanTier {
  key: string;
  providerSlug: string;
  providerName: string;
  serviceSlug: string;
  serviceName: string;
  modelName: string | null;
  parties: readonly PartyDto[];
  /** Area names by key, the service's and the provider's cross-cutting ones. */
  areaNames: ReadonlyMap<string, string>;
  componentUuid: string;
}

/** What every requirement needs: names, the tiers and parties, the tracked obligations and the gaps. */
export interface PlanContext {
  /** The prefix of every name in the plan: `organization:<org>:system:<slug>`. */
  plan: string;
  organization: { name: string; partyUuid: string };
  thisSystem: string;
  tiers: ReadonlyMap<string, PlanTier>;
  obligations: readonly TrackedObligation[];
  gaps: readonly SystemGap[];
  /** The names of the lower areas that cover an upper area a binding delegates, by `<upper tier>:<area key>`. */
  coverage: ReadonlyMap<string, readonly string[]>;
  /** Owner's party UUID and name by user id. */
  owners: ReadonlyMap<string, { uuid: string; name: string }>;
  today: string;
}

// OSCAL leaves `provided-uuid` and `responsibility-uuid` optional (an implicit duty, or a customer duty
// the upper provider carries, is in no provider SSP's export) and gives `satisfied` links; oscal-types.ts
// requires them, as the other plans always have them, so this plan's entries loosen those types.
export type SystemInherited = Omit<OscalInherited, "provided-uuid"> & { "provided-uuid"?: string };
export type SystemSatisfied = Omit<OscalSatisfied, "responsibility-uuid"> & {
  "responsibility-uuid"?: string;
  links?: OscalLink[];
};
type SystemByComponent = Omit<OscalByComponent, "inherited" | "satisfied"> & {
  inherited?: SystemInherited[];
  satisfied?: SystemSatisfied[];
};
export type SystemRequirement = Omit<OscalImplementedRequirement, "by-components"> & {
  "by-components"?: SystemByComponent[];
};

type AreaGap = Extract<SystemGap, { area: string }>;

/** The gaps of one area: nobody carries it, or its delegation is covered by no lower area. */
const areaGaps = (context: PlanContext, tier: string, area: string): AreaGap[] =>
  context.gaps.filter((g): g is AreaGap => g.kind !== "unbound-third-party" && g.tier === tier && g.area === area);

export const planUuid = (context: Pick<PlanContext, "plan">, name: string) => demarcUuid(`${context.plan}:${name}`);

export const providerPartyUuid = (provider: string, party: string) => demarcUuid(partyName(provider, party));

/** "Contain Platform" (a service's name often starts with its provider's already), else "Provider: Service". */
export function serviceTitle(tier: Pick<PlanTier, "providerName" | "serviceName">): string {
  const own = tier.serviceName.toLowerCase().startsWith(tier.providerName.toLowerCase());
  return oneLine(own ? tier.serviceName : `${tier.providerName}: ${tier.serviceName}`);
}

export type ImplementationState = "implemented" | "partial" | "planned" | "alternative" | "not-applicable";

/**
 * A tracking status as one of OSCAL's core implementation states (the schema allows any token, but
 * tools read these five). open → planned: the duty is on the organization's plan and nothing is done
 * yet; OSCAL has no "not started", and "partial" would claim part is done. in-progress → partial: the
 * work has begun. risk-accepted → alternative: the only core token for a requirement met otherwise than
 * as written; the remarks say it is a risk acceptance, by whom and why, and the `tracking-status` prop
 * keeps the exact status.
 */
export const implementationStates: Record<TrackingStatus, ImplementationState> = {
  open: "planned",
  planned: "planned",
  "in-progress": "partial",
  implemented: "implemented",
  "not-applicable": "not-applicable",
  "risk-accepted": "alternative",
};

/** One state for the organization's part of an area: the common one, or partial for a mix. */
function combinedState(states: readonly ImplementationState[]): ImplementationState {
  const applicable = states.filter((state) => state !== "not-applicable");
  if (applicable.length === 0) return "not-applicable";
  return applicable.every((state) => state === applicable[0]) ? applicable[0]! : "partial";
}

/** "tier platform: Contain › Contain Platform › Kubernetes control plane › Hyperscaler → tier cloud: …". */
export function trailText(steps: readonly ProvenanceStep[]): string {
  return steps
    .map((s) => `tier ${s.tier}: ${s.provider} › ${s.service} › ${s.area ?? "the binding as a whole"} › ${s.partyName}`)
    .join(" → ");
}

const implicitRemarks = "The model names the party for the area but lists no duty: the area itself is the duty";

type DutyLike = Pick<DerivedDuty, "text" | "position" | "implicit" | "provenance">;

/**
 * The duty's UUID in its provider's own SSP (`export.provided` or `export.responsibilities`, see
 * oscal-requirements.ts), or undefined for an implicit duty, which that SSP does not list. Named by
 * text and occurrence in the cell; the occurrence is counted among the duties the cell has here, which
 * differs only if an excluded duty repeats the words of one that is not.
 */
function exportedDutyUuid(context: PlanContext, area: DerivedArea, duty: DutyLike): string | undefined {
  const step = duty.provenance.at(-1)!;
  const tier = context.tiers.get(step.tier)!;
  if (duty.implicit || !step.areaKey) return undefined;
  const sameCell = area.duties.filter((d) => !d.implicit && d.provenance.at(-1)!.party === step.party);
  const occurrence = sameCell.filter((d) => d.text === duty.text && d.position < duty.position).length + 1;
  const service = area.crossCutting ? null : step.serviceSlug;
  return demarcUuid(dutyName(areaName(tier.providerSlug, service, step.areaKey), step.party, duty.text, occurrence));
}

const roleOf = (context: PlanContext, step: ProvenanceStep) =>
  context.tiers.get(step.tier)!.parties.find((p) => p.key === step.party)?.role;

const providerRoles = (tier: PlanTier): OscalResponsibleRole[] => {
  const uuids = tier.parties
    .filter((p) => p.role === "provider")
    .map((p) => providerPartyUuid(tier.providerSlug, p.key));
  return uuids.length ? [{ "role-id": "provider", "party-uuids": uuids }] : [];
};

/** Who carries a duty the organization does not: the tier whose component it is inherited from. */
function carryingTier(context: PlanContext, duty: DerivedDuty): PlanTier | null {
  const { carrier } = duty;
  if (carrier.kind === "provider") return context.tiers.get(carrier.tier)!;
  if (carrier.kind === "delegated") return context.tiers.get(carrier.lowerTier)!;
  return null;
}

function inherited(context: PlanContext, name: string, area: DerivedArea, duty: DerivedDuty): SystemInherited {
  const tier = carryingTier(context, duty)!;
  const step = duty.provenance.at(-1)!;
  const trail = trailText(duty.provenance);
  // Only what the tier's model lists for its provider or a third party is exported as provided; a
  // customer duty carried by the upper provider (it holds the contract) is a responsibility there.
  const provided = roleOf(context, step) === "customer" ? undefined : exportedDutyUuid(context, area, duty);
  const covering = context.coverage.get(`${step.tier}:${area.key}`) ?? [];
  const who =
    duty.carrier.kind === "delegated"
      ? `${serviceTitle(tier)} (tier ${tier.key}) carries it for ${duty.carrier.name} under the binding, by its areas ${covering.join(", ")}`
      : `${tier.providerName} (tier ${tier.key}) carries it`;
  return {
    uuid: demarcUuid(
      `${name}:inherited:${obligationKey({ tier: step.tier, area: step.areaKey ?? "", party: step.party, position: duty.position })}`,
    ),
    ...given("provided-uuid", provided),
    description: `${duty.text}\n\n${who}. Trail: ${trail}.`,
    props: [
      ...prop("carrier", duty.carrier.kind),
      ...prop("carried-by", tier.providerName),
      ...prop("duty-strength", duty.strength),
      ...prop("provenance", trail),
      ...(duty.implicit ? prop("implicit", "yes", { remarks: implicitRemarks }) : []),
    ],
    "responsible-roles": providerRoles(tier),
  };
}

function satisfied(context: PlanContext, name: string, area: DerivedArea, o: TrackedObligation): SystemSatisfied {
  const record = o.record;
  const owner = record?.ownerId ? context.owners.get(record.ownerId) : undefined;
  const trail = trailText(o.provenance);
  const remarks = [
    `Status: ${trackingStatusLabels[o.status]}.`,
    o.review && record
      ? `Changed by the provider — review: the status was recorded against “${record.dutyText}”.`
      : null,
    record?.reason ? `${o.status === "risk-accepted" ? "Risk accepted because" : "Reason"}: ${record.reason}` : null,
    record?.approver ? `Approved by: ${record.approver}` : null,
    owner ? `Owner: ${owner.name}` : null,
    record?.dueDate ? `Due: ${record.dueDate}${isOverdue(o, context.today) ? " (overdue)" : ""}` : null,
    record?.notes ? `Notes: ${record.notes}` : null,
  ];
  return {
    uuid: demarcUuid(`${name}:satisfied:${o.key}`),
    ...given("responsibility-uuid", exportedDutyUuid(context, area, o)),
    description: o.text,
    props: [
      ...prop("tracking-status", o.status),
      ...prop("implementation-status", implementationStates[o.status]),
      ...prop("duty-strength", o.strength),
      ...prop("provenance", trail),
      ...prop("due-date", record?.dueDate),
      ...(isOverdue(o, context.today) ? prop("overdue", "yes") : []),
      ...(o.review ? prop("review", "changed-by-provider", { remarks: "Changed by the provider — review" }) : []),
      ...(o.implicit ? prop("implicit", "yes", { remarks: implicitRemarks }) : []),
    ],
    ...some(
      "links",
      (record?.evidenceLinks ?? []).map((href): OscalLink => ({ href, rel: "evidence" })),
    ),
    "responsible-roles": [
      { "role-id": "customer", "party-uuids": [context.organization.partyUuid] },
      ...(owner ? [{ "role-id": "obligation-owner", "party-uuids": [owner.uuid] }] : []),
    ],
    remarks: remarks.filter(Boolean).join("\n\n"),
  };
}

/** The area's obligations by status, and why any is settled without being done (and who accepted a risk). */
function statusRemarks(obligations: readonly TrackedObligation[]): string {
  const statuses = [...new Set(obligations.map((o) => o.status))];
  const counts = statuses.map((s) => `${obligations.filter((o) => o.status === s).length} ${trackingStatusLabels[s]}`);
  const reasons = obligations.flatMap(({ text, status, record }) => {
    if (!record?.reason) return [];
    const approved = record.approver ? ` Approved by ${record.approver}.` : "";
    return [`- ${text} — ${trackingStatusLabels[status]}: ${record.reason}${approved}`];
  });
  return [`Obligations: ${counts.join(", ").toLowerCase()}.`, reasons.join("\n")].filter(Boolean).join("\n\n");
}

/** What nobody in the system carries, in words, with each duty's trail. */
function gapRemarks(context: PlanContext, tier: PlanTier, area: DerivedArea, uncarried: DerivedDuty[]): string[] {
  return [
    ...areaGaps(context, tier.key, area.key).map((g) =>
      g.kind === "nobody"
        ? "Gap: the model names nobody for this area, so nobody in this system carries it."
        : `Gap: the binding hands this area to tier ${g.lowerTier}, but none of its areas covers it.`,
    ),
    ...(uncarried.length
      ? [
          "Carried by nobody in this system:\n\n" +
            uncarried.map((d) => `- ${d.text} (${d.carrier.kind}; trail: ${trailText(d.provenance)})`).join("\n"),
        ]
      : []),
  ];
}

/** Whether an area goes into the plan: it has a duty, or it is a gap an auditor must see. */
export const planned = (context: PlanContext, tier: string, area: DerivedArea) =>
  area.duties.length > 0 || areaGaps(context, tier, area.key).some((g) => g.kind === "nobody");

/**
 * One area of one tier: the organization's part (this-system) satisfies its obligations, with their
 * tracked status; each tier that carries a duty (its provider, the upper provider holding its contract,
 * or the lower tier a third party is bound to) is a by-component whose entries are inherited.
 */
export function systemRequirement(context: PlanContext, tierKey: string, area: DerivedArea): SystemRequirement {
  const tier = context.tiers.get(tierKey)!;
  const trackedArea = area.crossCutting ? crossCuttingAreaKey(area.key) : area.key;
  const name = `${context.plan}:tier:${tier.key}:area:${trackedArea}`;
  const gaps = areaGaps(context, tier.key, area.key);
  const notCovered = gaps.some((g) => g.kind === "not-covered");
  const isGap = (d: DerivedDuty) => d.carrier.kind === "unbound" || (d.carrier.kind === "delegated" && notCovered);
  const uncarried = area.duties.filter(isGap);

  const obligations = context.obligations.filter((o) => o.tier === tier.key && o.area === trackedArea);
  const states = obligations.map((o) => implementationStates[o.status]);
  const own: SystemByComponent[] = obligations.length
    ? [
        {
          "component-uuid": context.thisSystem,
          uuid: demarcUuid(`${name}:by-component:this-system`),
          description: `${context.organization.name}'s part: what the stack leaves to it in this area, as tracked.`,
          props: origination("system-specific", obligations),
          "implementation-status": { state: combinedState(states), remarks: statusRemarks(obligations) },
          satisfied: obligations.map((o) => satisfied(context, name, area, o)),
        },
      ]
    : [];

  // One by-component per carrying tier (OSCAL wants a component once per requirement), in stack order.
  const carried = area.duties.filter((d) => !isGap(d) && carryingTier(context, d));
  const carriers = [...context.tiers.values()].filter((t) => carried.some((d) => carryingTier(context, d) === t));
  const others = carriers.map((carrier): SystemByComponent => {
    const entries = carried.filter((d) => carryingTier(context, d) === carrier);
    return {
      "component-uuid": carrier.componentUuid,
      uuid: demarcUuid(`${name}:by-component:tier:${carrier.key}`),
      description: `What ${serviceTitle(carrier)} (tier ${carrier.key}) carries in this area, inherited by the system.`,
      props: origination("inherited", entries),
      inherited: entries.map((d) => inherited(context, name, area, d)),
    };
  });

  // The area's gaps as props, so a tool can list what nobody carries; the remarks say it in words.
  const gapKinds = new Set([
    ...gaps.map((g) => g.kind),
    ...uncarried.map((d) => (d.carrier.kind === "unbound" ? "unbound-third-party" : "not-covered")),
  ]);
  return {
    uuid: demarcUuid(name),
    "control-id": controlId(area.crossCutting ? null : tier.serviceSlug, area.key),
    props: [
      ...prop("tier", tier.key),
      ...prop("provider", tier.providerSlug),
      ...(area.crossCutting ? prop("cross-cutting", "yes") : prop("service", tier.serviceSlug)),
      ...prop("area", area.name),
      ...prop("assignment", area.assignment),
      ...(area.overridden ? prop("deployment-model-changed", "yes") : []),
      ...[...gapKinds].flatMap((kind) => prop("gap", kind)),
    ],
    ...some("by-components", [...own, ...others]),
    ...given("remarks", gapRemarks(context, tier, area, uncarried).join("\n\n")),
  };
}
