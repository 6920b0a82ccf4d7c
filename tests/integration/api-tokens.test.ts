import { createHash } from "node:crypto";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { anonymous, type Actor } from "@/lib/auth/permissions";
import { actorFromApiToken } from "@/lib/auth/sessions";
import { apiTokenLimit } from "@/lib/auth/rate-limit";
import { errorToProblem, problemResponse } from "@/lib/api/problem";
import { getDb } from "@/lib/db";
import { issueApiToken } from "@/lib/tokens/issue-api-token";
import { listApiTokens } from "@/lib/tokens/list-api-tokens";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";
import { issueApiTokenAction, revokeApiTokenAction } from "@/lib/actions/users";
import { actAs } from "../support/actor";
import { makeOrganization, makeUser, type UserActor } from "../factories/accounts";

// Server actions call revalidatePath, which needs a Next.js request; the tests check data instead.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const db = getDb();

let admin: UserActor;
let auditor: UserActor;
let accountManager: UserActor;
let customer: UserActor;

beforeAll(async () => {
  admin = (await makeUser({ role: "admin" })).actor;
  auditor = (await makeUser({ role: "auditor" })).actor;
  accountManager = (await makeUser({ role: "account-manager" })).actor;
  customer = (await makeUser({ role: "customer", organizationId: (await makeOrganization()).id })).actor;
});

const outsiders: [string, () => Actor, string][] = [
  ["anonymous", () => anonymous, "UNAUTHORIZED"],
  ["auditor", () => auditor, "FORBIDDEN"],
  ["account manager", () => accountManager, "FORBIDDEN"],
  ["customer", () => customer, "FORBIDDEN"],
];

describe("API tokens", () => {
  test("issue → the token authenticates its owner → revoke → it no longer does", async () => {
    const { actor: user } = await makeUser({ role: "auditor" });
    const issued = await issueApiToken({ db, actor: admin, userId: user.id, name: "  Nightly export " });
    expect(issued.token).toMatch(/^dmc_/);
    expect(issued.token.startsWith(issued.prefix)).toBe(true);

    const row = await db.apiToken.findUniqueOrThrow({ where: { id: issued.id } });
    expect(row).toMatchObject({ userId: user.id, name: "Nightly export", createdById: admin.id, revokedAt: null });
    // Only the hash is stored; the token appears in no column.
    expect(row.tokenHash).not.toBe(issued.token);
    expect(row.tokenHash).toBe(createHash("sha256").update(issued.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(issued.token);

    expect(await actorFromApiToken({ db, token: issued.token })).toMatchObject({
      kind: "user",
      id: user.id,
      role: "auditor",
    });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: issued.id } })).lastUsedAt).toBeInstanceOf(Date);

    const revoked = await revokeApiToken({ db, actor: admin, tokenId: issued.id });
    expect(revoked.changed).toBe(true);
    expect(await actorFromApiToken({ db, token: issued.token })).toBeNull();

    // Revoking again is harmless and keeps the first revocation time.
    expect(await revokeApiToken({ db, actor: admin, tokenId: issued.id })).toEqual({
      revokedAt: revoked.revokedAt,
      changed: false,
    });
  });

  test("administrators can issue tokens for themselves", async () => {
    const { actor: self } = await makeUser({ role: "admin" });
    const { token } = await issueApiToken({ db, actor: self, userId: self.id, name: "My laptop" });
    expect(await actorFromApiToken({ db, token })).toMatchObject({ id: self.id, role: "admin" });
  });

  test("the list shows prefix, dates and issuer, newest first, and never a hash", async () => {
    const { actor: user } = await makeUser({ role: "customer" });
    const first = await issueApiToken({ db, actor: admin, userId: user.id, name: "first" });
    const second = await issueApiToken({ db, actor: admin, userId: user.id, name: "second" });
    await revokeApiToken({ db, actor: admin, tokenId: first.id });
    // Two inserts can share a millisecond; make the order unambiguous.
    await db.apiToken.update({ where: { id: first.id }, data: { createdAt: new Date(Date.now() - 60_000) } });

    const tokens = await listApiTokens({ db, actor: admin, userId: user.id });
    expect(tokens.map((t) => t.name)).toEqual(["second", "first"]);
    expect(tokens[0]).toMatchObject({
      id: second.id,
      prefix: second.prefix,
      revokedAt: null,
      lastUsedAt: null,
      createdBy: { id: admin.id, name: admin.name },
    });
    expect(tokens[1]!.revokedAt).toBeInstanceOf(Date);
    const hashes = await db.apiToken.findMany({ where: { userId: user.id }, select: { tokenHash: true } });
    const json = JSON.stringify(tokens);
    expect(json).not.toMatch(/tokenHash|hash/i);
    for (const { tokenHash } of hashes) expect(json).not.toContain(tokenHash);
    expect(json).not.toContain(first.token);
  });

  test("names are required and short; unknown or deactivated users get no tokens", async () => {
    const { actor: user } = await makeUser({ role: "auditor" });
    await expect(issueApiToken({ db, actor: admin, userId: user.id, name: "   " })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: [{ path: "name", message: "Name the token, e.g. the script or system that will use it" }],
    });
    await expect(issueApiToken({ db, actor: admin, userId: user.id, name: "x".repeat(101) })).rejects.toMatchObject({
      fieldErrors: [{ path: "name", message: "Use at most 100 characters" }],
    });
    await expect(
      issueApiToken({ db, actor: admin, userId: "00000000-0000-4000-8000-000000000000", name: "ghost" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { actor: inactive } = await makeUser({ role: "auditor", active: false });
    await expect(issueApiToken({ db, actor: admin, userId: inactive.id, name: "late" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    expect(await db.apiToken.count({ where: { userId: { in: [user.id, inactive.id] } } })).toBe(0);
    await expect(
      revokeApiToken({ db, actor: admin, tokenId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test.each(outsiders)("%s cannot issue, list or revoke tokens; nothing changes", async (_label, actorOf, code) => {
    const actor = actorOf();
    const { actor: user } = await makeUser({ role: "auditor" });
    const existing = await issueApiToken({ db, actor: admin, userId: user.id, name: "existing" });

    await expect(issueApiToken({ db, actor, userId: user.id, name: "sneaky" })).rejects.toMatchObject({ code });
    await expect(listApiTokens({ db, actor, userId: user.id })).rejects.toMatchObject({ code });
    await expect(revokeApiToken({ db, actor, tokenId: existing.id })).rejects.toMatchObject({ code });

    expect(await db.apiToken.findMany({ where: { userId: user.id }, select: { id: true, revokedAt: true } })).toEqual([
      { id: existing.id, revokedAt: null },
    ]);
    expect(await actorFromApiToken({ db, token: existing.token })).toMatchObject({ id: user.id });
  });
});

describe("token server actions", () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) data.append(key, value);
    return data;
  };

  test("issuing returns the token once in the form state; revoking ends it", async () => {
    const { actor: user } = await makeUser({ role: "auditor" });
    actAs(admin);
    const state = await issueApiTokenAction({ status: "idle" }, form({ userId: user.id, name: "deploy bot" }));
    expect(state).toMatchObject({ status: "success", tokenName: "deploy bot" });
    const token = (state as { token: string }).token;
    expect(await actorFromApiToken({ db, token })).toMatchObject({ id: user.id });

    const [listed] = await listApiTokens({ db, actor: admin, userId: user.id });
    expect(await revokeApiTokenAction({ status: "idle" }, form({ userId: user.id, tokenId: listed!.id }))).toEqual({
      status: "success",
      message: "Token revoked.",
    });
    expect(await actorFromApiToken({ db, token })).toBeNull();
  });

  test("a refused issue carries no token", async () => {
    const { actor: user } = await makeUser({ role: "auditor" });
    actAs(auditor);
    expect(await issueApiTokenAction({ status: "idle" }, form({ userId: user.id, name: "nope" }))).toEqual({
      status: "error",
      message: "Your account is not allowed to do this.",
      fieldErrors: {},
    });
    expect(await db.apiToken.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("the per-token rate limit", () => {
  test("a token over its limit is refused with 429 and Retry-After; other tokens are not", async () => {
    const { actor: user } = await makeUser({ role: "auditor" });
    const busy = await issueApiToken({ db, actor: admin, userId: user.id, name: "Busy script" });
    const quiet = await issueApiToken({ db, actor: admin, userId: user.id, name: "Quiet script" });
    // The window already holds the limit's worth of requests (as after a burst, on any instance).
    await db.rateLimitBucket.create({
      data: { key: `api-token:${busy.id}`, windowStart: new Date(), count: apiTokenLimit.limit },
    });

    const refused = await actorFromApiToken({ db, token: busy.token }).catch((error: unknown) => error);
    const problem = errorToProblem(refused);
    expect(problem).toMatchObject({ status: 429, title: "Too many requests" });
    expect(problem.detail).toContain(`more than ${apiTokenLimit.limit} requests`);
    expect(problem.retryAfter).toBeGreaterThan(0);
    expect(problem.retryAfter).toBeLessThanOrEqual(apiTokenLimit.windowSeconds);
    expect(problemResponse(problem).headers.get("retry-after")).toBe(String(problem.retryAfter));

    expect(await actorFromApiToken({ db, token: quiet.token })).toMatchObject({ id: user.id });
  });
});
