import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// The five public source documents, kept beside the tests so a clone anywhere can check the
// transcriptions against them (the originals are listed in tests/fixtures/seed-docs/INDEX.md).
const seedDocsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/seed-docs");

/** A seed document's text, by file name (e.g. "004_827cda325b6e9bfa.txt"). */
export const readSeedDoc = (file: string) => readFileSync(path.join(seedDocsDir, file), "utf8");
