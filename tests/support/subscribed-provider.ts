// A fresh provider with a Backups area (shared) and an Access area (the customer's), and organizations
// subscribing to its service: what the change-impact tests publish new versions of.
import { getDb } from "@/lib/db";
import { makeOrganization } from "../factories/accounts";
import { makeArea, makeProviderDocument } from "../factories/provider-document";
import { createProvider } from "./app-db";

export async function subscribedProvider(organizations = 1) {
  const input = makeProviderDocument();
  input.services[0]!.areas = [
    makeArea("Backups", { provider: ["Run the backup service"], customer: ["Encrypt backups"] }),
    makeArea("Access", { customer: ["Review access quarterly"] }),
  ];
  const provider = await createProvider(input);
  const service = await getDb().service.findFirstOrThrow({ where: { providerId: provider.id } });
  const orgs = await Promise.all(
    Array.from({ length: organizations }, () => makeOrganization({ serviceIds: [service.id] })),
  );
  return { input, provider, service, orgs };
}
