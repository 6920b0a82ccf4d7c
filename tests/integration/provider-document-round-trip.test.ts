import { describe, expect, test } from "vitest";
import { defaultParties, type PartyRef } from "@/lib/domain/assignment";
import { getDb } from "@/lib/db";
import { publishDraft } from "@/lib/drafts/publish-draft";
import { documentToServiceDetail } from "@/lib/transfer/document-to-dto";
import { exportProviderDocument } from "@/lib/transfer/export-provider-document";
import { importProviderDocument } from "@/lib/drafts/import-provider-document";
import { readProviderDocument } from "@/lib/transfer/read-provider-document";
import { providerDocumentSchema, type ProviderDocument } from "@/lib/validation/provider-document";
import { seedProviders } from "@/prisma/seed";
import { makeUser } from "../factories/accounts";
import { publishedSeed } from "../support/published-seed";

/** The seed as stored: default parties made explicit (the writer stores who carries each assignment). */
function withExplicitParties(doc: ProviderDocument): ProviderDocument {
  const parties: PartyRef[] = doc.parties;
  const fill = <
    T extends {
      assignment?: ProviderDocument["services"][number]["areas"][number]["assignment"] | null;
      parties?: string[];
    },
  >(
    x: T,
  ): T => (x.assignment ? { ...x, parties: x.parties ?? defaultParties(x.assignment, parties) } : x);
  return {
    ...doc,
    crossCuttingAreas: doc.crossCuttingAreas.map(fill),
    services: doc.services.map((s) => ({
      ...s,
      areas: s.areas.map(fill),
      layers: s.layers.map((l) => ({ ...fill(l), components: l.components.map(fill) })),
      deploymentModels: s.deploymentModels.map((m) => ({ ...m, assignments: m.assignments.map(fill) })),
    })),
  };
}

describe.each(seedProviders.map((s) => [s.slug, s] as const))("%s", (slug, seed) => {
  test("reads back from the database as the document that was seeded", async () => {
    const { id } = await getDb().provider.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    const read = await readProviderDocument({ db: getDb(), providerId: id });
    expect(read).toEqual(withExplicitParties(providerDocumentSchema.parse(seed)));
  });
});

describe("the diagram's links to the matrix, its markers and the models the source leaves open", () => {
  test("survive the tables, export → import → publish, and the service page's DTO", async () => {
    const db = getDb();
    const admin = (await makeUser({ role: "admin" })).actor;
    // STACKIT's layers and boxes point at their rows; EdgeHostLet is a marker; a layer link is added to
    // Contain so both providers carry every new field, and one of Contain's variants is open.
    const stackit = await publishedSeed("stackit");
    const contain = await publishedSeed("contain", (doc) => {
      doc.services[0]!.layers[1]!.area = "platform-security";
      doc.services[0]!.layers[1]!.areaInterpretation = "Read for this test.";
    });
    for (const p of [stackit, contain]) {
      const exported = providerDocumentSchema.parse(
        await exportProviderDocument({ db, actor: admin, provider: p.slug }),
      );
      const imported = await importProviderDocument({
        db,
        actor: admin,
        json: JSON.stringify(exported),
        target: { kind: "draft", provider: p.slug },
        fileName: "export.json",
      });
      await publishDraft({
        db,
        actor: admin,
        provider: p.slug,
        note: "Round trip",
        draftVersion: imported.draftVersion,
      });
      const read = await readProviderDocument({ db, providerId: p.id });
      expect(read, p.slug).toEqual(withExplicitParties(providerDocumentSchema.parse(p.document)));
    }

    const stackitRead = await readProviderDocument({ db, providerId: stackit.id });
    const edge = documentToServiceDetail(stackitRead, "edge-cloud")!;
    expect(edge.layers.map((l) => [l.key, l.area])).toEqual([
      ["stackit-platform", null],
      ["edge-cloud", "stackit-edge-cloud"],
      ["instance-crds", "stec-instance-crds"],
      ["edge-clusters", "edge-clusters"],
    ]);
    expect(edge.layers[1]?.areaInterpretation).toMatch(/figure colours this layer green/);
    expect(edge.layers[3]?.components.map((c) => [c.key, c.area, c.markerOn])).toEqual([
      ["talos-linux", "talos-linux", null],
      ["edgehostlet", "edgehostlet", "talos-linux"],
    ]);
    const row = await db.component.findFirstOrThrow({
      where: { key: "edgehostlet", layer: { service: { provider: { slug: stackit.slug } } } },
    });
    expect(row).toMatchObject({ areaKey: "edgehostlet", markerOn: "talos-linux", areaInterpretation: null });

    const containRead = await readProviderDocument({ db, providerId: contain.id });
    const platform = documentToServiceDetail(containRead, "platform")!;
    expect(platform.layers[1]).toMatchObject({ area: "platform-security", areaInterpretation: "Read for this test." });
    expect(platform.deploymentModels.filter((m) => m.open).map((m) => m.key)).toEqual([
      "customer-iaas",
      "air-gapped",
      "cloud-iaas",
      "contain-iaas",
    ]);
    expect(
      await db.deploymentModel.count({ where: { open: true, service: { provider: { slug: contain.slug } } } }),
    ).toBe(4);
  });
});
