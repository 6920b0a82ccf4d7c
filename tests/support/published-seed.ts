// Seed providers published under unique slugs, for tests that read versions (exports, diffs): each
// call makes its own provider, so test files never share or race on one.
import type { Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { providerDocumentSchema, type ProviderDocumentInput } from "@/lib/validation/provider-document";
import { recordVersion } from "@/lib/versions/record-version";
import { seedProviders } from "@/prisma/seed";
import { createProvider } from "./app-db";

export const systemActor: Actor = { kind: "system", command: "test" };

/** A seed provider under a unique slug, published as version 1 (after `edit`, if given). */
export async function publishedSeed(slug: string, edit?: (doc: ProviderDocumentInput) => void) {
  const doc = structuredClone(seedProviders.find((p) => p.slug === slug)!);
  doc.slug = `${slug}-${crypto.randomUUID().slice(0, 8)}`;
  edit?.(doc);
  const created = await createProvider(doc);
  return { ...created, slug: doc.slug };
}

/**
 * Publishes version 2 of a published seed: the first service's first area gains a customer duty
 * ("Review the new duty"), and a copy of it is added as "Brand new area".
 */
export async function publishChangedVersion(p: Awaited<ReturnType<typeof publishedSeed>>) {
  const changed = structuredClone(p.document);
  const area = changed.services[0]!.areas[0]!;
  area.cells.find((c) => c.party === "customer")!.duties.push({ text: "Review the new duty" });
  changed.services[0]!.areas.push({ ...structuredClone(area), key: "brand-new", name: "Brand new area" });
  const version = await getDb().$transaction((tx) =>
    recordVersion({
      tx,
      actor: systemActor,
      providerId: p.id,
      document: providerDocumentSchema.parse(changed),
      note: "2",
    }),
  );
  return { changed, area, version };
}
