import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import { generateApiToken } from "@/lib/auth/api-tokens";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { anonymous } from "@/lib/auth/permissions";
import { hitRateLimit, loginLimits } from "@/lib/auth/rate-limit";
import { getAuthSecret } from "@/lib/auth/secret";
import { actorFromApiToken, actorFromSession, createSession, deleteSession } from "@/lib/auth/sessions";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { makeUser } from "../factories/accounts";

const ip = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 4)}`;

async function signInError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("passwords", () => {
  test("are hashed with argon2id, salted, and verified in constant time", async () => {
    const [a, b] = await Promise.all([hashPassword("correct horse battery"), hashPassword("correct horse battery")]);
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, "correct horse battery")).toBe(true);
    expect(await verifyPassword(a, "correct horse batterY")).toBe(false);
    expect(await verifyPassword("not a hash", "anything")).toBe(false);
  });
});

describe("signing in with a password", () => {
  test("succeeds with the right password, whatever the email's case", async () => {
    const { email, password, actor } = await makeUser({ role: "auditor" });
    const user = await signInWithPassword({ db: getDb(), email: email.toUpperCase(), password, ip: ip() });
    expect(user.id).toBe(actor.id);
  });

  test("wrong password, unknown email and deactivated account give the same message", async () => {
    const { email, password } = await makeUser();
    const inactive = await makeUser({ active: false });
    const messages = await Promise.all([
      signInError(signInWithPassword({ db: getDb(), email, password: "wrong", ip: ip() })),
      signInError(signInWithPassword({ db: getDb(), email: `nobody-${randomUUID()}@x.test`, password, ip: ip() })),
      signInError(signInWithPassword({ db: getDb(), email: inactive.email, password: inactive.password, ip: ip() })),
    ]);
    for (const e of messages) {
      expect(e.code).toBe("UNAUTHORIZED");
      expect(e.message).toBe("Wrong email or password, or the account is deactivated.");
    }
  });

  test("locks an account after 5 failures within the window, even for the right password", async () => {
    const { email, password } = await makeUser();
    for (let i = 0; i < loginLimits.perAccount.limit; i++)
      expect((await signInError(signInWithPassword({ db: getDb(), email, password: "wrong", ip: ip() }))).code).toBe(
        "UNAUTHORIZED",
      );
    const blocked = await signInError(signInWithPassword({ db: getDb(), email, password, ip: ip() }));
    expect(blocked.code).toBe("RATE_LIMITED");
    expect(blocked.message).toMatch(/^Too many sign-in attempts\. Try again in \d+ minutes?\.$/);

    // Once the window has passed, the right password works again and clears the counter.
    await getDb().rateLimitBucket.update({
      where: { key: `login:account:${email}` },
      data: { windowStart: new Date(Date.now() - 16 * 60_000) },
    });
    await expect(signInWithPassword({ db: getDb(), email, password, ip: ip() })).resolves.toMatchObject({ email });
    expect(await getDb().rateLimitBucket.findUnique({ where: { key: `login:account:${email}` } })).toBeNull();
  });

  test("limits one IP address across many accounts", async () => {
    const address = ip();
    for (let i = 0; i < loginLimits.perIp.limit; i++)
      await signInError(
        signInWithPassword({ db: getDb(), email: `probe-${i}-${randomUUID()}@x.test`, password: "x", ip: address }),
      );
    const { email, password } = await makeUser();
    expect((await signInError(signInWithPassword({ db: getDb(), email, password, ip: address }))).code).toBe(
      "RATE_LIMITED",
    );
    await expect(signInWithPassword({ db: getDb(), email, password, ip: ip() })).resolves.toMatchObject({ email });
  });

  test("counts concurrent attempts exactly (one shared counter for every app instance)", async () => {
    const key = `test:${randomUUID()}`;
    const rule = { limit: 10, windowSeconds: 60 };
    const results = await Promise.all(Array.from({ length: 25 }, () => hitRateLimit({ db: getDb(), key, rule })));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    expect((await getDb().rateLimitBucket.findUniqueOrThrow({ where: { key } })).count).toBe(25);
  });
});

describe("sessions", () => {
  test("resolve to the user until signed out, and end at once when the user is deactivated", async () => {
    const { actor } = await makeUser({ role: "auditor" });
    const db = getDb();
    const first = await createSession({ db, userId: actor.id });
    const second = await createSession({ db, userId: actor.id });
    expect(await actorFromSession({ db, sessionId: first })).toMatchObject({
      kind: "user",
      id: actor.id,
      role: "auditor",
    });

    await deleteSession({ db, sessionId: first });
    expect(await actorFromSession({ db, sessionId: first })).toEqual(anonymous);
    expect(await actorFromSession({ db, sessionId: second })).toMatchObject({ id: actor.id });

    await db.user.update({ where: { id: actor.id }, data: { active: false } });
    expect(await actorFromSession({ db, sessionId: second })).toEqual(anonymous);
  });

  test("expired and unknown sessions are anonymous", async () => {
    const { actor } = await makeUser();
    const db = getDb();
    const id = await createSession({ db, userId: actor.id });
    await db.session.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await actorFromSession({ db, sessionId: id })).toEqual(anonymous);
    expect(await actorFromSession({ db, sessionId: "no-such-session" })).toEqual(anonymous);
  });

  test("the signing secret is generated once and shared through the database", async () => {
    const secret = await getAuthSecret(getDb());
    expect(secret.length).toBeGreaterThanOrEqual(48);
    expect((await getDb().appSetting.findUniqueOrThrow({ where: { key: "auth.secret" } })).value).toBe(secret);
  });
});

describe("API tokens", () => {
  test("act as their owner until revoked or the owner is deactivated", async () => {
    const { actor } = await makeUser({ role: "admin" });
    const db = getDb();
    const { token, hash, prefix } = generateApiToken();
    expect(hash).not.toContain(token);
    expect(token.startsWith(prefix)).toBe(true);
    const row = await db.apiToken.create({ data: { userId: actor.id, name: "ci", tokenHash: hash, prefix } });

    expect(await actorFromApiToken({ db, token })).toMatchObject({ kind: "user", id: actor.id, role: "admin" });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt).not.toBeNull();
    expect(await actorFromApiToken({ db, token: token + "x" })).toBeNull();

    await db.apiToken.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
    expect(await actorFromApiToken({ db, token })).toBeNull();

    const second = generateApiToken();
    await db.apiToken.create({
      data: { userId: actor.id, name: "ci2", tokenHash: second.hash, prefix: second.prefix },
    });
    await db.user.update({ where: { id: actor.id }, data: { active: false } });
    expect(await actorFromApiToken({ db, token: second.token })).toBeNull();
  });
});
