import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { readProviderDocument } from "@/lib/transfer/read-provider-document";
import type { ProviderDocument } from "@/lib/validation/provider-document";
import { parseStoredProviderDocument } from "@/lib/validation/stored-provider-document";
import { findEditableProvider } from "./find-editable-provider";

/** The draft an editor works on (the published model when nobody has changed anything yet). */
export async function getDraft(options: {
  db?: Database;
  actor: Actor;
  provider: string;
}): Promise<{ document: ProviderDocument; version: number; changed: boolean; updatedAt: Date | null }> {
  const db = options.db ?? getDb();
  const provider = await findEditableProvider({ db, actor: options.actor, slug: options.provider });
  const draft = await db.providerDraft.findUnique({ where: { providerId: provider.id } });
  if (draft) {
    return {
      document: parseStoredProviderDocument(draft.document),
      version: draft.version,
      changed: draft.version > 0,
      updatedAt: draft.updatedAt,
    };
  }
  return {
    document: await readProviderDocument({ db, providerId: provider.id }),
    version: 0,
    changed: false,
    updatedAt: null,
  };
}
