// How generated content is told apart from everything else: provider and organization slugs start
// with "gen-" (providers also cite the source document "generated"), account emails end in
// GENERATED_EMAIL_SUFFIX, and an AppSetting row records the arguments of the last run.
import { GENERATED_SLUG_PREFIX } from "./generate-names";
import { GENERATED_SOURCE_DOCUMENT } from "./generate-provider-document";

export { GENERATED_SLUG_PREFIX, GENERATED_SOURCE_DOCUMENT };

export const GENERATED_EMAIL_SUFFIX = ".generated.demarc.local";

/** AppSetting key holding the arguments and counts of the generated content in the database. */
export const GENERATED_SETTING_KEY = "generated-content";

export const generatedProviderWhere = {
  slug: { startsWith: GENERATED_SLUG_PREFIX },
  sourceDocument: GENERATED_SOURCE_DOCUMENT,
} as const;

export const generatedUserWhere = { email: { endsWith: GENERATED_EMAIL_SUFFIX } } as const;

export const generatedOrganizationWhere = { slug: { startsWith: GENERATED_SLUG_PREFIX } } as const;
