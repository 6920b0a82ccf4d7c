// Fills a database with generated providers for demos and benchmarks (npm run db:generate).
import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient, type Database } from "@/lib/database/client";
import { AppError } from "@/lib/errors";
import { providerDocumentSchema } from "@/lib/validation/provider-document";
import { generateVersions } from "./earlier-versions";
import { findForeignContent } from "./find-foreign-content";
import { addGeneratedAccounts, type GeneratedProviderServices } from "./generate-accounts";
import { checkGenerateSizes } from "./generate-limits";
import { generatedNames } from "./generate-names";
import { generateProviderDocument } from "./generate-provider-document";
import { addDocumentRows } from "./document-rows";
import { SharedCanonicalJson } from "./document-hash";
import { GENERATED_SETTING_KEY, generatedProviderWhere } from "./generated-markers";
import { randomUUID } from "node:crypto";
import { seededRandom } from "./random";
import { removeGeneratedContent } from "./remove-generated-content";
import { RowBuffer } from "./row-buffer";
import { inTransaction } from "./sql-transaction";

export interface GenerateContentOptions {
  /**
   * The database to fill, by URL (preferred: the bulk writes then use a pg connection of their own,
   * about a sixth faster), or as a Prisma client (left open), or both. One of the two is required. The
   * database must be migrated already, and normally seeded: `prepareDatabase()` in
   * lib/setup/bootstrap.ts does both.
   */
  databaseUrl?: string;
  db?: Database;
  /** How many providers to generate (1–1000), on top of the seeded ones. */
  providers: number;
  /** Services per provider (1–100). */
  services: number;
  /** Responsibility areas per service (1–500); each provider also gets 2–4 cross-cutting areas. */
  areas: number;
  /** Seed of the pseudo-random content (default 1): the same sizes and seed give the same content hashes. */
  seed?: number;
  /** Generate even though the database holds content that is neither seeded nor generated (a real installation). */
  force?: boolean;
  /** Password of the generated customer accounts (hashed once); absent or null: they cannot sign in with one. */
  customerPassword?: string | null;
  log?: (line: string) => void;
}

export interface GenerateContentResult {
  /** True when the database already held content generated with the same arguments: nothing was written. */
  unchanged: boolean;
  /** Generated providers of an earlier run with other arguments, removed first. */
  replacedProviders: number;
  counts: {
    providers: number;
    privateProviders: number;
    services: number;
    /** Areas of services: providers × services × areas. */
    areas: number;
    crossCuttingAreas: number;
    versions: number;
    organizations: number;
    users: number;
    subscriptions: number;
  };
  elapsedMs: number;
}

/** Rows buffered before they are written; large enough for few statements, small enough for memory. */
const FLUSH_BYTES = 16 * 1024 * 1024;
const DAY = 86_400_000;
const FIRST_PUBLICATION = Date.UTC(2024, 0, 8);

/**
 * Adds deterministic generated providers ("gen-…" slugs, source document "generated"; every tenth,
 * starting with the third, private), each with 2–4 published versions whose newest equals the tables,
 * plus customer organizations and accounts subscribed to their services. Refuses (CONFLICT) a database
 * holding content that is neither seeded nor generated unless `force`. Same arguments as the content
 * already generated: nothing to do; other arguments: the earlier generated content is replaced. One
 * transaction: on failure nothing changes.
 */
export async function generateContent(options: GenerateContentOptions): Promise<GenerateContentResult> {
  const seed = options.seed ?? 1;
  const sizes = { providers: options.providers, services: options.services, areas: options.areas, seed };
  checkGenerateSizes(sizes);
  if (!options.db && !options.databaseUrl) throw new Error("generateContent needs db or databaseUrl");
  const log = options.log ?? (() => {});
  const db = options.db ?? createPrismaClient(options.databaseUrl!, { max: 2 });
  try {
    return await generateInto({ db, databaseUrl: options.databaseUrl }, { ...options, seed }, sizes, log);
  } finally {
    if (!options.db) await db.$disconnect();
  }
}

async function generateInto(
  target: { db: Database; databaseUrl?: string },
  options: GenerateContentOptions & { seed: number },
  sizes: { providers: number; services: number; areas: number; seed: number },
  log: (line: string) => void,
): Promise<GenerateContentResult> {
  const { db } = target;
  const started = performance.now();
  const foreign = await findForeignContent({ db });
  if (foreign.length && !options.force)
    throw new AppError(
      "CONFLICT",
      `This database holds content that was neither seeded nor generated: ${foreign.join("; ")}. ` +
        "It looks like a real installation, so nothing was generated. Run with --force to add generated content anyway " +
        "(existing content is left as it is).",
    );
  if (foreign.length) log(`Generating anyway (--force) next to: ${foreign.join("; ")}.`);

  const marker = JSON.stringify(sizes);
  const previous = await db.appSetting.findUnique({ where: { key: GENERATED_SETTING_KEY } });
  const previousRun = previous
    ? (JSON.parse(previous.value) as { sizes: string; counts: GenerateContentResult["counts"] })
    : null;
  if (
    previousRun?.sizes === marker &&
    (await db.provider.count({ where: generatedProviderWhere })) === previousRun.counts.providers
  ) {
    log(`The database already holds the content generated with these arguments (${describe(sizes)}); nothing to do.`);
    return {
      unchanged: true,
      replacedProviders: 0,
      counts: previousRun.counts,
      elapsedMs: performance.now() - started,
    };
  }

  const passwordHash = options.customerPassword ? await hashPassword(options.customerPassword) : null;
  const root = seededRandom(options.seed);
  const names = generatedNames(root.fork("provider-names"), "provider", sizes.providers);
  const result = await inTransaction(target, async (execute) => {
    const replacedProviders = await removeGeneratedContent({ execute });
    if (replacedProviders)
      log(
        `Removed ${replacedProviders} generated provider${replacedProviders === 1 ? "" : "s"} of an earlier run with other arguments; generating anew.`,
      );
    const rows = new RowBuffer();
    try {
      const counts = { providers: 0, privateProviders: 0, services: 0, areas: 0, crossCuttingAreas: 0, versions: 0 };
      const providerServices: GeneratedProviderServices[] = [];
      for (const [index, { name, slug }] of names.entries()) {
        const random = root.fork(`provider-${index}`);
        const isPrivate = index % 10 === 2;
        const document = generateProviderDocument({
          random,
          name,
          slug,
          isPrivate,
          services: sizes.services,
          areas: sizes.areas,
        });
        // A guard against the generator drifting from the schema: one document is cheap to check.
        if (index === 0) providerDocumentSchema.parse(document);
        const versions = generateVersions(random.fork("versions"), document, random.between(2, 4));
        const canonical = new SharedCanonicalJson();
        const providerId = randomUUID();
        const firstPublished = FIRST_PUBLICATION + (index % 365) * DAY;
        const publishedAt = (number: number) =>
          new Date(firstPublished + (number - 1) * 21 * DAY + random.int(8 * 3600) * 1000);
        const serviceIds = addDocumentRows({ rows, providerId, document, publishedAt: new Date(firstPublished) });
        versions.forEach((version, i) =>
          rows.add(
            "ProviderVersion",
            {
              id: randomUUID(),
              providerId,
              number: i + 1,
              note: version.note,
              contentHash: canonical.hash(version.document),
              publishedAt: publishedAt(i + 1).toISOString(),
              publishedById: null,
              publishedBy: "system:generate",
            },
            // The canonical text just hashed is the document's JSON too.
            { document: canonical.text(version.document) },
          ),
        );
        providerServices.push({ isPrivate, serviceIds: [...serviceIds.values()] });
        counts.providers += 1;
        counts.privateProviders += Number(isPrivate);
        counts.services += document.services.length;
        counts.areas += document.services.reduce((sum, s) => sum + s.areas.length, 0);
        counts.crossCuttingAreas += document.crossCuttingAreas.length;
        counts.versions += versions.length;
        if (rows.bytes > FLUSH_BYTES) await rows.flushInBackground(execute);
      }
      const accounts = addGeneratedAccounts({
        random: root.fork("accounts"),
        rows,
        providers: providerServices,
        passwordHash,
        now: new Date(),
      });
      await rows.flush(execute);
      const allCounts = { ...counts, ...accounts };
      await execute(
        `INSERT INTO "AppSetting" ("key", "value") VALUES ($1, $2)`,
        GENERATED_SETTING_KEY,
        JSON.stringify({ sizes: marker, counts: allCounts }),
      );
      return { replacedProviders, counts: allCounts };
    } catch (error) {
      // A batch may still be on its way: let it finish before the transaction rolls back.
      await rows.settle();
      throw error;
    }
  });
  const elapsedMs = performance.now() - started;
  const c = result.counts;
  const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  log(
    `Generated ${n(c.providers, "provider")} (${c.privateProviders} private), ${n(c.services, "service")}, ` +
      `${n(c.areas, "area")} (+${c.crossCuttingAreas} cross-cutting), ${n(c.versions, "version")}, ` +
      `${n(c.organizations, "organization")}, ${n(c.users, "customer account")}, ${n(c.subscriptions, "subscription")} ` +
      `in ${(elapsedMs / 1000).toFixed(1)} s.`,
  );
  return { unchanged: false, ...result, elapsedMs };
}

function describe(sizes: { providers: number; services: number; areas: number; seed: number }) {
  return `--providers ${sizes.providers} --services ${sizes.services} --areas ${sizes.areas} --seed ${sizes.seed}`;
}
