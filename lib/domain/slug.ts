// Keys made from names: the same rule in TypeScript and in the SQL migration that gave existing
// areas their keys (20261202040000_party_cells), so stored versions and the tables agree. Pure.

const MAX = 60;

/** "Backups & Snapshots" → "backups-snapshots"; a name without letters or digits → "area". */
export function slugify(name: string, fallback = "area"): string {
  const base = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX)
    .replace(/-+$/, "");
  return base || fallback;
}

/**
 * Keys for names in order, unique within the list: the n-th repeat of a slug (n ≥ 2) gets "-n".
 * `taken` holds keys already in use (they are skipped over).
 */
export function uniqueSlugs(names: readonly string[], taken: Iterable<string> = []): string[] {
  const used = new Set(taken);
  const seen = new Map<string, number>();
  return names.map((name) => {
    const base = slugify(name);
    let n = seen.get(base) ?? 0;
    let key: string;
    do {
      n += 1;
      key = n === 1 ? base : `${base.slice(0, MAX - String(n).length - 1).replace(/-+$/, "")}-${n}`;
    } while (used.has(key));
    seen.set(base, n);
    used.add(key);
    return key;
  });
}
