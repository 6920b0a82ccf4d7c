import { describe, expect, test } from "vitest";
import { upgradeProviderDocument } from "@/lib/domain/document-upgrade";
import { providerDocumentSchema } from "@/lib/validation/provider-document";
import { seedProviders } from "@/prisma/seed";
import { makeProviderDocument } from "../factories/provider-document";

/** A document as stored before party cells: duties per side, no keys, areas named by name. */
const v1 = () => ({
  slug: "acme",
  name: "Acme",
  summary: "A provider from before party cells.",
  brandColor: "#123456",
  source: { title: "Acme model", document: "acme.txt" },
  parties: [
    { key: "provider", name: "Acme", role: "provider" },
    { key: "customer", name: "Customer", role: "customer" },
  ],
  compliance: [],
  contacts: [],
  sections: [],
  crossCuttingAreas: [{ name: "Encryption", assignment: "shared", providerDuties: ["TLS"], customerDuties: ["Keys"] }],
  services: [
    {
      slug: "kube",
      name: "Kube",
      category: "CaaS",
      summary: "Managed clusters.",
      areas: [
        {
          name: "Backups",
          assignment: "provider",
          providerDuties: ["Snapshots", "Offsite copies"],
          customerDuties: [],
          customerNotApplicable: true,
          plane: "control",
        },
        {
          name: "Backups",
          assignment: "customer",
          providerDuties: [],
          customerDuties: ["Restore tests"],
          providerNotApplicable: false,
          plane: "data",
          notes: "The customer backs up its volumes.",
        },
        {
          name: "Hardware",
          assignment: "n/a",
          providerDuties: [],
          customerDuties: [],
          providerNotApplicable: true,
          customerNotApplicable: true,
        },
      ],
      layers: [],
      deploymentModels: [
        {
          key: "on-premises",
          name: "On premises",
          assignments: [
            { area: "Hardware", assignment: "customer" },
            { area: "Backups", assignment: "customer" },
          ],
        },
      ],
    },
  ],
});

describe("upgradeProviderDocument", () => {
  test("a v1 document becomes one the schema accepts: cells, keys, areas named by key, empty group lists", () => {
    const upgraded = upgradeProviderDocument(v1());
    const parsed = providerDocumentSchema.safeParse(upgraded);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(parsed.data).toEqual(upgraded);
    expect(upgraded).toMatchObject({ crossCuttingGroups: [], services: [{ groups: [] }] });

    const doc = parsed.data!;
    expect(doc.crossCuttingAreas).toEqual([
      {
        key: "encryption",
        name: "Encryption",
        assignment: "shared",
        cells: [
          { party: "provider", duties: [{ text: "TLS" }] },
          { party: "customer", duties: [{ text: "Keys" }] },
        ],
      },
    ]);
    const [service] = doc.services;
    expect(service?.areas).toEqual([
      {
        key: "backups",
        name: "Backups",
        assignment: "provider",
        cells: [
          { party: "provider", duties: [{ text: "Snapshots" }, { text: "Offsite copies" }] },
          { party: "customer", duties: [], notApplicable: true },
        ],
        plane: "control",
      },
      {
        key: "backups-2",
        name: "Backups",
        assignment: "customer",
        // A side that lists nothing and is not N/A has no cell.
        cells: [{ party: "customer", duties: [{ text: "Restore tests" }] }],
        plane: "data",
        notes: "The customer backs up its volumes.",
      },
      {
        key: "hardware",
        name: "Hardware",
        assignment: "n/a",
        cells: [
          { party: "provider", duties: [], notApplicable: true },
          { party: "customer", duties: [], notApplicable: true },
        ],
      },
    ]);
    // A name shared by two areas points at the first of them.
    expect(service?.deploymentModels[0]?.assignments).toEqual([
      { area: "hardware", assignment: "customer" },
      { area: "backups", assignment: "customer" },
    ]);
  });

  test("keys already given are kept, and new keys step around them", () => {
    const old = v1();
    const [backups, second] = old.services[0]!.areas;
    Object.assign(backups!, { key: "backups-2" });
    Object.assign(second!, { name: "Backups 2" });
    const upgraded = providerDocumentSchema.parse(upgradeProviderDocument(old));
    expect(upgraded.services[0]!.areas.map((a) => a.key)).toEqual(["backups-2", "backups-2-2", "hardware"]);
  });

  test("the input is not changed, and upgrading twice changes nothing more", () => {
    const input = v1();
    const once = upgradeProviderDocument(input);
    expect(input).toEqual(v1());
    expect(upgradeProviderDocument(once)).toEqual(once);
  });

  test("an already-v2 document is unchanged by upgrading", () => {
    const current = providerDocumentSchema.parse(
      makeProviderDocument({
        crossCuttingGroups: [{ key: "identity", title: "Identity" }],
        crossCuttingAreas: [
          {
            key: "mfa",
            name: "MFA",
            group: "identity",
            assignment: "provider",
            cells: [{ party: "provider", duties: [{ text: "Offer MFA", strength: "should" }], raci: "RA" }],
            references: [{ framework: "CSA CCM", control: "IAM-14" }],
          },
        ],
      }),
    );
    expect(upgradeProviderDocument(current)).toEqual(current);
    expect(upgradeProviderDocument(structuredClone(current))).toEqual(current);
  });

  test.each(seedProviders.map((p) => p.slug))("the %s seed is unchanged by upgrading", (slug) => {
    const doc = providerDocumentSchema.parse(seedProviders.find((p) => p.slug === slug));
    expect(upgradeProviderDocument(doc)).toEqual(doc);
  });

  test("what is not a document is left for the schema to report", () => {
    expect(upgradeProviderDocument(null)).toBeNull();
    expect(upgradeProviderDocument("acme")).toBe("acme");
    expect(upgradeProviderDocument([1, 2])).toEqual([1, 2]);
    const odd = { slug: "acme", services: "none", crossCuttingAreas: [null, 3] };
    expect(upgradeProviderDocument(odd)).toEqual({ ...odd, crossCuttingGroups: [] });
  });
});
