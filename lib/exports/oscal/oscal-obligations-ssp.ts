// An organization's "My obligations" as an OSCAL 1.2.2 system security plan: the leveraging side of
// the providers' SSPs (oscal-ssp.ts), for the services it subscribes to.
//
// The system is the organization's use of those services. Its components:
// - this-system: the organization's own part. In each requirement it `satisfied`s every customer
//   duty, with `responsibility-uuid` = the UUID of that duty in the provider SSP's
//   `export.responsibilities`.
// - one component per provider (type "system", `implementation-point` external): the provider's system
//   as leveraged. `inherited-uuid` is the provider SSP's own system component; props name the version
//   (OSCAL's `version` and `release-date`, Demarc's `content-hash`). It `inherited`s every provider duty,
//   `provided-uuid` = that duty's UUID in the provider SSP's `export.provided`.
// - one component per third party of a provider (a hyperscaler underneath), likewise: the provider SSP
//   exports third-party duties as `provided` under the third party's component, so they are inherited
//   through it, and `inherited-uuid` is that component.
// FedRAMP's examples put `satisfied` beside `inherited` on the leveraged component; here it sits on
// this-system, which is who does the work (the requirement's props and its other by-components say
// which provider imposed it). Excluded duties are done by no one and are in neither SSP's entries; the
// by-component remarks list them, as the provider SSP does.
//
// Each area of each provider (subscribed services plus cross-cutting) is one implemented requirement
// whose control id is the provider catalog's (`controlId`). Two providers may use the same id (both
// with a cross-cutting "incident-response"): OSCAL does not ask control ids of requirements to be
// unique, and each requirement's `provider` prop and components tell them apart.
//
// import-profile: OSCAL allows one href, to one profile or catalog, and the plan draws on one catalog
// per provider. A profile that imports them all would be a file Demarc does not serve (and would
// merge ids that clash), so the href is a back-matter resource (`#uuid`) that describes the set; each
// catalog is a resource of its own whose rlink is the catalog's file name, beside one for each
// provider SSP (where the provided and responsibility UUIDs are defined).
//
// No leveraged-authorizations: they need a `date-authorized`, and a published responsibility model is
// not an authorization. The components still say, by `inherited-uuid`, what they stand for.
//
// UUIDs are name-based (`demarcUuid`) under the organization's slug, so the same data gives the same
// file: the document's from the organization and each provider's version, scope and services; every
// element's from provider, service and area slugs (a new version keeps them); the parties keep the
// UUIDs the providers' files give them, the organization has its own.
import { AppError } from "@/lib/errors";
import type { ProviderExport } from "@/lib/exports/export-model";
import { exportAreas, oneLine, oscalFileName, oscalVersion, prop } from "./oscal-common";
import {
  catalogResourceUuid,
  obligationsRequirement,
  organizationPartyUuid,
  planName,
  planUuid,
  providerComponents,
  rolesAndParties,
  sspResourceUuid,
  type ObligationsOrganization,
} from "./oscal-obligations-parts";
import type { OscalComponent, OscalMetadata, OscalResource, OscalSspDocument } from "./oscal-types";
import { demarcUuid, documentUuid } from "./uuids";

/** "DanubeData and Contain", "A, B and C". */
function list(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** The document's name: the organization and, by provider slug, the version, scope and services it holds. */
function documentName(org: string, providers: readonly ProviderExport[]): string {
  const sorted = [...providers].sort((a, b) => (a.provider.slug < b.provider.slug ? -1 : 1));
  const scope = new URLSearchParams(
    sorted.map((data) => [
      data.provider.slug,
      [documentUuid(data, "catalog"), ...data.services.map((service) => service.slug)].join(","),
    ]),
  );
  return `${planName(org)}:system-security-plan?${scope}`;
}

/** The newest publishedAt among the versions: the plan changes when one of them does. */
function newest(providers: readonly ProviderExport[]): string {
  return providers.map((data) => data.version.publishedAt).reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
}

function metadata(organization: ObligationsOrganization, providers: readonly ProviderExport[]): OscalMetadata {
  const date = newest(providers);
  return {
    title: oneLine(
      `${organization.name}: obligations under ${list(providers.map((p) => p.provider.name))} (system security plan)`,
    ),
    published: date,
    "last-modified": date,
    version: providers.map((data) => `${data.provider.slug} v${data.version.number}`).join(", "),
    "oscal-version": oscalVersion,
    props: [
      ...prop("organization", organization.slug),
      ...providers.flatMap((data) => [
        ...prop("provider-version", `${data.provider.slug} v${data.version.number}`),
        ...prop("content-hash", data.version.contentHash, {
          remarks: `SHA-256 of ${data.provider.name} version ${data.version.number}'s canonical document`,
        }),
      ]),
    ],
    ...rolesAndParties(organization, providers),
    remarks:
      `Generated by Demarc from the published shared responsibility models of ${list(providers.map((p) => p.provider.name))}, ` +
      `narrowed to the services ${organization.name} subscribes to. In every model the customer is ${organization.name}.`,
  };
}

/** "DanubeData (version 3): VPS, Managed Databases, and the areas that apply to all its services." */
function providerLine(data: ProviderExport): string {
  const services = data.services.map((service) => service.name);
  const all = data.crossCutting.areas.length > 0 ? ["the areas that apply to all its services"] : [];
  return `${data.provider.name} (version ${data.version.number}): ${list([...services, ...all]) || "no area"}.`;
}

function systemCharacteristics(
  organization: ObligationsOrganization,
  providers: readonly ProviderExport[],
): OscalSspDocument["system-security-plan"]["system-characteristics"] {
  const org = organization.slug;
  const name = oneLine(`${organization.name}: services used from ${list(providers.map((p) => p.provider.name))}`);
  return {
    "system-ids": [{ "identifier-type": "https://ietf.org/rfc/rfc4122", id: planUuid(org, "system") }],
    "system-name": name,
    description: [
      `${organization.name}'s use of cloud services, and what it must do itself under each provider's shared responsibility model.`,
      ...providers.map(providerLine),
    ].join("\n\n"),
    "security-sensitivity-level": "not-categorized",
    "system-information": {
      "information-types": [
        {
          uuid: planUuid(org, "information-type:organization-content"),
          title: `${oneLine(organization.name)}'s content`,
          description:
            `Whatever ${organization.name} stores or processes in these services. Its categorisation (FIPS 199 or ` +
            "other) is the organization's to make; this plan only says who carries which responsibility.",
        },
      ],
    },
    status: { state: "operational" },
    "authorization-boundary": {
      description:
        `What ${organization.name} runs and decides itself in its use of these services. The providers' systems, and ` +
        "the third parties under them, are outside: external components whose provided capabilities it inherits.",
    },
    remarks:
      "Generated by Demarc from the providers' published shared responsibility models; not an authorization package.",
  };
}

function resources(org: string, providers: readonly ProviderExport[]): OscalResource[] {
  const catalogs: OscalResource = {
    uuid: planUuid(org, "resource:catalogs"),
    title: "The providers' catalogs",
    description:
      `This plan's controls come from ${providers.length === 1 ? "one catalog" : `${providers.length} catalogs`}, ` +
      `one per provider: ${providers.map((data) => oscalFileName(data, "catalog")).join(", ")}. Each is a resource ` +
      "of this back matter of its own.",
    remarks:
      "OSCAL's import-profile names one profile or catalog, and this plan draws on several, so it points here. " +
      "A tool that needs one baseline can build a profile importing each catalog.",
  };
  const perProvider = providers.flatMap((data): OscalResource[] => {
    const title = `${data.provider.name} shared responsibility model, version ${data.version.number}`;
    return [
      {
        uuid: catalogResourceUuid(org, data),
        title: oneLine(`${title}: catalog`),
        description:
          `The catalog whose control ids this plan's requirements for ${data.provider.name} use ` +
          `(its uuid: ${documentUuid(data, "catalog")}).`,
        props: prop("provider", data.provider.slug),
        rlinks: [{ href: oscalFileName(data, "catalog") }],
      },
      {
        uuid: sspResourceUuid(org, data),
        title: oneLine(`${title}: system security plan`),
        description:
          `The plan in which the provided and responsibility UUIDs that this plan's requirements for ` +
          `${data.provider.name} point at are defined (its uuid: ${documentUuid(data, "system-security-plan")}).`,
        props: prop("provider", data.provider.slug),
        rlinks: [{ href: oscalFileName(data, "system-security-plan") }],
      },
    ];
  });
  return [catalogs, ...perProvider];
}

/**
 * The SSP of an organization's obligations: `providers` holds one export per provider it subscribes
 * to, already narrowed to the subscribed services (cross-cutting areas kept). Throws an AppError when
 * there is no area at all: OSCAL wants at least one implemented requirement.
 */
export function toObligationsOscalSsp(options: {
  organization: ObligationsOrganization;
  /** One export per provider the organization subscribes to, already narrowed to its subscribed services (cross-cutting areas kept). */
  providers: readonly ProviderExport[];
}): OscalSspDocument {
  const { organization, providers } = options;
  const org = organization.slug;
  const areas = providers.flatMap((data) => exportAreas(data).map((entry) => ({ data, ...entry })));
  if (areas.length === 0)
    throw new AppError(
      "INVALID_INPUT",
      "There is nothing to export: no subscribed service has a responsibility area, and an OSCAL system security plan needs at least one.",
    );
  const slugs = providers.map((data) => data.provider.slug);
  if (new Set(slugs).size !== slugs.length) throw new Error(`A provider is listed twice: ${slugs.join(", ")}`);
  const thisSystem: OscalComponent = {
    uuid: planUuid(org, "component:this-system"),
    type: "this-system",
    title: oneLine(`${organization.name}: its own part`),
    description:
      `What ${organization.name} does itself in its use of the services: the responsibilities each provider ` +
      "leaves to its customers, listed as satisfied in each implemented requirement.",
    status: { state: "operational" },
    "responsible-roles": [{ "role-id": "customer", "party-uuids": [organizationPartyUuid(org)] }],
  };
  return {
    "system-security-plan": {
      uuid: demarcUuid(documentName(org, providers)),
      metadata: metadata(organization, providers),
      "import-profile": {
        href: `#${planUuid(org, "resource:catalogs")}`,
        remarks:
          "One catalog per provider, each a back-matter resource; OSCAL allows one href here, so it names the set.",
      },
      "system-characteristics": systemCharacteristics(organization, providers),
      "system-implementation": {
        components: [thisSystem, ...providers.flatMap((data) => providerComponents(org, data))],
      },
      "control-implementation": {
        description:
          `For each responsibility area of each provider: what the provider (and any third party under it) ` +
          `provides, which ${organization.name} inherits, and the responsibilities ${organization.name} satisfies itself.`,
        "implemented-requirements": areas.map(({ data, service, area }) =>
          obligationsRequirement({ organization, thisSystem: thisSystem.uuid, data, service, area }),
        ),
      },
      "back-matter": { resources: resources(org, providers) },
    },
  };
}
