// db:generate's library function against whole databases of the project's kind (PGlite over the
// wire, or a new database on the PostgreSQL server), each migrated and seeded with demo accounts
// as `npm start` does: the counts asked, versions whose newest equals the tables, private providers
// hidden from anonymous readers, the same content hashes from two databases, re-runs, and the
// refusal of a database holding content of its own.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { anonymous, type Actor } from "@/lib/auth/permissions";
import { verifyPassword } from "@/lib/auth/password";
import { prepareDatabase } from "@/lib/setup/bootstrap";
import { createPrismaClient, type Database } from "@/lib/database/client";
import { generateContent, type GenerateContentResult } from "@/lib/setup/generate/generate-content";
import { generatedProviderWhere } from "@/lib/setup/generate/generated-markers";
import { generatedNames } from "@/lib/setup/generate/generate-names";
import { seededRandom } from "@/lib/setup/generate/random";
import { lintProviderDocument } from "@/lib/model/lint";
import { AppError } from "@/lib/errors";
import { exportProviderDocument } from "@/lib/transfer/export-provider-document";
import { readProviderDocument } from "@/lib/transfer/read-provider-document";
import { writeProviderDocument } from "@/lib/transfer/write-provider-document";
import { providerDocumentSchema } from "@/lib/validation/provider-document";
import { contentHash } from "@/lib/versions/content-hash";
import { seedProviders } from "@/prisma/seed";
import { freshDatabase } from "../support/fresh-database";

const sizes = { providers: 3, services: 2, areas: 5, seed: 7 };
const PASSWORD = "generated-customer-password";

interface Subject {
  url: string;
  db: Database;
  result: GenerateContentResult;
  drop: () => Promise<void>;
}

async function generatedDatabase(label: string): Promise<Subject> {
  const fresh = await freshDatabase(label);
  await prepareDatabase({ databaseUrl: fresh.url, demoAccounts: true });
  const db = createPrismaClient(fresh.url, { max: 2 });
  // By URL, as the command does (its own pg connection); the re-run below passes the Prisma client instead.
  const result = await generateContent({ databaseUrl: fresh.url, ...sizes, customerPassword: PASSWORD });
  return {
    url: fresh.url,
    db,
    result,
    drop: async () => {
      await db.$disconnect();
      await fresh.drop();
    },
  };
}

/** Every generated version: provider slug, number and content hash, in order. */
async function versionHashes(db: Database) {
  const rows = await db.providerVersion.findMany({
    where: { provider: generatedProviderWhere },
    select: { number: true, contentHash: true, provider: { select: { slug: true } } },
    orderBy: [{ provider: { slug: "asc" } }, { number: "asc" }],
  });
  return rows.map((r) => `${r.provider.slug} v${r.number} ${r.contentHash}`);
}

let first: Subject;
let second: Subject;
beforeAll(async () => {
  [first, second] = await Promise.all([generatedDatabase("gen_a"), generatedDatabase("gen_b")]);
}, 240_000);
afterAll(async () => {
  await Promise.all([first?.drop(), second?.drop()]);
});

describe("generateContent", () => {
  test("writes the sizes asked for on top of the seed, and says so in its counts", async () => {
    const { db, result } = first;
    expect(result.unchanged).toBe(false);
    expect(result.counts).toMatchObject({ providers: 3, privateProviders: 1, services: 6, areas: 30 });
    expect(await db.provider.count()).toBe(seedProviders.length + 3);
    expect(await db.service.count({ where: { provider: generatedProviderWhere } })).toBe(6);
    expect(
      await db.responsibilityArea.count({ where: { provider: generatedProviderWhere, serviceId: { not: null } } }),
    ).toBe(30);
    expect(await db.responsibilityArea.count({ where: { provider: generatedProviderWhere, serviceId: null } })).toBe(
      result.counts.crossCuttingAreas,
    );
    const versions = await db.providerVersion.count({ where: { provider: generatedProviderWhere } });
    expect(versions).toBe(result.counts.versions);
    expect(versions).toBeGreaterThanOrEqual(6);
    expect(versions).toBeLessThanOrEqual(12);
    expect(await db.organization.count({ where: { slug: { startsWith: "gen-" } } })).toBe(result.counts.organizations);
    expect(await db.user.count({ where: { email: { endsWith: ".generated.demarc.local" } } })).toBe(
      result.counts.users,
    );
    expect(await db.subscription.count({ where: { organization: { slug: { startsWith: "gen-" } } } })).toBe(
      result.counts.subscriptions,
    );
    // The seed and its demo accounts are untouched.
    expect(await db.user.count({ where: { email: { endsWith: "@demarc.local" } } })).toBe(4);
  });

  test("stores versions whose newest document is what the tables hold, every one hashed as the app hashes", async () => {
    const { db } = first;
    const providers = await db.provider.findMany({
      where: generatedProviderWhere,
      select: { id: true, slug: true, publishedAt: true, versions: { orderBy: { number: "asc" } } },
    });
    expect(providers).toHaveLength(3);
    for (const provider of providers) {
      expect(provider.publishedAt).not.toBeNull();
      const newest = provider.versions.at(-1)!;
      const tables = await readProviderDocument({ db, providerId: provider.id });
      expect(tables, provider.slug).toEqual(newest.document);
      expect(contentHash(tables)).toBe(newest.contentHash);
      for (const version of provider.versions) {
        expect(contentHash(version.document)).toBe(version.contentHash);
        const document = providerDocumentSchema.parse(version.document);
        expect(lintProviderDocument(document).filter((i) => i.severity === "error")).toEqual([]);
        expect(version.publishedBy).toBe("system:generate");
      }
      // Earlier versions differ, so the comparison pages have changes to show.
      expect(new Set(provider.versions.map((v) => v.contentHash)).size).toBe(provider.versions.length);
    }
  });

  test("hides private providers from anonymous readers and shows their subscribed services to their customers", async () => {
    const { db } = first;
    const hidden = await db.provider.findFirstOrThrow({ where: { ...generatedProviderWhere, isPrivate: true } });
    await expect(exportProviderDocument({ db, actor: anonymous, provider: hidden.slug })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const subscription = await db.subscription.findFirstOrThrow({
      where: { service: { providerId: hidden.id } },
      include: { organization: { include: { users: true } } },
    });
    const user = subscription.organization.users[0]!;
    expect(await verifyPassword(user.passwordHash!, PASSWORD)).toBe(true);
    const customer: Actor = {
      kind: "user",
      id: user.id,
      email: user.email,
      name: user.name,
      role: "customer",
      organizationId: user.organizationId,
      managedProviderIds: [],
    };
    const seen = await exportProviderDocument({ db, actor: customer, provider: hidden.slug });
    const subscribed = await db.service.findMany({
      where: { providerId: hidden.id, subscriptions: { some: { organizationId: user.organizationId! } } },
      select: { slug: true },
    });
    expect(seen.services.map((s) => s.slug).sort()).toEqual(subscribed.map((s) => s.slug).sort());
    const publicOne = await db.provider.findFirstOrThrow({ where: { ...generatedProviderWhere, isPrivate: false } });
    expect((await exportProviderDocument({ db, actor: anonymous, provider: publicOne.slug })).slug).toBe(
      publicOne.slug,
    );
  });

  test("generates the same content in another database from the same arguments", async () => {
    expect(second.result.counts).toEqual(first.result.counts);
    expect(await versionHashes(second.db)).toEqual(await versionHashes(first.db));
  });

  test("changes nothing when run again with the same arguments, and replaces its content for other ones", async () => {
    const { db } = second;
    const before = await versionHashes(db);
    const ids = await db.provider.findMany({ where: generatedProviderWhere, select: { id: true } });
    const again = await generateContent({ db, ...sizes });
    expect(again.unchanged).toBe(true);
    expect(await versionHashes(db)).toEqual(before);
    expect(await db.provider.findMany({ where: generatedProviderWhere, select: { id: true } })).toEqual(ids);

    const lines: string[] = [];
    const other = await generateContent({
      db,
      providers: 2,
      services: 1,
      areas: 3,
      seed: 7,
      log: (l) => lines.push(l),
    });
    expect(other).toMatchObject({ unchanged: false, replacedProviders: 3 });
    expect(lines.join("\n")).toMatch(/Removed 3 generated providers/);
    expect(await db.provider.count({ where: generatedProviderWhere })).toBe(2);
    expect(
      await db.responsibilityArea.count({ where: { provider: generatedProviderWhere, serviceId: { not: null } } }),
    ).toBe(2 * 1 * 3);
    expect(await db.provider.count()).toBe(seedProviders.length + 2);
    expect(await db.organization.count({ where: { slug: { startsWith: "gen-" } } })).toBe(other.counts.organizations);
  });

  test("refuses a database holding content of its own, saying what it found, unless forced", async () => {
    const { db } = first;
    const real = providerDocumentSchema.parse({
      ...seedProviders[0]!,
      slug: "acme-cloud",
      name: "Acme Cloud",
    });
    await db.$transaction((tx) => writeProviderDocument({ tx, document: real }));
    await db.user.create({ data: { email: "ops@acme.example", name: "Ops", role: "ADMIN" } });
    const before = await versionHashes(db);

    const refusal = generateContent({ db, ...sizes, seed: 8 });
    await expect(refusal).rejects.toBeInstanceOf(AppError);
    await expect(refusal).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(refusal).rejects.toThrow(/1 provider \(acme-cloud\); 1 account \(ops@acme\.example\)/);
    await expect(refusal).rejects.toThrow(/--force/);
    expect(await versionHashes(db)).toEqual(before);

    const forced = await generateContent({ db, ...sizes, seed: 8, force: true });
    expect(forced.unchanged).toBe(false);
    expect(await versionHashes(db)).not.toEqual(before);
    expect(await db.provider.count({ where: { slug: "acme-cloud" } })).toBe(1);
    expect(await db.user.count({ where: { email: "ops@acme.example" } })).toBe(1);
  });

  test("changes nothing when a forced run fails (a provider of its own holds a generated slug)", async () => {
    const { db, url } = second;
    const taken = generatedNames(seededRandom(7).fork("provider-names"), "provider", 3)[2]!.slug;
    const real = providerDocumentSchema.parse({ ...seedProviders[1]!, slug: taken, name: "Taken Name" });
    await db.$transaction((tx) => writeProviderDocument({ tx, document: real }));
    const before = await versionHashes(db);
    const setting = await db.appSetting.findUnique({ where: { key: "generated-content" } });

    const failed = generateContent({ databaseUrl: url, providers: 3, services: 1, areas: 3, seed: 7, force: true });
    await expect(failed).rejects.toThrow(/unique|duplicate/i);
    expect(await versionHashes(db)).toEqual(before);
    expect(await db.provider.count({ where: generatedProviderWhere })).toBe(2);
    expect(await db.appSetting.findUnique({ where: { key: "generated-content" } })).toEqual(setting);
    expect(await db.provider.count({ where: { slug: taken } })).toBe(1);
  });

  test("refuses sizes out of bounds before touching the database", async () => {
    await expect(generateContent({ db: first.db, providers: 0, services: 1, areas: 1 })).rejects.toThrow(
      "--providers must be a whole number from 1 to 1000 (got 0).",
    );
  });
});
