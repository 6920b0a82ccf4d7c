// The parts of the OSCAL 1.2.2 JSON model the exporters write (a subset; field names as in the schema).
// Arrays here are never empty in the output: the schema gives every array at least one item.

export interface OscalProperty {
  name: string;
  value: string;
  ns?: string;
  class?: string;
  remarks?: string;
}

export interface OscalLink {
  href: string;
  rel?: string;
  "media-type"?: string;
  "resource-fragment"?: string;
  text?: string;
}

export interface OscalRole {
  id: string;
  title: string;
  description?: string;
  props?: OscalProperty[];
}

export interface OscalParty {
  uuid: string;
  type: "person" | "organization";
  name: string;
  props?: OscalProperty[];
  remarks?: string;
}

export interface OscalResponsibleParty {
  "role-id": string;
  "party-uuids": string[];
}

export interface OscalResponsibleRole {
  "role-id": string;
  props?: OscalProperty[];
  "party-uuids"?: string[];
}

export interface OscalMetadata {
  title: string;
  published?: string;
  "last-modified": string;
  version: string;
  "oscal-version": string;
  props?: OscalProperty[];
  links?: OscalLink[];
  roles?: OscalRole[];
  parties?: OscalParty[];
  "responsible-parties"?: OscalResponsibleParty[];
  remarks?: string;
}

export interface OscalResource {
  uuid: string;
  title?: string;
  description?: string;
  props?: OscalProperty[];
  citation?: { text: string; props?: OscalProperty[] };
  rlinks?: { href: string; "media-type"?: string }[];
  remarks?: string;
}

export interface OscalBackMatter {
  resources?: OscalResource[];
}

export interface OscalPart {
  name: string;
  id?: string;
  ns?: string;
  class?: string;
  title?: string;
  props?: OscalProperty[];
  prose?: string;
  parts?: OscalPart[];
}

export interface OscalControl {
  id: string;
  class?: string;
  title: string;
  props?: OscalProperty[];
  links?: OscalLink[];
  parts?: OscalPart[];
}

/** A group holds either groups or controls, never both (the schema's two alternatives). */
export type OscalGroup = {
  id?: string;
  class?: string;
  title: string;
  props?: OscalProperty[];
  parts?: OscalPart[];
} & ({ groups?: OscalGroup[]; controls?: never } | { controls?: OscalControl[]; groups?: never });

export interface OscalCatalog {
  uuid: string;
  metadata: OscalMetadata;
  groups?: OscalGroup[];
  "back-matter"?: OscalBackMatter;
}

export interface OscalCatalogDocument {
  catalog: OscalCatalog;
}

export interface OscalDuty {
  uuid: string;
  description: string;
  props?: OscalProperty[];
  "responsible-roles"?: OscalResponsibleRole[];
}

/** An entry inherited from a leveraged system: `provided-uuid` is a `provided` UUID of its SSP. */
export interface OscalInherited {
  uuid: string;
  "provided-uuid": string;
  description: string;
  props?: OscalProperty[];
  "responsible-roles"?: OscalResponsibleRole[];
}

/** A responsibility of a leveraged system met here: `responsibility-uuid` is a `responsibilities` UUID of its SSP. */
export interface OscalSatisfied {
  uuid: string;
  "responsibility-uuid": string;
  description: string;
  props?: OscalProperty[];
  "responsible-roles"?: OscalResponsibleRole[];
  remarks?: string;
}

export interface OscalByComponent {
  "component-uuid": string;
  uuid: string;
  description: string;
  props?: OscalProperty[];
  "implementation-status"?: { state: string; remarks?: string };
  export?: { provided?: OscalDuty[]; responsibilities?: OscalDuty[] };
  /** The leveraging side (a customer's plan): what a leveraged system provides, and what is met here. */
  inherited?: OscalInherited[];
  satisfied?: OscalSatisfied[];
  "responsible-roles"?: OscalResponsibleRole[];
  remarks?: string;
}

export interface OscalImplementedRequirement {
  uuid: string;
  "control-id": string;
  props?: OscalProperty[];
  "responsible-roles"?: OscalResponsibleRole[];
  "by-components"?: OscalByComponent[];
  remarks?: string;
}

export interface OscalComponent {
  uuid: string;
  type: string;
  title: string;
  description: string;
  props?: OscalProperty[];
  status: { state: "under-development" | "operational" | "disposition" | "other" };
  "responsible-roles"?: OscalResponsibleRole[];
  links?: OscalLink[];
}

export interface OscalUser {
  uuid: string;
  title?: string;
  description?: string;
  "role-ids"?: string[];
}

export interface OscalSystemSecurityPlan {
  uuid: string;
  metadata: OscalMetadata;
  "import-profile": { href: string; remarks?: string };
  "system-characteristics": {
    "system-ids": { "identifier-type"?: string; id: string }[];
    "system-name": string;
    description: string;
    props?: OscalProperty[];
    "security-sensitivity-level"?: string;
    "system-information": {
      "information-types": { uuid?: string; title: string; description: string }[];
    };
    status: { state: "operational" | "under-development" | "under-major-modification" | "disposition" | "other" };
    "authorization-boundary": { description: string };
    remarks?: string;
  };
  "system-implementation": {
    users?: OscalUser[];
    components: OscalComponent[];
  };
  "control-implementation": {
    description: string;
    "implemented-requirements": OscalImplementedRequirement[];
  };
  "back-matter"?: OscalBackMatter;
}

export interface OscalSspDocument {
  "system-security-plan": OscalSystemSecurityPlan;
}
