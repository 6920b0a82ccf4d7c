// The parts of an organization's "My obligations" SSP (see oscal-obligations-ssp.ts): names, roles and
// parties, the components, and one implemented requirement per responsibility area.
import type { MatrixRow } from "@/lib/model/area-text";
import { partyRoles, type PartyRoleValue } from "@/lib/domain/assignment";
import type { ProviderExport } from "@/lib/exports/export-model";
import type { PartyDto } from "@/lib/validation/api";
import {
  areaRemarks,
  assignmentSentence,
  given,
  involvedParties,
  oneLine,
  partyUuid,
  prop,
  some,
} from "./oscal-common";
import { controlId } from "./oscal-ids";
import { cellRemarks, exportedDuties, thirdPartyComponentUuid } from "./oscal-requirements";
import type {
  OscalByComponent,
  OscalComponent,
  OscalImplementedRequirement,
  OscalInherited,
  OscalMetadata,
  OscalProperty,
  OscalResponsibleRole,
  OscalSatisfied,
} from "./oscal-types";
import { thisSystemComponentUuid } from "./oscal-ssp";
import { areaName, demarcUuid, partyName, providerName } from "./uuids";

export interface ObligationsOrganization {
  name: string;
  /** Part of every UUID of the plan. */
  slug: string;
}

// Names. Everything in the plan is named under the organization's plan, so two organizations' plans
// share no UUID and neither shares one with a provider's own files; the parties are the exception, as
// the same party is the same subject in every file. No name holds a version: a new provider version
// keeps every inner UUID, and only the document's changes.

export const organizationName = (org: string) => `organization:${org}`;

export const planName = (org: string) => `${organizationName(org)}:obligations`;

export const planUuid = (org: string, name: string) => demarcUuid(`${planName(org)}:${name}`);

export const organizationPartyUuid = (org: string) => demarcUuid(organizationName(org));

export const providerComponentUuid = (org: string, data: ProviderExport) =>
  planUuid(org, `${providerName(data.provider.slug)}:component`);

export const thirdPartyUuid = (org: string, data: ProviderExport, party: string) =>
  planUuid(org, `${partyName(data.provider.slug, party)}:component`);

/** The provider SSP's own system component (named as in oscal-ssp.ts), which the provider's component here stands for. */
export const catalogResourceUuid = (org: string, data: ProviderExport) =>
  planUuid(org, `${providerName(data.provider.slug)}:resource:catalog`);

export const sspResourceUuid = (org: string, data: ProviderExport) =>
  planUuid(org, `${providerName(data.provider.slug)}:resource:system-security-plan`);

// Roles are what a party is in the models (provider, customer, third party), so one role id serves
// every provider; the customer is the organization.

export const roleTitles: Record<PartyRoleValue, string> = {
  provider: "Provider",
  customer: "Customer",
  "third-party": "Third party",
};

export const roleDescriptions: Record<PartyRoleValue, string> = {
  provider: "Each provider, for what its model says it does.",
  customer: "The organization, which is the customer in every provider's model.",
  "third-party": "A third party under a provider (such as a hyperscaler underneath), for what the model says it does.",
};

const partiesWith = (data: ProviderExport, role: PartyRoleValue) =>
  data.provider.parties.filter((party) => party.role === role);

/** The party UUIDs that hold a role for one provider's parties: the organization stands for its customer. */
function holders(org: string, data: ProviderExport, parties: readonly PartyDto[]): Map<PartyRoleValue, string[]> {
  const held = new Map<PartyRoleValue, string[]>();
  for (const party of parties) {
    const uuid = party.role === "customer" ? organizationPartyUuid(org) : partyUuid(data, party.key);
    const list = held.get(party.role) ?? [];
    if (!list.includes(uuid)) held.set(party.role, [...list, uuid]);
  }
  return held;
}

function responsibleRoles(held: ReadonlyMap<PartyRoleValue, string[]>): OscalResponsibleRole[] {
  return partyRoles.flatMap((role) => {
    const uuids = held.get(role) ?? [];
    return uuids.length ? [{ "role-id": role, "party-uuids": uuids }] : [];
  });
}

/** Metadata roles, parties and responsible parties: the organization, then each provider's other parties. */
export function rolesAndParties(
  organization: ObligationsOrganization,
  providers: readonly ProviderExport[],
): Pick<OscalMetadata, "roles" | "parties" | "responsible-parties"> {
  const others = providers.flatMap((data) =>
    data.provider.parties.filter((party) => party.role !== "customer").map((party) => ({ data, party })),
  );
  const used = new Set<PartyRoleValue>(["customer", ...others.map(({ party }) => party.role)]);
  const roles = partyRoles.filter((role) => used.has(role));
  return {
    roles: roles.map((role) => ({
      id: role,
      title: roleTitles[role],
      description: roleDescriptions[role],
    })),
    parties: [
      {
        uuid: organizationPartyUuid(organization.slug),
        type: "organization",
        name: oneLine(organization.name),
        props: prop("organization", organization.slug),
      },
      ...others.map(({ data, party }) => ({
        uuid: partyUuid(data, party.key),
        type: "organization" as const,
        name: oneLine(party.name),
        props: [...prop("provider", data.provider.slug), ...prop("party-key", party.key)],
        ...given("remarks", party.description),
      })),
    ],
    "responsible-parties": roles.map((role) => ({
      "role-id": role,
      "party-uuids":
        role === "customer"
          ? [organizationPartyUuid(organization.slug)]
          : others.filter(({ party }) => party.role === role).map(({ data, party }) => partyUuid(data, party.key)),
    })),
  };
}

/** The provider's system and each third party under it: external, leveraged, pointing at the provider SSP's components. */
export function providerComponents(org: string, data: ProviderExport): OscalComponent[] {
  const { provider, version } = data;
  const roles = (parties: readonly PartyDto[]) => responsibleRoles(holders(org, data, parties));
  // A service's name often starts with the provider's already ("Contain Platform").
  const services = data.services.map((service) => service.name);
  const named = services.length === 1 && services[0]!.toLowerCase().startsWith(provider.name.toLowerCase());
  const system: OscalComponent = {
    uuid: providerComponentUuid(org, data),
    type: "system",
    title: oneLine(named ? services[0]! : services.length ? `${provider.name}: ${services.join(", ")}` : provider.name),
    description:
      `${provider.summary}\n\nThe services used, as ${provider.name} describes them in version ${version.number} ` +
      "of its shared responsibility model; outside this system, which inherits what it provides.",
    props: [
      { name: "implementation-point", value: "external" },
      { name: "inherited-uuid", value: thisSystemComponentUuid(data) },
      { name: "version", value: String(version.number) },
      { name: "release-date", value: version.publishedAt.slice(0, 10) },
      ...prop("provider", provider.slug),
      ...prop("content-hash", version.contentHash),
    ],
    links: [{ href: `#${sspResourceUuid(org, data)}`, rel: "reference", text: "System security plan" }],
    status: { state: "operational" },
    "responsible-roles": roles(partiesWith(data, "provider")),
  };
  const thirdParties = partiesWith(data, "third-party").map((party): OscalComponent => ({
    uuid: thirdPartyUuid(org, data, party.key),
    type: "system",
    title: oneLine(`${party.name} (under ${provider.name})`),
    description: party.description?.trim() || `${party.name}, a third party in ${provider.name}'s model.`,
    props: [
      { name: "implementation-point", value: "external" },
      { name: "inherited-uuid", value: thirdPartyComponentUuid(data, party.key) },
      ...prop("provider", provider.slug),
    ],
    links: [{ href: `#${sspResourceUuid(org, data)}`, rel: "reference", text: "System security plan" }],
    status: { state: "operational" },
    "responsible-roles": roles([party]),
  }));
  return [system, ...thirdParties];
}

const notApplicable = (area: MatrixRow) =>
  area.assignment === "n/a" ? { "implementation-status": { state: "not-applicable" } } : {};

/** OSCAL's `control-origination` for a by-component with entries: its part is the system's own, or inherited. */
export const origination = (value: "system-specific" | "inherited", entries: readonly unknown[]): OscalProperty[] =>
  entries.length ? [{ name: "control-origination", value }] : [];

/**
 * One area of one provider. The organization's part (this-system) satisfies each customer duty, by the
 * UUID the provider's SSP gives it in `export.responsibilities`; the provider's component and each third
 * party's inherit what they do, by the UUIDs of `export.provided` there.
 */
export function obligationsRequirement(options: {
  organization: ObligationsOrganization;
  thisSystem: string;
  data: ProviderExport;
  service: string | null;
  area: MatrixRow;
}): OscalImplementedRequirement {
  const { organization, thisSystem, data, service, area } = options;
  const org = organization.slug;
  const parties = data.provider.parties;
  const provider = data.provider.name;
  const name = `${planName(org)}:${areaName(data.provider.slug, service, area.key)}`;
  const roles = (list: readonly PartyDto[]) => responsibleRoles(holders(org, data, list));
  const inherited = (list: readonly PartyDto[]): OscalInherited[] =>
    list.flatMap((party) =>
      exportedDuties(data, service, area, party.key).map((duty) => ({
        uuid: demarcUuid(`${name}:inherited:${duty.uuid}`),
        "provided-uuid": duty.uuid,
        description: duty.text,
        props: prop("duty-strength", duty.strength),
        "responsible-roles": roles([party]),
      })),
    );
  const customers = partiesWith(data, "customer");
  const satisfied = customers.flatMap((party) =>
    exportedDuties(data, service, area, party.key).map((duty): OscalSatisfied => ({
      uuid: demarcUuid(`${name}:satisfied:${duty.uuid}`),
      "responsibility-uuid": duty.uuid,
      description: duty.text,
      props: prop("duty-strength", duty.strength),
      "responsible-roles": roles([party]),
    })),
  );
  const own: OscalByComponent = {
    "component-uuid": thisSystem,
    uuid: demarcUuid(`${name}:by-component:this-system`),
    description: satisfied.length
      ? `${organization.name}'s part: what ${provider} leaves to its customers in this area.`
      : `${provider}'s model lists no duty for ${organization.name} in this area.`,
    ...some("props", origination("system-specific", satisfied)),
    ...notApplicable(area),
    ...some("satisfied", satisfied),
    ...given("remarks", cellRemarks(area, customers)),
  };
  const providerParties = partiesWith(data, "provider");
  const provided = inherited(providerParties);
  const fromProvider: OscalByComponent = {
    "component-uuid": providerComponentUuid(org, data),
    uuid: demarcUuid(`${name}:by-component:provider`),
    description: `${assignmentSentence(area, parties)} ${
      provided.length
        ? `${organization.name} inherits what ${provider} provides here.`
        : `${provider}'s model lists no duty of its own here.`
    }`,
    ...some("props", origination("inherited", provided)),
    ...notApplicable(area),
    ...some("inherited", provided),
    ...given("remarks", cellRemarks(area, providerParties)),
  };
  const fromThirdParties = partiesWith(data, "third-party")
    .filter((party) => area.cells.some((cell) => cell.party === party.key))
    .map((party): OscalByComponent => {
      const done = inherited([party]);
      return {
        "component-uuid": thirdPartyUuid(org, data, party.key),
        uuid: demarcUuid(`${name}:by-component:party:${party.key}`),
        description: `What ${party.name} does for this area under ${provider}'s model, inherited through ${provider}.`,
        ...some("props", origination("inherited", done)),
        ...some("inherited", done),
        ...given("remarks", cellRemarks(area, [party])),
      };
    });
  return {
    uuid: demarcUuid(name),
    "control-id": controlId(service, area.key),
    props: [
      ...prop("provider", data.provider.slug),
      ...(service === null ? prop("cross-cutting", "yes") : prop("service", service)),
      ...prop("area", area.name),
      ...prop("assignment", area.assignment),
    ],
    ...some("responsible-roles", roles(involvedParties(area, parties))),
    "by-components": [own, fromProvider, ...fromThirdParties],
    ...given("remarks", areaRemarks(area)),
  };
}
