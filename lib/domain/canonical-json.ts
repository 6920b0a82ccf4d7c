// JSON with object keys sorted (and undefined dropped): stable for hashing and comparing. Pure and
// dependency-free, so the editor's client components compare values with the same rule the server uses.

export function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** Deep equality of JSON values; object key order does not matter, missing equals undefined. */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
