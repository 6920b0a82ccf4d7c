// The party-cell model end to end: a provider with a third party, nested groups, RACI letters, duty
// strengths, framework references and a reason for an assignment is written to the tables, read
// back through the service API and the JSON export unchanged, and a subscribed customer's
// My obligations lists only the customer's duties that are not excluded, with their strengths.
import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import { GET as exportRoute } from "@/app/api/v1/providers/[provider]/export/route";
import { GET as serviceRoute } from "@/app/api/v1/providers/[provider]/services/[service]/route";
import { lintProviderDocument } from "@/lib/model/lint";
import { getDb } from "@/lib/db";
import { getObligations } from "@/lib/obligations/get-obligations";
import { serviceDetailDto, type AreaDto } from "@/lib/validation/api";
import { providerDocumentSchema, type ProviderDocumentInput } from "@/lib/validation/provider-document";
import { actAs } from "../support/actor";
import { createProvider } from "../support/app-db";
import { callRoute } from "../support/call-route";
import { makeOrganization, makeUser } from "../factories/accounts";

/**
 * A private provider whose rows have a third party (a hyperscaler) next to the provider and the
 * customer. Parties are explicit everywhere, as the tables store them, so the export equals it.
 */
function threePartyDocument(): ProviderDocumentInput {
  const id = randomUUID().slice(0, 8);
  return {
    slug: `three-party-${id}`,
    name: `Three Party Cloud ${id}`,
    summary: "A provider whose platform runs on a hyperscaler.",
    brandColor: "#0f766e",
    isPrivate: true,
    source: { title: "Test fixture", document: "tests/integration/party-cells.test.ts" },
    parties: [
      { key: "provider", name: `Three Party Cloud ${id}`, role: "provider" },
      { key: "customer", name: "Customer", role: "customer" },
      { key: "hyperscaler", name: "Hyperscaler", role: "third-party", description: "Runs the data centres." },
    ],
    compliance: [],
    contacts: [],
    sections: [],
    crossCuttingGroups: [{ key: "governance", title: "Governance", number: "1" }],
    crossCuttingAreas: [
      {
        key: "incident-response",
        name: "Incident response",
        group: "governance",
        assignment: "shared",
        parties: ["customer", "provider"],
        cells: [
          { party: "provider", duties: [{ text: "Notify customers of platform incidents" }] },
          { party: "customer", duties: [{ text: "Keep a security contact up to date" }] },
        ],
      },
    ],
    services: [
      {
        slug: "managed-vaults",
        name: `Managed Vaults ${id}`,
        category: "PaaS",
        summary: "Secrets and their backups.",
        groups: [
          { key: "operate", title: "Operate", number: "3", description: "Running the service day to day." },
          { key: "operate-backups", title: "Backups", number: "3.1", parent: "operate" },
        ],
        areas: [
          {
            key: "monitoring",
            name: "Monitoring",
            group: "operate",
            assignment: "shared",
            parties: ["provider", "customer"],
            cells: [
              { party: "provider", duties: [{ text: "Watch the platform" }], raci: "RA" },
              {
                party: "customer",
                duties: [
                  { text: "Watch your workloads", strength: "should" },
                  { text: "Tune alert thresholds", strength: "may" },
                  { text: "Watch the hypervisor", strength: "excluded" },
                ],
                raci: "R",
              },
              { party: "hyperscaler", duties: [], raci: "I" },
            ],
            references: [{ framework: "CSA CCM", control: "LOG-03" }],
            notes: "Alerts go to the customer's security contact.",
          },
          {
            key: "backups",
            name: "Backups",
            group: "operate",
            assignment: "provider",
            parties: ["provider"],
            assignmentReason: "The provider answers for backups although the hyperscaler stores the copies.",
            cells: [
              { party: "provider", duties: [{ text: "Schedule nightly backups" }], raci: "A" },
              { party: "customer", duties: [{ text: "Run the backup jobs", strength: "excluded" }], raci: "I" },
              { party: "hyperscaler", duties: [{ text: "Store backup copies in two regions" }], raci: "R" },
            ],
          },
          {
            // The same name as the row above, in another group: allowed.
            key: "backups-2",
            name: "Backups",
            group: "operate-backups",
            assignment: "customer",
            parties: ["customer"],
            cells: [
              { party: "provider", duties: [{ text: "Restore on the customer's behalf", strength: "excluded" }] },
              {
                party: "customer",
                duties: [
                  { text: "Test restores every quarter" },
                  { text: "Keep restore runbooks", strength: "should" },
                ],
              },
              { party: "hyperscaler", duties: [], notApplicable: true },
            ],
            references: [
              { framework: "ISO/IEC 27001:2022", control: "A.8.13" },
              { framework: "CSA CCM", control: "BCR-08" },
            ],
            interpretation: "Read from the backup section of the source.",
          },
        ],
        layers: [],
        deploymentModels: [],
      },
    ],
  };
}

const withoutCaiq = ({ caiq: _caiq, ...rest }: AreaDto) => rest;

async function readService(slug: string, service: string) {
  return callRoute(serviceRoute, `/api/v1/providers/${slug}/services/${service}`, { provider: slug, service });
}

async function exportDocument(slug: string) {
  return callRoute(exportRoute, `/api/v1/providers/${slug}/export`, { provider: slug });
}

describe("party cells", () => {
  test("a three-party service with nested groups reads back through the API and the export unchanged", async () => {
    const written = await createProvider(threePartyDocument());
    try {
      const slug = written.document.slug;
      const service = written.document.services[0]!;
      // A realistic document: the editorial checks find nothing to say about it.
      expect(lintProviderDocument(written.document)).toEqual([]);
      actAs((await makeUser({ role: "admin" })).actor);

      const response = await readService(slug, service.slug);
      expect(response.status).toBe(200);
      const dto = serviceDetailDto.parse(response.body);
      expect(dto.parties.map((p) => [p.key, p.role])).toEqual([
        ["provider", "provider"],
        ["customer", "customer"],
        ["hyperscaler", "third-party"],
      ]);
      expect(dto.groups).toEqual([
        {
          key: "operate",
          title: "Operate",
          number: "3",
          description: "Running the service day to day.",
          parent: null,
        },
        { key: "operate-backups", title: "Backups", number: "3.1", description: null, parent: "operate" },
      ]);
      expect(dto.areas.map(withoutCaiq)).toEqual([
        {
          key: "monitoring",
          name: "Monitoring",
          position: 0,
          group: "operate",
          assignment: "shared",
          parties: ["provider", "customer"],
          // R marks the provider and the customer: shared between them, as assigned.
          raciAssignment: { assignment: "shared", parties: ["provider", "customer"] },
          assignmentReason: null,
          cells: [
            {
              party: "provider",
              duties: [{ text: "Watch the platform", strength: "must" }],
              notApplicable: false,
              raci: "RA",
            },
            {
              party: "customer",
              duties: [
                { text: "Watch your workloads", strength: "should" },
                { text: "Tune alert thresholds", strength: "may" },
                { text: "Watch the hypervisor", strength: "excluded" },
              ],
              notApplicable: false,
              raci: "R",
            },
            { party: "hyperscaler", duties: [], notApplicable: false, raci: "I" },
          ],
          references: [{ framework: "CSA CCM", control: "LOG-03" }],
          notes: "Alerts go to the customer's security contact.",
          interpretation: null,
          layer: null,
          plane: null,
        },
        {
          key: "backups",
          name: "Backups",
          position: 1,
          group: "operate",
          assignment: "provider",
          parties: ["provider"],
          // The letters say the hyperscaler does the work; the assignment differs, with a reason.
          raciAssignment: { assignment: "third-party", parties: ["hyperscaler"] },
          assignmentReason: "The provider answers for backups although the hyperscaler stores the copies.",
          cells: [
            {
              party: "provider",
              duties: [{ text: "Schedule nightly backups", strength: "must" }],
              notApplicable: false,
              raci: "A",
            },
            {
              party: "customer",
              duties: [{ text: "Run the backup jobs", strength: "excluded" }],
              notApplicable: false,
              raci: "I",
            },
            {
              party: "hyperscaler",
              duties: [{ text: "Store backup copies in two regions", strength: "must" }],
              notApplicable: false,
              raci: "R",
            },
          ],
          references: [],
          notes: null,
          interpretation: null,
          layer: null,
          plane: null,
        },
        {
          key: "backups-2",
          name: "Backups",
          position: 2,
          group: "operate-backups",
          assignment: "customer",
          parties: ["customer"],
          raciAssignment: null,
          assignmentReason: null,
          cells: [
            {
              party: "provider",
              duties: [{ text: "Restore on the customer's behalf", strength: "excluded" }],
              notApplicable: false,
              raci: null,
            },
            {
              party: "customer",
              duties: [
                { text: "Test restores every quarter", strength: "must" },
                { text: "Keep restore runbooks", strength: "should" },
              ],
              notApplicable: false,
              raci: null,
            },
            { party: "hyperscaler", duties: [], notApplicable: true, raci: null },
          ],
          references: [
            { framework: "ISO/IEC 27001:2022", control: "A.8.13" },
            { framework: "CSA CCM", control: "BCR-08" },
          ],
          notes: null,
          interpretation: "Read from the backup section of the source.",
          layer: null,
          plane: null,
        },
      ]);

      const exported = await exportDocument(slug);
      expect(exported.status).toBe(200);
      expect(providerDocumentSchema.parse(exported.body)).toEqual(providerDocumentSchema.parse(written.document));
    } finally {
      await written.remove();
    }
  });

  test("My obligations lists the customer's duties that are not excluded, with strengths and group titles", async () => {
    const written = await createProvider(threePartyDocument());
    try {
      const service = await getDb().service.findFirstOrThrow({ where: { providerId: written.id } });
      const org = await makeOrganization({ serviceIds: [service.id] });
      const { actor } = await makeUser({ role: "customer", organizationId: org.id });

      const data = await getObligations({ actor });
      expect(data.providers.map((p) => p.slug)).toEqual([written.document.slug]);
      const provider = data.providers[0]!;
      expect(provider.services.map((s) => s.slug)).toEqual(["managed-vaults"]);
      // "Backups" under Operate is left out: the customer's only duty there is excluded.
      expect(provider.services[0]!.areas).toEqual([
        {
          key: "monitoring",
          name: "Monitoring",
          groups: ["Operate"],
          assignment: "shared",
          duties: [
            { text: "Watch your workloads", strength: "should" },
            { text: "Tune alert thresholds", strength: "may" },
          ],
          notes: "Alerts go to the customer's security contact.",
          interpretation: null,
        },
        {
          key: "backups-2",
          name: "Backups",
          groups: ["Operate", "Backups"],
          assignment: "customer",
          duties: [
            { text: "Test restores every quarter", strength: "must" },
            { text: "Keep restore runbooks", strength: "should" },
          ],
          notes: null,
          interpretation: "Read from the backup section of the source.",
        },
      ]);
      expect(provider.services[0]!.dutyCount).toBe(4);
      expect(provider.crossCutting).toEqual({
        dutyCount: 1,
        areas: [
          {
            key: "incident-response",
            name: "Incident response",
            groups: ["Governance"],
            assignment: "shared",
            duties: [{ text: "Keep a security contact up to date", strength: "must" }],
            notes: null,
            interpretation: null,
          },
        ],
      });
      expect(data.dutyCount).toBe(5);
      // Other parties' duties never appear, excluded ones neither.
      const text = JSON.stringify(data);
      for (const duty of ["Watch the platform", "Store backup copies", "Watch the hypervisor", "Run the backup jobs"])
        expect(text).not.toContain(duty);
    } finally {
      await written.remove();
    }
  });

  test("deployment models name an area by its key, also when another area has the same name", async () => {
    const doc = threePartyDocument();
    doc.services[0]!.deploymentModels = [
      {
        key: "self-hosted",
        name: "Self-hosted",
        assignments: [
          { area: "backups-2", assignment: "shared", parties: ["customer", "hyperscaler"] },
          { area: "monitoring", assignment: "customer", parties: ["customer"] },
        ],
      },
    ];
    const written = await createProvider(doc);
    try {
      const slug = written.document.slug;
      actAs((await makeUser({ role: "admin" })).actor);
      const response = await readService(slug, "managed-vaults");
      expect(response.status).toBe(200);
      const model = serviceDetailDto.parse(response.body).deploymentModels[0]!;
      expect.soft(model.assignments.map((a) => [a.area, a.assignment, a.parties])).toEqual([
        ["backups-2", "shared", ["customer", "hyperscaler"]],
        ["monitoring", "customer", ["customer"]],
      ]);

      const exported = await exportDocument(slug);
      expect(exported.status).toBe(200);
      expect.soft(providerDocumentSchema.parse(exported.body)).toEqual(providerDocumentSchema.parse(written.document));
    } finally {
      await written.remove();
    }
  });
});
