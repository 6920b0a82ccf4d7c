// GET /api/v1/verify/{sha256}: a content hash printed on an export names its provider and version,
// says whether a newer version exists, and finds nothing the asker may not see.
import { describe, expect, test } from "vitest";
import { GET as verifyRoute } from "@/app/api/v1/verify/[hash]/route";
import { anonymous, type Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { recordVersion } from "@/lib/versions/record-version";
import { providerDocumentSchema } from "@/lib/validation/provider-document";
import { actAs } from "../support/actor";
import { createProvider } from "../support/app-db";
import { callRoute } from "../support/call-route";
import { makeUser } from "../factories/accounts";
import { makeProviderDocument } from "../factories/provider-document";

const system: Actor = { kind: "system", command: "test" };

async function publish(providerId: string, document: unknown) {
  const parsed = providerDocumentSchema.parse(document);
  return getDb().$transaction((tx) => recordVersion({ tx, actor: system, providerId, document: parsed, note: "v" }));
}

const verify = (hash: string) => callRoute(verifyRoute, `/api/v1/verify/${hash}`, { hash });

describe("verifying a content hash", () => {
  test("names the provider and version, and whether a newer one exists", async () => {
    actAs(anonymous);
    const first = await createProvider(makeProviderDocument());
    const p = first;
    let answer = await verify(first.contentHash.toUpperCase());
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      hash: first.contentHash,
      versions: [
        { provider: { slug: p.document.slug, name: p.document.name }, version: 1, latestVersion: 1, isLatest: true },
      ],
    });
    await publish(p.id, { ...p.document, summary: "Changed." });
    answer = await verify(first.contentHash);
    expect(answer.body).toMatchObject({ versions: [{ version: 1, latestVersion: 2, isLatest: false }] });
  });

  test("a hidden provider's hash is the same 404 as an unknown one; a malformed hash is a 400", async () => {
    const p = await createProvider(makeProviderDocument({ isPrivate: true }));
    const { contentHash } = p;
    actAs(anonymous);
    const hidden = await verify(contentHash);
    const unknown = await verify("0".repeat(64));
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(unknown.body);
    const bad = await verify("not-a-hash");
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      errors: [{ path: "hash", message: "A SHA-256 hash is 64 hexadecimal characters" }],
    });
    actAs((await makeUser({ role: "auditor" })).actor);
    expect((await verify(contentHash)).status).toBe(200);
  });
});
