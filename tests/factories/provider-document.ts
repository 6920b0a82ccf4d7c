import { randomUUID } from "node:crypto";
import type { ProviderDocumentInput } from "@/lib/validation/provider-document";

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
            name: `Widget calibration ${id}`,
            assignment: "shared",
            providerDuties: [`Calibrate the flux ${id}`],
            customerDuties: ["Report drift"],
          },
        ],
        layers: [],
        deploymentModels: [],
      },
    ],
    ...overrides,
  };
}
