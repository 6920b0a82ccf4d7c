// The check every fuzz property relies on: reading the database leaves its fingerprint as it was,
// and any committed write changes it (so a partial write by a refused request cannot go unseen).
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { makeOrganization } from "../factories/accounts";
import { databaseFingerprint } from "./support/database-fingerprint";

describe("the database fingerprint", () => {
  it("is stable across reads and changes with every write, even one of identical content", async () => {
    const organization = await makeOrganization();
    const before = await databaseFingerprint();
    await getDb().organization.findMany();
    expect(await databaseFingerprint()).toBe(before);
    await getDb().organization.update({ where: { id: organization.id }, data: { name: organization.name } });
    const rewritten = await databaseFingerprint();
    expect(rewritten).not.toBe(before);
    await getDb().organization.delete({ where: { id: organization.id } });
    expect(await databaseFingerprint()).not.toBe(rewritten);
  });
});
