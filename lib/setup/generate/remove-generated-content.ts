// Removes what an earlier run generated. Deleting the providers alone would cascade row by row
// through foreign keys that have no index on the referencing side (an area's group, layer and
// deployment assignments), which takes minutes for 80,000 areas; deleting children first in bulk
// keeps every cascade check small.
import "server-only";
import {
  GENERATED_EMAIL_SUFFIX,
  GENERATED_SETTING_KEY,
  GENERATED_SLUG_PREFIX,
  GENERATED_SOURCE_DOCUMENT,
} from "./generated-markers";
import type { Execute } from "./sql-transaction";

export async function removeGeneratedContent(options: { execute: Execute }): Promise<number> {
  const { execute } = options;
  const providers = `SELECT "id" FROM "Provider" WHERE "slug" LIKE $1 AND "sourceDocument" = $2`;
  const services = `SELECT "id" FROM "Service" WHERE "providerId" IN (${providers})`;
  const prefix = `${GENERATED_SLUG_PREFIX}%`;
  const inProviders = (sql: string) => execute(sql, prefix, GENERATED_SOURCE_DOCUMENT);
  await inProviders(
    `DELETE FROM "DeploymentAssignment" WHERE "deploymentModelId" IN (SELECT "id" FROM "DeploymentModel" WHERE "serviceId" IN (${services}))`,
  );
  await inProviders(`DELETE FROM "DeploymentModel" WHERE "serviceId" IN (${services})`);
  await inProviders(`DELETE FROM "ResponsibilityArea" WHERE "providerId" IN (${providers})`);
  await inProviders(`DELETE FROM "AreaGroup" WHERE "providerId" IN (${providers})`);
  await inProviders(
    `DELETE FROM "Component" WHERE "layerId" IN (SELECT "id" FROM "Layer" WHERE "serviceId" IN (${services}))`,
  );
  await inProviders(`DELETE FROM "Layer" WHERE "serviceId" IN (${services})`);
  await inProviders(`DELETE FROM "Subscription" WHERE "serviceId" IN (${services})`);
  await inProviders(`DELETE FROM "Service" WHERE "providerId" IN (${providers})`);
  await inProviders(`DELETE FROM "ProviderVersion" WHERE "providerId" IN (${providers})`);
  const removed = await inProviders(`DELETE FROM "Provider" WHERE "id" IN (${providers})`);
  await execute(`DELETE FROM "User" WHERE "email" LIKE $1`, `%${GENERATED_EMAIL_SUFFIX}`);
  // An organization someone else named "gen-…" keeps its members, so it is not taken for a generated one.
  await execute(
    `DELETE FROM "Organization" o WHERE o."slug" LIKE $1 AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u."organizationId" = o."id")`,
    prefix,
  );
  await execute(`DELETE FROM "AppSetting" WHERE "key" = $1`, GENERATED_SETTING_KEY);
  return removed;
}
