// The party-cells migration keeps every existing row: the five seed providers, written in the shape
// the tables had before it (provider and customer duty columns, no keys), come back through the
// export's read path exactly as the same documents upgraded in TypeScript (so stored versions,
// which are upgraded on read, and the migrated tables agree, keys included).
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createPrismaClient, type Database } from "@/lib/database/client";
import { startEmbeddedDatabase } from "@/lib/database/embedded";
import { applyMigrations } from "@/lib/database/migrations";
import { responsibleParties, toDbAssignment } from "@/lib/domain/assignment";
import { upgradeProviderDocument } from "@/lib/domain/document-upgrade";
import { readProviderDocument } from "@/lib/transfer/read-provider-document";
import { providerDocumentSchema, type ProviderDocument } from "@/lib/validation/provider-document";
import { seedProviders } from "@/prisma/seed";

type Area = ProviderDocument["crossCuttingAreas"][number];
const BEFORE = "20261202030000_unsafe_links";

/** An area as the tables held it before: one list per side, N/A flags, no key, no cells, parties stored. */
function v1Area(area: Area, doc: ProviderDocument) {
  const side = (party: string) => area.cells.find((c) => c.party === party);
  // Fields the party-cells model introduced did not exist before it.
  const {
    key: _key,
    cells: _cells,
    layer: _layer,
    assignmentReason: _reason,
    group: _group,
    references: _refs,
    ...rest
  } = area;
  return {
    ...rest,
    parties: responsibleParties(area.assignment, area.parties, doc.parties),
    providerDuties: side("provider")?.duties.map((d) => d.text) ?? [],
    customerDuties: side("customer")?.duties.map((d) => d.text) ?? [],
    ...(side("provider")?.notApplicable ? { providerNotApplicable: true } : {}),
    ...(side("customer")?.notApplicable ? { customerNotApplicable: true } : {}),
  };
}

/** The seed document as it could exist before (only what the migration touches: no layers, models, contacts, …). */
function v1Document(doc: ProviderDocument) {
  const { crossCuttingGroups: _groups, ...rest } = doc;
  return {
    ...rest,
    compliance: [],
    contacts: [],
    sections: [],
    crossCuttingAreas: doc.crossCuttingAreas.map((a) => v1Area(a, doc)),
    services: doc.services.map(({ groups: _g, ...s }) => ({
      ...s,
      layers: [],
      deploymentModels: [],
      areas: s.areas.map((a) => v1Area(a, doc)),
    })),
  };
}

let owner: Awaited<ReturnType<typeof startEmbeddedDatabase>>;
let db: Database;

beforeAll(async () => {
  owner = await startEmbeddedDatabase({ dataDir: null });
  await applyMigrations({ databaseUrl: owner.url, until: BEFORE });
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  await owner?.stop();
});

test("every seed row reads back after the migration exactly as its upgraded document", async () => {
  const client = new pg.Client({ connectionString: owner.url });
  await client.connect();
  const seeds = seedProviders.map((p) => providerDocumentSchema.parse(p));
  const ids = new Map<string, string>();
  try {
    for (const doc of seeds) {
      const providerId = randomUUID();
      ids.set(doc.slug, providerId);
      await client.query(
        `INSERT INTO "Provider" ("id", "slug", "name", "summary", "brandColor", "isPrivate", "sourceTitle", "sourceUrl",
           "sourceDocument", "sourceRetrieved", "updatedAt") VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10, now())`,
        [
          providerId,
          doc.slug,
          doc.name,
          doc.summary,
          doc.brandColor,
          doc.isPrivate ?? false,
          doc.source.title,
          doc.source.url ?? null,
          doc.source.document,
          doc.source.retrieved ?? null,
        ],
      );
      for (const [position, p] of doc.parties.entries())
        await client.query(
          `INSERT INTO "Party" ("id", "providerId", "key", "name", "role", "description", "position")
           VALUES ($1,$2,$3,$4,$5,$6,$7)`,
          [
            randomUUID(),
            providerId,
            p.key,
            p.name,
            p.role === "third-party" ? "THIRD_PARTY" : p.role.toUpperCase(),
            p.description ?? null,
            position,
          ],
        );
      const insertArea = (area: Area, position: number, serviceId: string | null) => {
        const a = v1Area(area, doc);
        return client.query(
          `INSERT INTO "ResponsibilityArea" ("id", "providerId", "serviceId", "name", "position", "assignment", "parties",
             "providerDuties", "customerDuties", "providerNotApplicable", "customerNotApplicable", "notes",
             "interpretation", "plane") VALUES ($1,$2,$3,$4,$5,$6::"Assignment",$7,$8,$9,$10,$11,$12,$13,$14::"Plane")`,
          [
            randomUUID(),
            providerId,
            serviceId,
            a.name,
            position,
            toDbAssignment(a.assignment),
            a.parties,
            a.providerDuties,
            a.customerDuties,
            a.providerNotApplicable ?? false,
            a.customerNotApplicable ?? false,
            a.notes ?? null,
            a.interpretation ?? null,
            a.plane ? a.plane.toUpperCase() : null,
          ],
        );
      };
      for (const [position, area] of doc.crossCuttingAreas.entries()) await insertArea(area, position, null);
      for (const [position, s] of doc.services.entries()) {
        const serviceId = randomUUID();
        await client.query(
          `INSERT INTO "Service" ("id", "providerId", "slug", "name", "category", "summary", "sourceSection", "position")
           VALUES ($1,$2,$3,$4,$5::"ServiceCategory",$6,$7,$8)`,
          [
            serviceId,
            providerId,
            s.slug,
            s.name,
            s.category.toUpperCase(),
            s.summary,
            s.sourceSection ?? null,
            position,
          ],
        );
        for (const [areaPosition, area] of s.areas.entries()) await insertArea(area, areaPosition, serviceId);
      }
    }
  } finally {
    await client.end();
  }

  expect(await applyMigrations({ databaseUrl: owner.url })).toContain("20261202040000_party_cells");
  db = createPrismaClient(owner.url, { max: 2 });
  for (const doc of seeds) {
    const read = await readProviderDocument({ db, providerId: ids.get(doc.slug)! });
    const expected = providerDocumentSchema.parse(upgradeProviderDocument(JSON.parse(JSON.stringify(v1Document(doc)))));
    expect(read).toEqual(expected);
    // The upgrade itself loses nothing the seeds say about provider and customer.
    const cells = (d: ProviderDocument) =>
      d.services
        .flatMap((s) => s.areas)
        .map((a) => a.cells.filter((c) => c.party === "provider" || c.party === "customer"));
    expect(cells(read)).toEqual(cells(doc));
  }
}, 120_000);
