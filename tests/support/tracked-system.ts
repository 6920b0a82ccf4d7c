// A customer's one-tier system over a fresh provider of their own, for tests of obligation tracking:
// the provider's next versions are published with `publish`, tracking read with `tracking`.
import { getDb } from "@/lib/db";
import { getSystemTracking } from "@/lib/systems/get-system-tracking";
import { saveSystem } from "@/lib/systems/save-system";
import { applyProviderDocument } from "@/lib/transfer/write-provider-document";
import { providerDocumentSchema, type ProviderDocumentInput } from "@/lib/validation/provider-document";
import { recordVersion } from "@/lib/versions/record-version";
import { makeOrganization, makeUser } from "../factories/accounts";
import { makeArea, makeProviderDocument } from "../factories/provider-document";
import { createProvider } from "./app-db";
import { systemActor } from "./published-seed";

function documentWith(areas: ReturnType<typeof makeArea>[]): ProviderDocumentInput {
  const doc = makeProviderDocument();
  doc.services[0]!.areas = areas;
  return doc;
}

export const firstAreas = () => [
  makeArea("Backups", { provider: ["Run the backup service"], customer: ["Encrypt backups", "Test restores"] }),
  makeArea("Access", { customer: ["Review access quarterly"] }),
];

/** A customer of a fresh organization with a one-tier system over a fresh provider. */
export async function trackedSystem() {
  const provider = await createProvider(documentWith(firstAreas()));
  const organization = await makeOrganization();
  const { actor } = await makeUser({ role: "customer", organizationId: organization.id });
  const { slug } = await saveSystem({
    actor,
    input: {
      name: `Tracked ${provider.document.slug}`,
      tiers: [
        { key: "app", provider: provider.document.slug, service: provider.document.services[0]!.slug, model: null },
      ],
      bindings: [],
    },
  });
  const publish = async (areas: ReturnType<typeof makeArea>[]) => {
    const document = providerDocumentSchema.parse({
      ...provider.document,
      services: [{ ...provider.document.services[0]!, areas }],
    });
    await getDb().$transaction(async (tx) => {
      await applyProviderDocument({ tx, providerId: provider.id, document });
      await recordVersion({ tx, actor: systemActor, providerId: provider.id, document, note: "next" });
    });
  };
  const tracking = () => getSystemTracking({ actor, system: slug });
  const keyOf = async (text: string) => (await tracking()).tracked!.obligations.find((o) => o.text === text)!.key;
  return { actor, organization, slug, publish, tracking, keyOf };
}
