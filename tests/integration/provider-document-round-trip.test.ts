import { describe, expect, test } from "vitest";
import { defaultParties, type PartyRef } from "@/lib/domain/assignment";
import { getDb } from "@/lib/db";
import { readProviderDocument } from "@/lib/transfer/read-provider-document";
import { providerDocumentSchema, type ProviderDocument } from "@/lib/validation/provider-document";
import { seedProviders } from "@/prisma/seed";

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
