// What every piece of the diff view needs to know, passed down from DiffView.
import type { ProviderDocument } from "@/lib/validation/provider-document";
import type { DiffLayout } from "@/lib/versions/version-format";

export type Doc = ProviderDocument;
export type Area = Doc["crossCuttingAreas"][number];

export interface DiffContext {
  layout: DiffLayout;
  /** Column headings in side-by-side mode, e.g. "Version 1". */
  beforeLabel: string;
  afterLabel: string;
  /** Party key → name (as in `after`, else as in `before`). */
  partyNames: ReadonlyMap<string, string>;
}

export function hasChanges(d: { added: unknown[]; removed: unknown[]; changed: unknown[]; moved: unknown[] }): boolean {
  return d.added.length + d.removed.length + d.changed.length + d.moved.length > 0;
}
