// A customer's system (a stack of cloud services, lib/model/system-resolution.ts) with the tracking of
// its obligations, as an OSCAL 1.2.2 system security plan from the customer's side. Pure.
//
// Components: this-system is the organization's own part; each tier is a component of type "service"
// (external), the service as the organization (or the tier above, holding its contract) uses it. Each
// area of a tier with a duty, or that nobody carries, is one implemented requirement whose control id is
// the provider catalog's (`controlId`). In it the organization's part `satisfied`s its obligations, with
// their tracked status (oscal-system-parts.ts: `implementationStates`), owner, evidence links and notes;
// every other duty is `inherited` from the tier that carries it, with its provenance trail; duties
// nobody carries (an unbound third party, an area no lower area covers) are props and remarks, since
// OSCAL has no entry for work nobody does. Where the duty is listed in its provider's own SSP
// (oscal-ssp.ts), `provided-uuid` / `responsibility-uuid` point at it there.
//
// No leveraged-authorizations, as in the obligations SSP (oscal-obligations-ssp.ts): each needs a
// `date-authorized`, and a published responsibility model is not an authorization. The tier components
// and their provider parties say what is leveraged; the back matter names the catalogs.
//
// Deterministic: every UUID is name-based under `organization:<org>:system:<slug>`, tiers and areas by
// key; the document's from the content itself, so the same data gives the same file and any change a new
// UUID. Only `generatedAt`, when given, adds the `published` date (not part of the document's UUID).
import { AppError } from "@/lib/errors";
import type { ResolvedSystem } from "@/lib/model/system-resolution";
import type { SystemTrackingView } from "@/lib/systems/get-system-tracking";
import type { LoadedTier } from "@/lib/systems/load-system-tiers";
import { given, oneLine, oscalVersion, prop } from "./oscal-common";
import { organizationName, organizationPartyUuid, roleDescriptions, roleTitles } from "./oscal-obligations-parts";
import {
  planned,
  planUuid,
  providerPartyUuid,
  serviceTitle,
  systemRequirement,
  type PlanContext,
  type PlanTier,
  type SystemRequirement,
} from "./oscal-system-parts";
import type { OscalComponent, OscalMetadata, OscalParty, OscalSystemSecurityPlan } from "./oscal-types";
import { demarcOscalNs, demarcUuid } from "./uuids";

/** An OSCAL SSP whose requirements loosen two of oscal-types.ts's (see `SystemRequirement`). */
export interface SystemSspDocument {
  "system-security-plan": Omit<OscalSystemSecurityPlan, "control-implementation"> & {
    "control-implementation": { description: string; "implemented-requirements": SystemRequirement[] };
  };
}

type Plan = SystemSspDocument["system-security-plan"];

function planTier(context: Pick<PlanContext, "plan">, loaded: LoadedTier): PlanTier {
  const input = loaded.input;
  // Tracking exists only for a system whose every service resolved (see getSystem), so this is a bug.
  if (!input) throw new Error(`Tier "${loaded.tier.key}" has no service, yet the system was tracked.`);
  const { service } = input;
  const areas = [...service.areas, ...(input.crossCuttingAreas ?? [])];
  return {
    key: loaded.tier.key,
    providerSlug: service.provider.slug,
    providerName: service.provider.name,
    serviceSlug: service.slug,
    serviceName: service.name,
    modelName: loaded.modelName,
    parties: service.parties,
    areaNames: new Map(areas.map((area) => [area.key, area.name])),
    // Named by the tier and its service too: another service in the same tier is another component.
    componentUuid: planUuid(context, `tier:${loaded.tier.key}:${service.provider.slug}:${service.slug}`),
  };
}

/** The organization, each provider's own and third parties (once per provider), and the obligations' owners. */
function rolesAndParties(view: SystemTrackingView, context: PlanContext) {
  // Keyed by provider and party: two tiers of one provider name its parties once.
  const providerParties = new Map<string, { role: "provider" | "third-party"; party: OscalParty }>();
  for (const tier of context.tiers.values())
    for (const party of tier.parties)
      if (party.role !== "customer")
        providerParties.set(`${tier.providerSlug}:${party.key}`, {
          role: party.role,
          party: {
            uuid: providerPartyUuid(tier.providerSlug, party.key),
            type: "organization",
            name: oneLine(party.name),
            props: [...prop("provider", tier.providerSlug), ...prop("party-key", party.key)],
            ...given("remarks", party.description),
          },
        });
  const others = [...providerParties.values()];
  const owners = [...context.owners.values()];
  const held = {
    customer: [context.organization.partyUuid],
    provider: others.filter((p) => p.role === "provider").map((p) => p.party.uuid),
    "third-party": others.filter((p) => p.role === "third-party").map((p) => p.party.uuid),
    "obligation-owner": owners.map((owner) => owner.uuid),
  };
  const roles = (Object.keys(held) as (keyof typeof held)[]).filter((role) => held[role].length > 0);
  const parties: OscalParty[] = [
    {
      uuid: context.organization.partyUuid,
      type: "organization",
      name: oneLine(view.system.organization.name),
      props: prop("organization", view.system.organization.slug),
    },
    ...others.map(({ party }) => party),
    ...owners.map((owner): OscalParty => ({ uuid: owner.uuid, type: "person", name: oneLine(owner.name) })),
  ];
  return {
    roles: roles.map((role) =>
      role === "obligation-owner"
        ? { id: role, title: "Obligation owner", description: "A member of the organization who owns an obligation." }
        : role === "customer"
          ? { id: role, title: roleTitles.customer, description: "The organization, whose system this is." }
          : { id: role, title: roleTitles[role], description: roleDescriptions[role] },
    ),
    parties,
    "responsible-parties": roles.map((role) => ({ "role-id": role, "party-uuids": held[role] })),
  } satisfies Pick<OscalMetadata, "roles" | "parties" | "responsible-parties">;
}

/** The stack in words: tiers top to bottom with their deployment models, then the bindings. */
function stackText(view: SystemTrackingView, context: PlanContext): string {
  const tier = (key: string) => context.tiers.get(key)!;
  const named = (key: string) => `${serviceTitle(tier(key))} (tier ${key})`;
  const tiers = view.system.tiers.map(({ tier: { key } }, i) => {
    const model = tier(key).modelName;
    return `${i + 1}. ${named(key)}, ${model ? `deployment model ${model}` : "the service's default responsibilities"}.`;
  });
  const bindings = view.system.bindings.map((b) => {
    const party = tier(b.upperTier).parties.find((p) => p.key === b.party)?.name ?? b.party;
    const holder = b.contractHolder === "organization" ? view.system.organization.name : tier(b.upperTier).providerName;
    const coverage = Object.entries(b.coverage).map(
      ([upper, lower]) =>
        `${tier(b.upperTier).areaNames.get(upper) ?? upper} by ${lower.map((key) => tier(b.lowerTier).areaNames.get(key) ?? key).join(", ") || "nothing"}`,
    );
    return (
      `- ${party}, a third party of ${named(b.upperTier)}, is carried by ${named(b.lowerTier)}; ${holder} holds its contract.` +
      (coverage.length ? ` Covered: ${coverage.join("; ")}.` : "")
    );
  });
  return [
    `The stack, top to bottom:\n\n${tiers.join("\n")}`,
    bindings.length
      ? `Bindings:\n\n${bindings.join("\n")}`
      : "No binding: every tier is used by the organization directly.",
  ].join("\n\n");
}

function systemCharacteristics(view: SystemTrackingView, context: PlanContext): Plan["system-characteristics"] {
  const { system } = view;
  const unbound = context.gaps.filter((g) => g.kind === "unbound-third-party");
  const retired = view.tracked?.retired ?? [];
  const remarks = [
    ...unbound.map(
      (g) => `Gap: ${g.partyName}, a third party of tier ${g.tier}, is bound to no tier; nobody carries its duties.`,
    ),
    retired.length
      ? `Retired records (their duty is no longer the organization's):\n\n${retired.map((r) => `- ${r.dutyText} (tier ${r.tier}, ${r.status})`).join("\n")}`
      : null,
  ];
  return {
    "system-ids": [
      { "identifier-type": "https://ietf.org/rfc/rfc4122", id: planUuid(context, "system") },
      { "identifier-type": `${demarcOscalNs}/system`, id: `${system.organization.slug}/${system.slug}` },
    ],
    "system-name": oneLine(system.name),
    description: [
      system.description?.trim() || `${system.organization.name}'s system ${system.name}.`,
      stackText(view, context),
    ].join("\n\n"),
    props: [...prop("organization", system.organization.slug), ...prop("system", system.slug)],
    "security-sensitivity-level": "not-categorized",
    "system-information": {
      "information-types": [
        {
          uuid: planUuid(context, "information-type:organization-content"),
          title: `${oneLine(system.organization.name)}'s content`,
          description: `Whatever ${system.organization.name} stores or processes in this system; its categorisation is the organization's to make.`,
        },
      ],
    },
    status: { state: "operational" },
    "authorization-boundary": {
      description: `What ${system.organization.name} runs and decides itself in ${system.name}. The services of the stack are outside: external components whose duties it inherits.`,
    },
    ...given("remarks", remarks.filter(Boolean).join("\n\n")),
  };
}

function components(view: SystemTrackingView, context: PlanContext, resolved: ResolvedSystem): OscalComponent[] {
  const thisSystem: OscalComponent = {
    uuid: context.thisSystem,
    type: "this-system",
    title: oneLine(`${view.system.organization.name}: its own part of ${view.system.name}`),
    description: `What ${view.system.organization.name} does itself: the duties the stack leaves to it, satisfied in each implemented requirement.`,
    status: { state: "operational" },
    "responsible-roles": [{ "role-id": "customer", "party-uuids": [context.organization.partyUuid] }],
  };
  const tiers = resolved.tiers.map(({ key, customer }): OscalComponent => {
    const tier = context.tiers.get(key)!;
    const holder = customer.kind === "provider" ? customer.name : view.system.organization.name;
    const providers = tier.parties
      .filter((p) => p.role === "provider")
      .map((p) => providerPartyUuid(tier.providerSlug, p.key));
    return {
      uuid: tier.componentUuid,
      type: "service",
      title: serviceTitle(tier),
      description: `Tier ${tier.key} of the stack: ${tier.serviceName} by ${tier.providerName}${tier.modelName ? `, deployment model ${tier.modelName}` : ""}. ${holder} holds its contract.`,
      props: [
        { name: "implementation-point", value: "external" },
        ...prop("tier", tier.key),
        ...prop("provider", tier.providerSlug),
        ...prop("service", tier.serviceSlug),
        ...prop("deployment-model", view.system.tiers.find((t) => t.tier.key === tier.key)?.tier.model),
      ],
      status: { state: "operational" },
      ...(providers.length ? { "responsible-roles": [{ "role-id": "provider", "party-uuids": providers }] } : {}),
    };
  });
  return [thisSystem, ...tiers];
}

/**
 * The system's SSP. Throws AppError CONFLICT while the system no longer fits its services (`tracked` is
 * null): who carries what cannot be said until it is fixed in the editor.
 */
export function toSystemOscalSsp(view: SystemTrackingView, options: { generatedAt?: Date } = {}): SystemSspDocument {
  const { system, tracked } = view;
  if (!tracked || !system.resolved)
    throw new AppError(
      "CONFLICT",
      [
        `“${system.name}” no longer fits its services, so who carries what cannot be exported.`,
        ...system.problems.map((problem) => problem.message),
        "Fix it in the editor, then export it again.",
      ].join(" "),
    );
  const org = system.organization.slug;
  const plan = `${organizationName(org)}:system:${system.slug}`;
  const usedOwners = new Set(tracked.obligations.flatMap((o) => (o.record?.ownerId ? [o.record.ownerId] : [])));
  const tiers = new Map(system.tiers.map((loaded) => [loaded.tier.key, planTier({ plan }, loaded)]));
  const context: PlanContext = {
    plan,
    organization: { name: system.organization.name, partyUuid: organizationPartyUuid(org) },
    thisSystem: demarcUuid(`${plan}:component:this-system`),
    tiers,
    obligations: tracked.obligations,
    gaps: system.resolved.gaps,
    owners: new Map(
      view.owners
        .filter((owner) => usedOwners.has(owner.id))
        .map((owner) => [
          owner.id,
          { uuid: demarcUuid(`${organizationName(org)}:user:${owner.id}`), name: owner.name },
        ]),
    ),
    coverage: new Map(
      system.bindings.flatMap((b) =>
        Object.entries(b.coverage).map(([upper, lower]): [string, string[]] => [
          `${b.upperTier}:${upper}`,
          lower.map((key) => tiers.get(b.lowerTier)?.areaNames.get(key) ?? key),
        ]),
      ),
    ),
    today: view.today,
  };
  const requirements = system.resolved.tiers.flatMap((tier) =>
    tier.areas
      .filter((area) => planned(context, tier.key, area))
      .map((area) => systemRequirement(context, tier.key, area)),
  );
  if (requirements.length === 0)
    throw new AppError(
      "INVALID_INPUT",
      `“${system.name}” has no responsibility area, and an OSCAL system security plan needs at least one.`,
    );
  const catalogs = planUuid(context, "resource:catalogs");
  const body: Omit<Plan, "uuid"> = {
    metadata: {
      title: oneLine(`${system.organization.name}: ${system.name}`),
      "last-modified": system.updatedAt.toISOString(),
      version: String(system.version),
      "oscal-version": oscalVersion,
      props: [...prop("organization", org), ...prop("system", system.slug)],
      ...rolesAndParties(view, context),
      remarks: `Generated by Demarc from the published shared responsibility models of the services in ${system.name}, with ${system.organization.name}'s tracking of its obligations; not an authorization package.`,
    },
    "import-profile": {
      href: `#${catalogs}`,
      remarks:
        "One catalog per service of the stack, described by this back-matter resource; OSCAL allows one href here.",
    },
    "system-characteristics": systemCharacteristics(view, context),
    "system-implementation": { components: components(view, context, system.resolved) },
    "control-implementation": {
      description: `For each responsibility area of each tier: what ${system.organization.name} does itself and how far it has got, what it inherits from the services of the stack, and what nobody carries.`,
      "implemented-requirements": requirements,
    },
    "back-matter": {
      resources: [
        {
          uuid: catalogs,
          title: "The services' catalogs",
          description: `This plan's control ids are those of Demarc's OSCAL catalogs of ${[...context.tiers.values()].map(serviceTitle).join("; ")}: a control id is the service's slug (or cross-cutting) and the area's key.`,
        },
      ],
    },
  };
  const uuid = demarcUuid(`${plan}:system-security-plan:${JSON.stringify(body)}`);
  const { title, ...metadata } = body.metadata;
  const published = options.generatedAt ? { published: options.generatedAt.toISOString() } : {};
  return { "system-security-plan": { uuid, ...body, metadata: { title, ...published, ...metadata } } };
}
