import { randomUUID } from "node:crypto";
import { slugify } from "@/lib/domain/slug";
import type { AreaInput, ProviderDocumentInput } from "@/lib/validation/provider-document";

/** A small valid provider with a unique slug, for tests that need their own data. */
export function makeProviderDocument(overrides: Partial<ProviderDocumentInput> = {}): ProviderDocumentInput {
  const id = randomUUID().slice(0, 8);
  return {
    slug: `test-provider-${id}`,
    name: `Test Provider ${id}`,
    summary: `A provider made for one test (${id}).`,
    brandColor: "#334155",
    source: { title: "Test fixture", document: "tests/factories/provider-document.ts" },
    parties: [
      { key: "provider", name: `Test Provider ${id}`, role: "provider" },
      { key: "customer", name: "Customer", role: "customer" },
    ],
    compliance: [],
    contacts: [],
    sections: [],
    crossCuttingAreas: [],
    services: [
      {
        slug: `service-${id}`,
        name: `Quantum Widget ${id}`,
        category: "PaaS",
        summary: "A service made for one test.",
        areas: [
          {
            key: "widget-calibration",
            name: `Widget calibration ${id}`,
            assignment: "shared",
            cells: [
              { party: "provider", duties: [{ text: `Calibrate the flux ${id}` }] },
              { party: "customer", duties: [{ text: "Report drift" }] },
            ],
          },
        ],
        layers: [],
        deploymentModels: [],
      },
    ],
    ...overrides,
  };
}

/** An area row with the provider's and the customer's duties (strings are "must" duties). */
export function makeArea(
  name: string,
  duties: { provider?: string[]; customer?: string[] },
  extra: Partial<AreaInput> = {},
): AreaInput {
  const cell = (party: string, list: string[] | undefined) =>
    list?.length ? [{ party, duties: list.map((text) => ({ text })) }] : [];
  return {
    key: slugify(name),
    name,
    assignment:
      duties.provider?.length && duties.customer?.length ? "shared" : duties.provider?.length ? "provider" : "customer",
    cells: [...cell("provider", duties.provider), ...cell("customer", duties.customer)],
    ...extra,
  };
}
