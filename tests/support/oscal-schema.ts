// NIST's OSCAL 1.2.2 JSON schema, copied into the repository (CI has no shared folder), compiled
// once. Its $schema is draft-07: Ajv's default class.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import addFormats from "ajv-formats";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const schema: unknown = JSON.parse(
  readFileSync(path.join(repoRoot, "tests/fixtures/oscal_complete_schema-1.2.2.json"), "utf8"),
);
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema as object);

/** Schema errors of a document as served (JSON text), for the model the document is (its one root key). */
export function oscalSchemaErrors(document: object): string[] {
  if (validate(JSON.parse(JSON.stringify(document)))) return [];
  const root = `/${Object.keys(document)[0]}`;
  return (validate.errors ?? [])
    .filter((error) => error.instancePath.startsWith(root))
    .map((error) => `${error.instancePath} ${error.message}`);
}
