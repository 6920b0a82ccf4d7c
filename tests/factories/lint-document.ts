// Unparsed provider documents for the lint rules' tests: deliberately not run through the schema,
// because lint must cope with documents the schema would refuse.
import { slugify } from "@/lib/domain/slug";
import type { LintIssue } from "@/lib/model/lint";
import type { ProviderDocument } from "@/lib/validation/provider-document";

export type Service = ProviderDocument["services"][number];
export type Area = ProviderDocument["crossCuttingAreas"][number];
export type Cell = Area["cells"][number];

/** A party's cell listing `duties` ("must" duties). */
export const cell = (party: string, ...duties: string[]): Cell => ({ party, duties: duties.map((text) => ({ text })) });

/** A shared area: the provider runs it, the customer uses it. */
export const area = (name: string, extra: Partial<Area> = {}): Area => ({
  key: slugify(name),
  name,
  assignment: "shared",
  cells: [cell("provider", `Run ${name}`), cell("customer", `Use ${name}`)],
  ...extra,
});

export const service = (slug: string, areas: Area[], extra: Partial<Service> = {}): Service => ({
  slug,
  name: `Service ${slug.toUpperCase()}`,
  category: "PaaS",
  summary: "A service.",
  groups: [],
  areas,
  layers: [],
  deploymentModels: [],
  ...extra,
});

/** A provider "acme" with a hyperscaler as third party, holding `services`. */
export function lintDocument(services: Service[], extra: Partial<ProviderDocument> = {}): ProviderDocument {
  return {
    slug: "acme",
    name: "Acme",
    summary: "A provider.",
    brandColor: "#123456",
    source: { title: "Acme model", document: "acme.txt" },
    parties: [
      { key: "provider", name: "Acme", role: "provider" },
      { key: "customer", name: "Customer", role: "customer" },
      { key: "hyperscaler", name: "Hyperscaler", role: "third-party" },
    ],
    compliance: [],
    contacts: [],
    sections: [],
    crossCuttingGroups: [],
    crossCuttingAreas: [],
    services,
    ...extra,
  };
}

/** Issues as "severity rule path" lines, for compact expectations. */
export const brief = (issues: LintIssue[]) => issues.map((i) => `${i.severity} ${i.rule} ${i.path.join(".")}`);
