import { describe, expect, test } from "vitest";
import { GET as listProvidersRoute } from "@/app/api/v1/providers/route";
import { GET as providerRoute } from "@/app/api/v1/providers/[provider]/route";
import { GET as serviceRoute } from "@/app/api/v1/providers/[provider]/services/[service]/route";
import { defaultParties } from "@/lib/domain/assignment";
import { assignmentFromRaci } from "@/lib/domain/raci";
import { problemDto, providerDetailDto, serviceDetailDto, type AreaDto } from "@/lib/validation/api";
import { providerDocumentSchema, type ProviderDocument } from "@/lib/validation/provider-document";
import { seedProviders } from "@/prisma/seed";
import { createProvider } from "../support/app-db";
import { callRoute } from "../support/call-route";
import { makeProviderDocument } from "../factories/provider-document";

const seeds = seedProviders.map((p) => providerDocumentSchema.parse(p));

/** What the API must say about an area, derived from the seed document it came from. */
function expectedArea(area: ProviderDocument["crossCuttingAreas"][number], doc: ProviderDocument, position: number) {
  const partyOrder = doc.parties.map((p) => p.key);
  return {
    key: area.key,
    name: area.name,
    position,
    group: area.group ?? null,
    assignment: area.assignment,
    parties: area.parties ?? defaultParties(area.assignment, doc.parties),
    raciAssignment: area.cells.some((c) => c.raci) ? assignmentFromRaci(area.cells, doc.parties) : null,
    assignmentReason: area.assignmentReason ?? null,
    cells: [...area.cells]
      .sort((a, b) => partyOrder.indexOf(a.party) - partyOrder.indexOf(b.party))
      .map((c) => ({
        party: c.party,
        duties: c.duties.map((d) => ({ text: d.text, strength: d.strength ?? "must" })),
        notApplicable: c.notApplicable ?? false,
        raci: c.raci ?? null,
      })),
    references: area.references ?? [],
    notes: area.notes ?? null,
    interpretation: area.interpretation ?? null,
    layer: area.layer ?? null,
    plane: area.plane ?? null,
  };
}

function expectedGroup(group: ProviderDocument["crossCuttingGroups"][number]) {
  return {
    key: group.key,
    title: group.title,
    number: group.number ?? null,
    description: group.description ?? null,
    parent: group.parent ?? null,
  };
}

const withoutCaiq = ({ caiq: _caiq, ...rest }: AreaDto) => rest;

describe("GET /api/v1/providers", () => {
  test("lists the five seeded providers with their service counts", async () => {
    const { status, body } = await callRoute(listProvidersRoute, "/api/v1/providers", {});
    expect(status).toBe(200);
    const providers = (body as { providers: { slug: string; serviceCount: number }[] }).providers;
    for (const seed of seeds) {
      expect(providers).toContainEqual(
        expect.objectContaining({ slug: seed.slug, serviceCount: seed.services.length }),
      );
    }
  });
});

describe.each(seeds.map((s) => [s.slug, s] as const))("provider %s", (slug, seed) => {
  test("GET /api/v1/providers/{provider} returns its services, cross-cutting areas, parties and models", async () => {
    const { status, body } = await callRoute(providerRoute, `/api/v1/providers/${slug}`, { provider: slug });
    expect(status).toBe(200);
    const provider = providerDetailDto.parse(body);
    expect(provider.name).toBe(seed.name);
    expect(provider.source.document).toBe(seed.source.document);
    expect(provider.parties.map((p) => [p.key, p.role])).toEqual(seed.parties.map((p) => [p.key, p.role]));
    expect(provider.services.map((s) => [s.slug, s.areaCount])).toEqual(
      seed.services.map((s) => [s.slug, s.areas.length]),
    );
    expect(provider.crossCuttingGroups).toEqual(seed.crossCuttingGroups.map(expectedGroup));
    expect(provider.crossCuttingAreas.map(withoutCaiq)).toEqual(
      seed.crossCuttingAreas.map((a, i) => expectedArea(a, seed, i)),
    );
    expect(provider.compliance.map((c) => c.name)).toEqual(seed.compliance.map((c) => c.name));
    expect(provider.contacts.map((c) => c.value)).toEqual(seed.contacts.map((c) => c.value));
    expect(provider.deploymentModels.map((m) => `${m.service}/${m.key}`).sort()).toEqual(
      seed.services.flatMap((s) => s.deploymentModels.map((m) => `${s.slug}/${m.key}`)).sort(),
    );
    // Internal fields never leave the server.
    expect(JSON.stringify(body)).not.toMatch(/"(id|providerId|isPrivate|version)"/);
  });

  test.each(seed.services.map((s) => [s.slug, s] as const))(
    "GET …/services/%s returns every seeded row, layer and component",
    async (serviceSlug, service) => {
      const { status, body } = await callRoute(serviceRoute, `/api/v1/providers/${slug}/services/${serviceSlug}`, {
        provider: slug,
        service: serviceSlug,
      });
      expect(status).toBe(200);
      const dto = serviceDetailDto.parse(body);
      expect(dto.groups).toEqual(service.groups.map(expectedGroup));
      expect(dto.areas.map(withoutCaiq)).toEqual(service.areas.map((a, i) => expectedArea(a, seed, i)));
      expect(
        dto.layers.map((l) => ({
          key: l.key,
          name: l.name,
          position: l.position,
          components: l.components.map((c) => [c.key, c.assignment, c.instances]),
        })),
      ).toEqual(
        service.layers.map((l, position) => ({
          key: l.key,
          name: l.name,
          position,
          components: l.components.map((c) => [c.key, c.assignment, c.instances ?? 1]),
        })),
      );
      // Assignments name components by "layer/component" and areas by key.
      expect(
        dto.deploymentModels.map((m) => ({
          key: m.key,
          group: m.group,
          assignments: m.assignments.map((a) => [a.component, a.area, a.assignment]),
        })),
      ).toEqual(
        service.deploymentModels.map((m) => ({
          key: m.key,
          group: m.group ?? null,
          assignments: m.assignments.map((a) => [a.component ?? null, a.area ?? null, a.assignment]),
        })),
      );
    },
  );
});

describe("unknown and private things are 404 with a problem body", () => {
  test("unknown provider", async () => {
    const res = await callRoute(providerRoute, "/api/v1/providers/nope", { provider: "nope" });
    expect(res.status).toBe(404);
    expect(res.contentType).toBe("application/problem+json");
    expect(problemDto.parse(res.body)).toMatchObject({ status: 404, title: "Not found" });
  });

  test("unknown service of a known provider", async () => {
    const res = await callRoute(serviceRoute, "/api/v1/providers/danubedata/services/nope", {
      provider: "danubedata",
      service: "nope",
    });
    expect(res.status).toBe(404);
    expect(problemDto.parse(res.body).detail).toContain("nope");
  });

  test("a private provider is absent from the list and 404 everywhere", async () => {
    const created = await createProvider(makeProviderDocument({ isPrivate: true }));
    try {
      const slug = created.document.slug;
      const service = created.document.services[0]!.slug;
      const list = await callRoute(listProvidersRoute, "/api/v1/providers", {});
      expect(JSON.stringify(list.body)).not.toContain(slug);
      expect((await callRoute(providerRoute, `/api/v1/providers/${slug}`, { provider: slug })).status).toBe(404);
      const serviceRes = await callRoute(serviceRoute, `/api/v1/providers/${slug}/services/${service}`, {
        provider: slug,
        service,
      });
      expect(serviceRes.status).toBe(404);
    } finally {
      await created.remove();
    }
  });
});
