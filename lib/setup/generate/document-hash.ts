// contentHash() (lib/versions/content-hash.ts) for many documents that share most of their parts:
// the canonical JSON of each object is computed once and reused by every document holding it, so a
// provider's earlier versions cost little more than its newest. The output is byte for byte
// canonicalJson()'s (keys sorted by code unit, undefined members dropped); a unit test holds the
// two together.
import { createHash } from "node:crypto";

export class SharedCanonicalJson {
  private readonly cache = new WeakMap<object, string>();

  text(value: unknown): string {
    if (value === null || value === undefined) return "null";
    if (typeof value !== "object") return JSON.stringify(value) ?? "null";
    const cached = this.cache.get(value);
    if (cached !== undefined) return cached;
    let text: string;
    if (Array.isArray(value))
      text = `[${value.map((item) => (item === undefined || typeof item === "function" ? "null" : this.text(item))).join(",")}]`;
    else {
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined && typeof v !== "function")
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      text = `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${this.text(v)}`).join(",")}}`;
    }
    this.cache.set(value, text);
    return text;
  }

  hash(document: unknown): string {
    return createHash("sha256").update(this.text(document)).digest("hex");
  }
}
