// Every mutation writes exactly one audit entry in the same transaction as the change; refused,
// invalid and no-op calls write none; the table cannot be changed afterwards. Files run in
// parallel against one database, so entries are always found by the actor or target a test made.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type * as RecordAudit from "@/lib/audit-trail/record-audit";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import { anonymous, type Actor } from "@/lib/auth/permissions";
import { loginLimits } from "@/lib/auth/rate-limit";
import { createSession } from "@/lib/auth/sessions";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createOrganization } from "@/lib/organizations/create-organization";
import { setSubscription } from "@/lib/subscriptions/set-subscription";
import { issueApiToken } from "@/lib/tokens/issue-api-token";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";
import { createUser } from "@/lib/users/create-user";
import { setManagedProviders } from "@/lib/users/set-managed-providers";
import { setPassword } from "@/lib/users/set-password";
import { setUserActive } from "@/lib/users/set-user-active";
import { updateUser } from "@/lib/users/update-user";
import { createProvider } from "../support/app-db";
import { makeOrganization, makeUser, type UserActor } from "../factories/accounts";
import { makeProviderDocument } from "../factories/provider-document";

// The real recordAudit, which can be told to fail right after its insert: the change and the
// entry are both written by then, and the transaction must drop both.
const injected = vi.hoisted(() => ({ failAfterInsert: false }));
vi.mock("@/lib/audit-trail/record-audit", async (importOriginal) => {
  const actual = await importOriginal<typeof RecordAudit>();
  return {
    ...actual,
    recordAudit: async (options: Parameters<typeof actual.recordAudit>[0]) => {
      await actual.recordAudit(options);
      if (injected.failAfterInsert) throw new Error("injected failure after the audit insert");
    },
  };
});

const db = getDb();

const entrySelect = {
  actorId: true,
  actorLabel: true,
  action: true,
  targetType: true,
  targetId: true,
  providerId: true,
  before: true,
  after: true,
} satisfies Prisma.AuditEntrySelect;

const entries = (where: Prisma.AuditEntryWhereInput) =>
  db.auditEntry.findMany({ where, orderBy: { id: "asc" }, select: entrySelect });
/** Everything `actor` did: each test acts through actors of its own. */
const entriesBy = (actor: UserActor) => entries({ actorId: actor.id });

/** The entry a user's change should write. */
function entry(
  actor: UserActor,
  action: string,
  target: [type: string, id: string],
  values: { providerId?: string; before?: unknown; after?: unknown } = {},
) {
  return {
    actorId: actor.id,
    actorLabel: actor.email,
    action,
    targetType: target[0],
    targetId: target[1],
    providerId: values.providerId ?? null,
    before: values.before ?? null,
    after: values.after ?? null,
  };
}

const uniqueEmail = () => `audit-${randomUUID()}@example.test`;
const uniqueSlug = () => `audit-${randomUUID().slice(0, 8)}`;
const ip = () => `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 4)}`;
const newAdmin = async () => (await makeUser({ role: "admin" })).actor;
const userRow = (id: string) => db.user.findUniqueOrThrow({ where: { id } });

/** Expects `run` to fail with the injected error, i.e. after the change and its entry were written. */
async function failAfterAuditInsert(run: () => Promise<unknown>) {
  injected.failAfterInsert = true;
  try {
    await expect(run()).rejects.toThrow("injected failure after the audit insert");
  } finally {
    injected.failAfterInsert = false;
  }
}

type TestProvider = Awaited<ReturnType<typeof createProvider>> & { serviceId: string; serviceName: string };
/** own: private, managed by the account managers made by `newManager`; other: public, someone else's. */
let own: TestProvider;
let other: TestProvider;
let auditor: UserActor;
let customer: UserActor;
let idleManager: UserActor;

async function provider(isPrivate: boolean): Promise<TestProvider> {
  const created = await createProvider(makeProviderDocument({ isPrivate }));
  const service = await db.service.findFirstOrThrow({ where: { providerId: created.id } });
  return { ...created, serviceId: service.id, serviceName: service.name };
}

const newManager = async (managedProviderIds = [own.id]) =>
  (await makeUser({ role: "account-manager", managedProviderIds })).actor;

beforeAll(async () => {
  [own, other] = [await provider(true), await provider(false)];
  auditor = (await makeUser({ role: "auditor" })).actor;
  idleManager = (await makeUser({ role: "account-manager" })).actor;
  customer = (await makeUser({ role: "customer", organizationId: (await makeOrganization()).id })).actor;
});

afterAll(async () => {
  for (const p of [own, other]) await p?.remove();
});

/** Everyone who must not administer accounts, organizations or tokens. */
const outsiders = (): Actor[] => [anonymous, auditor, idleManager, customer];

/** Refused callers wrote nothing under their own name (anonymous callers are checked by target). */
async function expectNothingByOutsiders() {
  for (const actor of [auditor, idleManager, customer]) expect(await entriesBy(actor)).toEqual([]);
}

describe("accounts", () => {
  test("user.create records the new account's fields, never the password", async () => {
    const admin = await newAdmin();
    const organization = await makeOrganization();
    const email = uniqueEmail();
    const password = `secret-${randomUUID()}`;
    const { id } = await createUser({
      db,
      actor: admin,
      user: {
        email: ` ${email.toUpperCase()} `,
        name: "New Person",
        role: "customer",
        password,
        organizationId: organization.id,
      },
    });

    const logged = await entriesBy(admin);
    expect(logged).toEqual([
      entry(admin, "user.create", ["user", id], {
        after: { email, name: "New Person", role: "customer", organizationId: organization.id, active: true },
      }),
    ]);
    const { passwordHash } = await userRow(id);
    expect(JSON.stringify(logged)).not.toContain(password);
    expect(JSON.stringify(logged)).not.toContain(passwordHash!);
    expect(JSON.stringify(logged)).not.toMatch(/argon2|passwordHash/);
  });

  test("user.create by the admin:create command is attributed to the system", async () => {
    const email = uniqueEmail();
    const { id } = await createUser({
      db,
      actor: { kind: "system", command: "admin:create" },
      user: { email, name: "First Admin", role: "admin", password: `secret-${randomUUID()}` },
    });
    expect(await entries({ targetId: id })).toEqual([
      {
        actorId: null,
        actorLabel: "system:admin:create",
        action: "user.create",
        targetType: "user",
        targetId: id,
        providerId: null,
        before: null,
        after: { email, name: "First Admin", role: "admin", organizationId: null, active: true },
      },
    ]);
  });

  test("refused, invalid and conflicting account creations write nothing", async () => {
    const admin = await newAdmin();
    const email = uniqueEmail();
    for (const actor of outsiders())
      await expect(createUser({ db, actor, user: { email, name: "X", role: "auditor" } })).rejects.toBeInstanceOf(
        AppError,
      );
    await expect(
      createUser({ db, actor: admin, user: { email: "not-an-email", name: "X", role: "auditor" } }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(createUser({ db, actor: admin, user: { email, name: "X", role: "customer" } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(
      createUser({ db, actor: admin, user: { email: auditor.email, name: "X", role: "auditor" } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    expect(await entriesBy(admin)).toEqual([]);
    await expectNothingByOutsiders();
    expect(await entries({ action: "user.create", after: { path: ["email"], equals: email } })).toEqual([]);
  });

  test("user.update records the account's fields before and after", async () => {
    const admin = await newAdmin();
    const organization = await makeOrganization();
    const { actor: user } = await makeUser({ role: "auditor" });
    await updateUser({
      db,
      actor: admin,
      userId: user.id,
      version: 1,
      name: " Renamed Person ",
      role: "customer",
      organizationId: organization.id,
    });
    expect(await entriesBy(admin)).toEqual([
      entry(admin, "user.update", ["user", user.id], {
        before: { email: user.email, name: user.name, role: "auditor", organizationId: null, active: true },
        after: {
          email: user.email,
          name: "Renamed Person",
          role: "customer",
          organizationId: organization.id,
          active: true,
        },
      }),
    ]);
  });

  test("user.update also records the provider assignments a role change ends", async () => {
    const admin = await newAdmin();
    const { actor: manager } = await makeUser({ role: "account-manager", managedProviderIds: [own.id, other.id] });
    await updateUser({ db, actor: admin, userId: manager.id, version: 1, name: manager.name, role: "auditor" });
    const snapshot = { email: manager.email, name: manager.name, organizationId: null, active: true };
    expect(await entriesBy(admin)).toEqual([
      entry(admin, "user.update", ["user", manager.id], {
        before: { ...snapshot, role: "account-manager", managedProviderIds: [own.id, other.id].sort() },
        after: { ...snapshot, role: "auditor", managedProviderIds: [] },
      }),
    ]);
  });

  test("saving an account unchanged, stale, refused or invalid writes nothing", async () => {
    const admin = await newAdmin();
    const { actor: user } = await makeUser({ role: "auditor" });
    const same = { db, userId: user.id, name: user.name, role: "auditor" as const };
    expect(await updateUser({ ...same, actor: admin, version: 1 })).toEqual({ version: 2 });
    await expect(updateUser({ ...same, actor: admin, version: 1, name: "Stale" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(updateUser({ ...same, actor: admin, version: 2, role: "customer" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(
      updateUser({ ...same, actor: admin, userId: admin.id, version: 1, role: "auditor" }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(
      updateUser({ ...same, actor: admin, userId: randomUUID(), version: 1, name: "Nobody" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const actor of outsiders())
      await expect(updateUser({ ...same, actor, version: 2, name: "Hijacked" })).rejects.toBeInstanceOf(AppError);

    expect(await entriesBy(admin)).toEqual([]);
    expect(await entries({ targetId: user.id })).toEqual([]);
    await expectNothingByOutsiders();
  });

  test("user.set-managed-providers records the sorted provider ids, and nothing when they stay the same", async () => {
    const admin = await newAdmin();
    const { actor: manager } = await makeUser({ role: "account-manager" });
    const both = [own.id, other.id].sort();
    await setManagedProviders({
      db,
      actor: admin,
      userId: manager.id,
      version: 1,
      providerIds: [both[1]!, both[0]!, both[1]!],
    });
    await setManagedProviders({ db, actor: admin, userId: manager.id, version: 2, providerIds: [both[1]!] });
    await setManagedProviders({ db, actor: admin, userId: manager.id, version: 3, providerIds: [both[1]!] });
    expect(await entriesBy(admin)).toEqual([
      entry(admin, "user.set-managed-providers", ["user", manager.id], {
        before: { managedProviderIds: [] },
        after: { managedProviderIds: both },
      }),
      entry(admin, "user.set-managed-providers", ["user", manager.id], {
        before: { managedProviderIds: both },
        after: { managedProviderIds: [both[1]] },
      }),
    ]);

    // Refused, stale and invalid assignments write nothing.
    const { actor: notManager } = await makeUser({ role: "auditor" });
    await expect(
      setManagedProviders({ db, actor: admin, userId: notManager.id, version: 1, providerIds: [own.id] }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(
      setManagedProviders({ db, actor: admin, userId: manager.id, version: 1, providerIds: [own.id] }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      setManagedProviders({ db, actor: admin, userId: manager.id, version: 4, providerIds: [randomUUID()] }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    for (const actor of outsiders())
      await expect(
        setManagedProviders({ db, actor, userId: manager.id, version: 4, providerIds: [] }),
      ).rejects.toBeInstanceOf(AppError);
    expect(await entriesBy(admin)).toHaveLength(2);
    expect(await entries({ targetId: manager.id })).toHaveLength(2);
    expect(await entries({ targetId: notManager.id })).toEqual([]);
    await expectNothingByOutsiders();
  });

  test("user.deactivate and user.reactivate record the account before and after; repeats write nothing", async () => {
    const admin = await newAdmin();
    const { actor: user } = await makeUser({ role: "auditor" });
    const snapshot = { email: user.email, name: user.name, role: "auditor", organizationId: null };
    await setUserActive({ db, actor: admin, userId: user.id, version: 1, active: false });
    expect(await setUserActive({ db, actor: admin, userId: user.id, version: 2, active: false })).toMatchObject({
      changed: false,
    });
    await setUserActive({ db, actor: admin, userId: user.id, version: 2, active: true });
    expect(await setUserActive({ db, actor: admin, userId: user.id, version: 3, active: true })).toMatchObject({
      changed: false,
    });
    expect(await entriesBy(admin)).toEqual([
      entry(admin, "user.deactivate", ["user", user.id], {
        before: { ...snapshot, active: true },
        after: { ...snapshot, active: false },
      }),
      entry(admin, "user.reactivate", ["user", user.id], {
        before: { ...snapshot, active: false },
        after: { ...snapshot, active: true },
      }),
    ]);

    // Refused: deactivating oneself, stale versions, other roles.
    await expect(
      setUserActive({ db, actor: admin, userId: admin.id, version: 1, active: false }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(setUserActive({ db, actor: admin, userId: user.id, version: 1, active: false })).rejects.toMatchObject(
      {
        code: "CONFLICT",
      },
    );
    for (const actor of outsiders())
      await expect(setUserActive({ db, actor, userId: user.id, version: 3, active: false })).rejects.toBeInstanceOf(
        AppError,
      );
    expect(await entriesBy(admin)).toHaveLength(2);
    expect(await entries({ targetId: user.id })).toHaveLength(2);
    expect((await userRow(user.id)).active).toBe(true);
    await expectNothingByOutsiders();
  });

  test("user.set-password records only that the password changed", async () => {
    const admin = await newAdmin();
    const { actor: user, password: oldPassword } = await makeUser({ role: "auditor" });
    const password = `new-secret-${randomUUID()}`;
    await setPassword({ db, actor: admin, userId: user.id, version: 1, password });

    const logged = await entriesBy(admin);
    expect(logged).toEqual([
      entry(admin, "user.set-password", ["user", user.id], { after: { passwordChanged: true } }),
    ]);
    const { passwordHash } = await userRow(user.id);
    for (const secret of [password, oldPassword, passwordHash!]) expect(JSON.stringify(logged)).not.toContain(secret);

    // Refused, stale and invalid passwords write nothing.
    await expect(
      setPassword({ db, actor: admin, userId: user.id, version: 2, password: "short" }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(setPassword({ db, actor: admin, userId: user.id, version: 1, password })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    for (const actor of outsiders())
      await expect(setPassword({ db, actor, userId: user.id, version: 2, password })).rejects.toBeInstanceOf(AppError);
    expect(await entries({ targetId: user.id })).toHaveLength(1);
    await expectNothingByOutsiders();
  });
});

describe("organizations and subscriptions", () => {
  test("organization.create records slug and name; taken, invalid and refused ones write nothing", async () => {
    const admin = await newAdmin();
    const slug = uniqueSlug();
    const { id } = await createOrganization({ db, actor: admin, slug, name: "  Acme Audit  " });
    await expect(createOrganization({ db, actor: admin, slug, name: "Again" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(createOrganization({ db, actor: admin, slug: "Not A Slug", name: "X" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    const refusedSlug = uniqueSlug();
    for (const actor of outsiders())
      await expect(createOrganization({ db, actor, slug: refusedSlug, name: "X" })).rejects.toBeInstanceOf(AppError);

    expect(await entriesBy(admin)).toEqual([
      entry(admin, "organization.create", ["organization", id], { after: { slug, name: "Acme Audit" } }),
    ]);
    expect(await entries({ action: "organization.create", after: { path: ["slug"], equals: refusedSlug } })).toEqual(
      [],
    );
    await expectNothingByOutsiders();
  });

  test("subscription.add and subscription.remove carry the service's provider; repeats write nothing", async () => {
    const admin = await newAdmin();
    const organization = await makeOrganization();
    const key = { organizationId: organization.id, serviceId: own.serviceId };
    const values = { ...key, organizationSlug: organization.slug, serviceName: own.serviceName };
    const target: [string, string] = ["subscription", `${organization.id}:${own.serviceId}`];
    for (const subscribed of [true, true, false, false])
      await setSubscription({ db, actor: admin, ...key, subscribed });

    expect(await entriesBy(admin)).toEqual([
      entry(admin, "subscription.add", target, { providerId: own.id, after: values }),
      entry(admin, "subscription.remove", target, { providerId: own.id, before: values }),
    ]);
  });

  test("account managers' subscription changes are audited; refused ones write nothing", async () => {
    const manager = await newManager();
    const organization = await makeOrganization();
    await setSubscription({
      db,
      actor: manager,
      organizationId: organization.id,
      serviceId: own.serviceId,
      subscribed: true,
    });
    await expect(
      setSubscription({
        db,
        actor: manager,
        organizationId: organization.id,
        serviceId: other.serviceId,
        subscribed: true,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      setSubscription({ db, actor: manager, organizationId: randomUUID(), serviceId: own.serviceId, subscribed: true }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const actor of [anonymous, auditor, idleManager, customer])
      await expect(
        setSubscription({ db, actor, organizationId: organization.id, serviceId: own.serviceId, subscribed: false }),
      ).rejects.toBeInstanceOf(AppError);

    expect(await entriesBy(manager)).toEqual([
      entry(manager, "subscription.add", ["subscription", `${organization.id}:${own.serviceId}`], {
        providerId: own.id,
        after: {
          organizationId: organization.id,
          serviceId: own.serviceId,
          organizationSlug: organization.slug,
          serviceName: own.serviceName,
        },
      }),
    ]);
    expect(await entries({ targetId: `${organization.id}:${other.serviceId}` })).toEqual([]);
    await expectNothingByOutsiders();
  });
});

describe("API tokens", () => {
  test("token.issue and token.revoke record name, prefix, owner and revocation, never the token or its hash", async () => {
    const admin = await newAdmin();
    const { actor: user } = await makeUser({ role: "auditor" });
    const issued = await issueApiToken({ db, actor: admin, userId: user.id, name: " Nightly export " });
    const revoked = await revokeApiToken({ db, actor: admin, tokenId: issued.id });
    expect(await revokeApiToken({ db, actor: admin, tokenId: issued.id })).toMatchObject({ changed: false });

    const token = { name: "Nightly export", prefix: issued.prefix, userId: user.id };
    const logged = await entriesBy(admin);
    expect(logged).toEqual([
      entry(admin, "token.issue", ["token", issued.id], { after: { ...token, revokedAt: null } }),
      entry(admin, "token.revoke", ["token", issued.id], {
        before: { ...token, revokedAt: null },
        after: { ...token, revokedAt: revoked.revokedAt.toISOString() },
      }),
    ]);
    const { tokenHash } = await db.apiToken.findUniqueOrThrow({ where: { id: issued.id } });
    expect(JSON.stringify(logged)).not.toContain(issued.token);
    expect(JSON.stringify(logged)).not.toContain(tokenHash);
  });

  test("refused and invalid token changes write nothing", async () => {
    const admin = await newAdmin();
    const { actor: user } = await makeUser({ role: "auditor" });
    const { actor: inactive } = await makeUser({ role: "auditor", active: false });
    const issued = await issueApiToken({ db, actor: admin, userId: user.id, name: "kept" });
    await expect(issueApiToken({ db, actor: admin, userId: user.id, name: "  " })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(issueApiToken({ db, actor: admin, userId: inactive.id, name: "x" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(revokeApiToken({ db, actor: admin, tokenId: randomUUID() })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    for (const actor of outsiders()) {
      await expect(issueApiToken({ db, actor, userId: user.id, name: "x" })).rejects.toBeInstanceOf(AppError);
      await expect(revokeApiToken({ db, actor, tokenId: issued.id })).rejects.toBeInstanceOf(AppError);
    }

    expect((await entriesBy(admin)).map((e) => e.action)).toEqual(["token.issue"]);
    expect(await entries({ targetId: issued.id })).toHaveLength(1);
    expect(await db.apiToken.count({ where: { userId: { in: [user.id, inactive.id] } } })).toBe(1);
    await expectNothingByOutsiders();
  });
});

describe("signing in", () => {
  const signInEntry = (email: string, values: { id: string | null; action: string; target: [string, string] }) => ({
    actorId: values.id,
    actorLabel: email,
    action: values.action,
    targetType: values.target[0],
    targetId: values.target[1],
    providerId: null,
    before: null,
  });

  test("a successful sign-in is recorded for the account", async () => {
    const { actor: user, email, password } = await makeUser({ role: "auditor" });
    const address = ip();
    await signInWithPassword({ db, email, password, ip: address });
    expect(await entries({ targetId: user.id })).toEqual([
      {
        ...signInEntry(email, { id: user.id, action: "auth.sign-in", target: ["user", user.id] }),
        after: { method: "password", ip: address },
      },
    ]);
  });

  test("wrong passwords, unknown and deactivated accounts are recorded as failed sign-ins", async () => {
    const { email, password } = await makeUser({ role: "auditor" });
    const inactive = await makeUser({ role: "auditor", active: false });
    const unknown = uniqueEmail();
    const address = ip();
    const attempts = [
      [email, "wrong-password-123", "wrong-password"],
      [unknown, password, "unknown-account"],
      [inactive.email, inactive.password, "deactivated"],
    ] as const;
    for (const [tried, secret, reason] of attempts) {
      await expect(signInWithPassword({ db, email: tried, password: secret, ip: address })).rejects.toMatchObject({
        code: "UNAUTHORIZED",
      });
      expect(await entries({ targetId: tried })).toEqual([
        {
          ...signInEntry(tried, { id: null, action: "auth.sign-in-failed", target: ["account", tried] }),
          after: { reason, ip: address },
        },
      ]);
    }
  });

  test("attempts over the rate limit are recorded as rate-limited", async () => {
    const { email, password } = await makeUser({ role: "auditor" });
    const address = ip();
    for (let i = 0; i < loginLimits.perAccount.limit; i++)
      await expect(
        signInWithPassword({ db, email, password: "wrong-password-123", ip: address }),
      ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(signInWithPassword({ db, email, password, ip: address })).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
    const reasons = (await entries({ targetId: email })).map((e) => {
      expect(e).toMatchObject({ actorId: null, actorLabel: email, action: "auth.sign-in-failed" });
      return (e.after as { reason: string }).reason;
    });
    expect(reasons).toEqual([...Array<string>(loginLimits.perAccount.limit).fill("wrong-password"), "rate-limited"]);
  });
});

describe("atomicity", () => {
  test("an entry written in a transaction that then fails is rolled back with the change", async () => {
    const admin = await newAdmin();
    const slug = uniqueSlug();
    let organizationId: string | undefined;
    await expect(
      db.$transaction(async (tx) => {
        ({ id: organizationId } = await tx.organization.create({ data: { slug, name: "Doomed" } }));
        await recordAudit({
          tx,
          actor: admin,
          action: "organization.create",
          target: { type: "organization", id: organizationId },
          after: { slug },
        });
        expect(await tx.auditEntry.count({ where: { targetId: organizationId } })).toBe(1);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(organizationId).toBeDefined();
    expect(await db.organization.findUnique({ where: { slug } })).toBeNull();
    expect(await entries({ targetId: organizationId })).toEqual([]);
    expect(await entriesBy(admin)).toEqual([]);
  });

  test("an organization whose slug is taken between the check and the insert leaves no entry", async () => {
    const admin = await newAdmin();
    const slug = uniqueSlug();
    let competitor: string | undefined;
    // The service's slug check runs, then someone else creates the same slug before its insert.
    const racing = new Proxy(db, {
      get(target, property) {
        if (property === "organization")
          return {
            findUnique: async (args: Prisma.OrganizationFindUniqueArgs) => {
              const found = await target.organization.findUnique(args);
              ({ id: competitor } = await target.organization.create({ data: { slug, name: "Competitor" } }));
              return found;
            },
          };
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    }) as Database;
    await expect(createOrganization({ db: racing, actor: admin, slug, name: "Loser" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await db.organization.findMany({ where: { slug }, select: { id: true } })).toEqual([{ id: competitor }]);
    expect(await entriesBy(admin)).toEqual([]);
    expect(await entries({ action: "organization.create", after: { path: ["slug"], equals: slug } })).toEqual([]);
  });

  test("every service drops both its change and its entry when the transaction fails after the entry", async () => {
    const admin = await newAdmin();
    const organization = await makeOrganization();
    const { actor: user } = await makeUser({ role: "auditor" });
    const { actor: manager } = await makeUser({ role: "account-manager" });
    const live = await issueApiToken({ db, actor: admin, userId: user.id, name: "live" });
    const sessionId = await createSession({ db, userId: user.id });
    const rowBefore = await userRow(user.id);
    const managerBefore = await userRow(manager.id);
    const adminEntries = await entriesBy(admin);

    const email = uniqueEmail();
    await failAfterAuditInsert(() => createUser({ db, actor: admin, user: { email, name: "X", role: "auditor" } }));
    expect(await db.user.findUnique({ where: { email } })).toBeNull();

    const slug = uniqueSlug();
    await failAfterAuditInsert(() => createOrganization({ db, actor: admin, slug, name: "X" }));
    expect(await db.organization.findUnique({ where: { slug } })).toBeNull();

    await failAfterAuditInsert(() =>
      updateUser({ db, actor: admin, userId: user.id, version: 1, name: "Changed", role: "auditor" }),
    );
    await failAfterAuditInsert(() => setUserActive({ db, actor: admin, userId: user.id, version: 1, active: false }));
    await failAfterAuditInsert(() =>
      setPassword({ db, actor: admin, userId: user.id, version: 1, password: `new-secret-${randomUUID()}` }),
    );
    expect(await userRow(user.id)).toEqual(rowBefore);
    expect(await db.session.count({ where: { id: sessionId } })).toBe(1);

    await failAfterAuditInsert(() =>
      setManagedProviders({ db, actor: admin, userId: manager.id, version: 1, providerIds: [own.id] }),
    );
    expect(await userRow(manager.id)).toEqual(managerBefore);
    expect(await db.providerManager.count({ where: { userId: manager.id } })).toBe(0);

    await failAfterAuditInsert(() =>
      setSubscription({
        db,
        actor: admin,
        organizationId: organization.id,
        serviceId: own.serviceId,
        subscribed: true,
      }),
    );
    expect(await db.subscription.count({ where: { organizationId: organization.id } })).toBe(0);

    await failAfterAuditInsert(() => issueApiToken({ db, actor: admin, userId: user.id, name: "doomed" }));
    await failAfterAuditInsert(() => revokeApiToken({ db, actor: admin, tokenId: live.id }));
    expect(await db.apiToken.findMany({ where: { userId: user.id }, select: { id: true, revokedAt: true } })).toEqual([
      { id: live.id, revokedAt: null },
    ]);

    expect(await entriesBy(admin)).toEqual(adminEntries);
    expect(await entries({ targetId: { in: [user.id, manager.id, live.id] } })).toEqual(
      adminEntries.filter((e) => e.targetId === live.id),
    );
  });
});

describe("append-only", () => {
  test("UPDATE, DELETE and TRUNCATE on AuditEntry are refused by the database", async () => {
    const admin = await newAdmin();
    await createOrganization({ db, actor: admin, slug: uniqueSlug(), name: "Kept" });
    const before = await db.auditEntry.findMany({ where: { actorId: admin.id } });
    expect(before).toHaveLength(1);

    const refused = [
      () => db.$executeRawUnsafe(`UPDATE "AuditEntry" SET "action" = 'tampered' WHERE "actorId" = $1`, admin.id),
      () => db.$executeRawUnsafe(`DELETE FROM "AuditEntry" WHERE "actorId" = $1`, admin.id),
      () => db.$executeRawUnsafe(`TRUNCATE "AuditEntry"`),
      () => db.auditEntry.updateMany({ where: { actorId: admin.id }, data: { after: { tampered: true } } }),
      () => db.auditEntry.deleteMany({ where: { actorId: admin.id } }),
    ];
    for (const attempt of refused) await expect(attempt()).rejects.toThrow(/append-only/);
    expect(await db.auditEntry.findMany({ where: { actorId: admin.id } })).toEqual(before);
  });
});
