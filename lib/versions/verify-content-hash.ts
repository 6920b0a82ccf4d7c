// Which published version a content hash printed on an export belongs to, and whether a newer
// version exists: how an auditor checks that a file is what it claims. Only providers the actor may
// see are found; a hash of a hidden provider's version reads exactly like an unknown one.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/permissions";
import { visibleProviderWhere } from "@/lib/auth/visibility";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { parseInput } from "@/lib/validation/parse-input";

export const contentHashInput = z.object({
  hash: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[0-9a-f]{64}$/, "A SHA-256 hash is 64 hexadecimal characters"),
});

export const verifiedVersionDto = z.object({
  provider: z.object({ slug: z.string(), name: z.string() }),
  version: z.number().int(),
  publishedAt: z.iso.datetime(),
  latestVersion: z.number().int(),
  isLatest: z.boolean(),
});
export type VerifiedVersionDto = z.infer<typeof verifiedVersionDto>;

export async function verifyContentHash(options: {
  db?: Database;
  actor: Actor;
  hash: string;
}): Promise<VerifiedVersionDto[]> {
  const db = options.db ?? getDb();
  const { hash } = parseInput(contentHashInput, { hash: options.hash });
  const rows = await db.providerVersion.findMany({
    where: { contentHash: hash, provider: visibleProviderWhere(options.actor) },
    orderBy: [{ providerId: "asc" }, { number: "asc" }],
    select: {
      number: true,
      publishedAt: true,
      provider: {
        select: {
          slug: true,
          name: true,
          versions: { orderBy: { number: "desc" }, take: 1, select: { number: true } },
        },
      },
    },
  });
  return rows.map((row) => {
    const latestVersion = row.provider.versions[0]?.number ?? row.number;
    return verifiedVersionDto.parse({
      provider: { slug: row.provider.slug, name: row.provider.name },
      version: row.number,
      publishedAt: row.publishedAt.toISOString(),
      latestVersion,
      isLatest: latestVersion === row.number,
    });
  });
}
