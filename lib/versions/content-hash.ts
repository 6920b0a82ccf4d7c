import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/domain/canonical-json";

/** SHA-256 of a document's canonical JSON: the same content gives the same hash, whatever its key order. */
export function contentHash(document: unknown): string {
  return createHash("sha256").update(canonicalJson(document)).digest("hex");
}
