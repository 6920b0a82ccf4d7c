// "Nothing half-written", checked on a provider after a crash: every stored document is valid, every
// version's content hash is its document's, the published tables hold exactly the newest version,
// and the audit log agrees with the draft and the versions (each is written in the same transaction
// as what it records, so a torn write shows as a disagreement here).
import type { Database } from "@/lib/database/client";
import { readProviderDocument } from "@/lib/transfer/read-provider-document";
import { providerDocumentSchema } from "@/lib/validation/provider-document";
import { parseStoredProviderDocument } from "@/lib/validation/stored-provider-document";
import { contentHash } from "@/lib/versions/content-hash";

/** What is inconsistent about the provider's stored state; empty when nothing is. */
export async function integrityProblems(db: Database, slug: string): Promise<string[]> {
  const problems: string[] = [];
  const provider = await db.provider.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  const versions = await db.providerVersion.findMany({
    where: { providerId: provider.id },
    orderBy: { number: "asc" },
  });
  for (const version of versions) {
    const parsed = providerDocumentSchema.safeParse(version.document);
    if (!parsed.success) problems.push(`version ${version.number}: its document is not a valid provider document`);
    else if (contentHash(parseStoredProviderDocument(version.document)) !== version.contentHash)
      problems.push(`version ${version.number}: the content hash is not its document's`);
  }
  const newest = versions.at(-1);
  if (newest && !holds(await readProviderDocument({ db, providerId: provider.id }), newest.document))
    problems.push(`the published tables do not hold version ${newest.number}`);

  const audit = await db.auditEntry.findMany({
    where: { providerId: provider.id, action: { in: ["provider.publish"] } },
    select: { after: true },
  });
  const published = new Set(audit.map((entry) => (entry.after as { version?: number } | null)?.version));
  for (const version of versions.slice(1))
    if (!published.has(version.number)) problems.push(`version ${version.number} has no provider.publish audit entry`);
  if (audit.length !== Math.max(0, versions.length - 1))
    problems.push(`${audit.length} publish audit entries for ${versions.length - 1} published versions`);

  const draft = await db.providerDraft.findUnique({ where: { providerId: provider.id } });
  if (draft) {
    if (!providerDocumentSchema.safeParse(draft.document).success)
      problems.push("the draft is not a valid provider document");
    // Every change since the last publish is one draft.* entry, and bumped the draft's version by one.
    const lastPublish = await db.auditEntry.findFirst({
      where: { providerId: provider.id, action: "provider.publish" },
      orderBy: { id: "desc" },
      select: { id: true },
    });
    const changes = await db.auditEntry.count({
      where: { providerId: provider.id, action: { startsWith: "draft." }, id: { gt: lastPublish?.id ?? 0n } },
    });
    if (changes !== draft.version)
      problems.push(
        `the draft is at change ${draft.version} but the audit log holds ${changes} changes since the last publish`,
      );
  }
  return problems;
}

/**
 * Whether the document read back from the tables says what `document` says. The tables also store
 * who carries each row (`parties`), which a document may leave implied by the assignment: such an
 * added field is not a difference.
 */
function holds(fromTables: unknown, document: unknown): boolean {
  if (Array.isArray(document))
    return (
      Array.isArray(fromTables) &&
      fromTables.length === document.length &&
      document.every((item, i) => holds(fromTables[i], item))
    );
  if (document === null || typeof document !== "object") return fromTables === document;
  if (fromTables === null || typeof fromTables !== "object" || Array.isArray(fromTables)) return false;
  const stated = document as Record<string, unknown>;
  const stored = fromTables as Record<string, unknown>;
  const extra = Object.keys(stored).filter((key) => !(key in stated) && stored[key] !== undefined);
  return extra.every((key) => key === "parties") && Object.keys(stated).every((key) => holds(stored[key], stated[key]));
}
