import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { anonymous, type Actor } from "@/lib/auth/permissions";
import { actorFromApiToken, actorFromSession, createSession } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db";
import { issueApiToken } from "@/lib/tokens/issue-api-token";
import { getUser } from "@/lib/users/get-user";
import { listUsers } from "@/lib/users/list-users";
import { setManagedProviders } from "@/lib/users/set-managed-providers";
import { setPassword } from "@/lib/users/set-password";
import { setUserActive } from "@/lib/users/set-user-active";
import { updateUser } from "@/lib/users/update-user";
import { createUserAction, setUserActiveAction, updateUserAction } from "@/lib/actions/users";
import { createProvider } from "../support/app-db";
import { actAs } from "../support/actor";
import { makeOrganization, makeUser, type UserActor } from "../factories/accounts";
import { makeProviderDocument } from "../factories/provider-document";

// Server actions call revalidatePath, which needs a Next.js request; the tests check data instead.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const db = getDb();

const userRow = (id: string) =>
  db.user.findUniqueOrThrow({
    where: { id },
    include: { managedProviders: { select: { providerId: true }, orderBy: { providerId: "asc" } } },
  });

let admin: UserActor;
let auditor: UserActor;
let accountManager: UserActor;
let customer: UserActor;
const providers: Awaited<ReturnType<typeof createProvider>>[] = [];

beforeAll(async () => {
  providers.push(await createProvider(makeProviderDocument()), await createProvider(makeProviderDocument()));
  const organization = await makeOrganization();
  admin = (await makeUser({ role: "admin" })).actor;
  auditor = (await makeUser({ role: "auditor" })).actor;
  accountManager = (await makeUser({ role: "account-manager", managedProviderIds: [providers[0]!.id] })).actor;
  customer = (await makeUser({ role: "customer", organizationId: organization.id })).actor;
});

afterAll(async () => {
  for (const provider of providers) await provider.remove();
});

/** Everyone who must not administer accounts, with the error they get (actors exist once beforeAll ran). */
const outsiders: [string, () => Actor, string][] = [
  ["anonymous", () => anonymous, "UNAUTHORIZED"],
  ["auditor", () => auditor, "FORBIDDEN"],
  ["account manager", () => accountManager, "FORBIDDEN"],
  ["customer", () => customer, "FORBIDDEN"],
];

describe("listUsers and getUser", () => {
  test("administrators see every account with role, organization, providers and token counts", async () => {
    const organization = await makeOrganization();
    const member = await makeUser({ role: "customer", organizationId: organization.id });
    const manager = await makeUser({ role: "account-manager", managedProviderIds: [providers[0]!.id] });
    const live = await issueApiToken({ db, actor: admin, userId: member.actor.id, name: "ci" });
    const revoked = await issueApiToken({ db, actor: admin, userId: member.actor.id, name: "old" });
    await db.apiToken.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
    expect(live.token).not.toBe(revoked.token);

    const users = await listUsers({ db, actor: admin });
    expect(users).toContainEqual(
      expect.objectContaining({
        id: member.actor.id,
        email: member.email,
        role: "customer",
        active: true,
        organization: { id: organization.id, slug: organization.slug, name: organization.name },
        managedProviders: [],
        tokens: { active: 1, total: 2 },
      }),
    );
    expect(users).toContainEqual(
      expect.objectContaining({
        id: manager.actor.id,
        role: "account-manager",
        organization: null,
        managedProviders: [providers[0]!.document.name],
        tokens: { active: 0, total: 0 },
      }),
    );
    expect(JSON.stringify(users)).not.toMatch(/passwordHash|argon2/);
  });

  test("getUser returns the detail with its version, or null for an unknown id", async () => {
    const manager = await makeUser({ role: "account-manager", managedProviderIds: [providers[1]!.id] });
    const detail = await getUser({ db, actor: admin, userId: manager.actor.id });
    expect(detail).toMatchObject({
      id: manager.actor.id,
      email: manager.email,
      role: "account-manager",
      version: 1,
      hasPassword: true,
      managedProviders: [expect.objectContaining({ id: providers[1]!.id, name: providers[1]!.document.name })],
    });
    expect(detail!.providerChoices.map((p) => p.id)).toEqual(expect.arrayContaining(providers.map((p) => p.id)));
    expect(JSON.stringify(detail)).not.toMatch(/passwordHash|argon2/);
    expect(await getUser({ db, actor: admin, userId: "00000000-0000-4000-8000-000000000000" })).toBeNull();
  });

  test.each(outsiders)("%s may not list or read accounts", async (_label, actorOf, code) => {
    const actor = actorOf();
    await expect(listUsers({ db, actor })).rejects.toMatchObject({ code });
    await expect(getUser({ db, actor, userId: admin.id })).rejects.toMatchObject({ code });
  });
});

describe("updateUser", () => {
  test("changes name, role and organization and bumps the version", async () => {
    const organization = await makeOrganization();
    const { actor: user } = await makeUser({ role: "auditor" });
    const result = await updateUser({
      db,
      actor: admin,
      userId: user.id,
      version: 1,
      name: "  Renamed Person ",
      role: "customer",
      organizationId: organization.id,
    });
    expect(result).toEqual({ version: 2 });
    expect(await userRow(user.id)).toMatchObject({
      name: "Renamed Person",
      role: "CUSTOMER",
      organizationId: organization.id,
      version: 2,
    });
  });

  test("customers need an organization; other roles never keep one", async () => {
    const organization = await makeOrganization();
    const { actor: user } = await makeUser({ role: "customer", organizationId: organization.id });
    const before = await userRow(user.id);
    await expect(
      updateUser({ db, actor: admin, userId: user.id, version: 1, name: "X", role: "customer", organizationId: "" }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: [{ path: "organizationId", message: "Customers belong to an organization — choose one" }],
    });
    expect(await userRow(user.id)).toEqual(before);

    await updateUser({
      db,
      actor: admin,
      userId: user.id,
      version: 1,
      name: user.name,
      role: "auditor",
      organizationId: organization.id,
    });
    expect(await userRow(user.id)).toMatchObject({ role: "AUDITOR", organizationId: null, version: 2 });
  });

  test("reports each invalid field specifically and changes nothing", async () => {
    const { actor: user } = await makeUser({ role: "auditor" });
    const before = await userRow(user.id);
    const error = await updateUser({
      db,
      actor: admin,
      userId: user.id,
      version: 1,
      name: "   ",
      role: "superuser" as never,
      organizationId: "not-an-id",
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "INVALID_INPUT", message: "Check the highlighted fields." });
    expect((error as { fieldErrors: unknown }).fieldErrors).toEqual(
      expect.arrayContaining([
        { path: "name", message: "Enter a name" },
        { path: "role", message: "Choose a role" },
        { path: "organizationId", message: "Choose an organization from the list" },
      ]),
    );
    await expect(
      updateUser({
        db,
        actor: admin,
        userId: user.id,
        version: 1,
        name: "Y",
        role: "customer",
        organizationId: "00000000-0000-4000-8000-000000000000",
      }),
    ).rejects.toMatchObject({ fieldErrors: [{ path: "organizationId", message: expect.stringMatching(/no longer/) }] });
    expect(await userRow(user.id)).toEqual(before);
  });

  test("refuses a stale version without overwriting the newer save", async () => {
    const { actor: user } = await makeUser({ role: "auditor" });
    await updateUser({ db, actor: admin, userId: user.id, version: 1, name: "First save", role: "auditor" });
    const afterFirst = await userRow(user.id);
    await expect(
      updateUser({ db, actor: admin, userId: user.id, version: 1, name: "Stale save", role: "admin" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/reload.*not saved/) });
    expect(await userRow(user.id)).toEqual(afterFirst);
    expect(afterFirst).toMatchObject({ name: "First save", role: "AUDITOR", version: 2 });
  });

  test("an unknown user is not found; a missing version asks to reload", async () => {
    await expect(
      updateUser({
        db,
        actor: admin,
        userId: "00000000-0000-4000-8000-000000000000",
        version: 1,
        name: "N",
        role: "auditor",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      updateUser({ db, actor: admin, userId: admin.id, version: "", name: "N", role: "admin" }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/reload/) });
  });

  test("administrators cannot remove their own administrator role", async () => {
    const { actor: self } = await makeUser({ role: "admin" });
    await expect(
      updateUser({ db, actor: self, userId: self.id, version: 1, name: self.name, role: "auditor" }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: [{ path: "role" }] });
    expect(await userRow(self.id)).toMatchObject({ role: "ADMIN", version: 1 });
  });

  test("leaving the account-manager role ends the provider assignments", async () => {
    const { actor: manager } = await makeUser({ role: "account-manager", managedProviderIds: [providers[0]!.id] });
    await updateUser({ db, actor: admin, userId: manager.id, version: 1, name: manager.name, role: "auditor" });
    expect((await userRow(manager.id)).managedProviders).toEqual([]);
  });

  test.each(outsiders)("%s cannot edit accounts and nothing changes", async (_label, actorOf, code) => {
    const actor = actorOf();
    const { actor: user } = await makeUser({ role: "auditor" });
    const before = await userRow(user.id);
    await expect(
      updateUser({ db, actor, userId: user.id, version: 1, name: "Hijacked", role: "admin" }),
    ).rejects.toMatchObject({ code });
    expect(await userRow(user.id)).toEqual(before);
  });
});

describe("setManagedProviders", () => {
  test("replaces an account manager's providers", async () => {
    const { actor: manager } = await makeUser({ role: "account-manager", managedProviderIds: [providers[0]!.id] });
    await setManagedProviders({ db, actor: admin, userId: manager.id, version: 1, providerIds: [providers[1]!.id] });
    expect(await userRow(manager.id)).toMatchObject({
      version: 2,
      managedProviders: [{ providerId: providers[1]!.id }],
    });
    const both = providers.map((p) => p.id);
    await setManagedProviders({ db, actor: admin, userId: manager.id, version: 2, providerIds: [...both, both[0]!] });
    expect((await userRow(manager.id)).managedProviders.map((m) => m.providerId).sort()).toEqual([...both].sort());
    await setManagedProviders({ db, actor: admin, userId: manager.id, version: 3, providerIds: [] });
    expect((await userRow(manager.id)).managedProviders).toEqual([]);
  });

  test("provider ids must exist, only account managers have providers, stale versions are refused", async () => {
    const { actor: manager } = await makeUser({ role: "account-manager", managedProviderIds: [providers[0]!.id] });
    const before = await userRow(manager.id);
    await expect(
      setManagedProviders({
        db,
        actor: admin,
        userId: manager.id,
        version: 1,
        providerIds: [providers[1]!.id, "00000000-0000-4000-8000-000000000000"],
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: [{ path: "providerIds" }] });
    await expect(
      setManagedProviders({ db, actor: admin, userId: manager.id, version: 1, providerIds: ["nope"] }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: [{ path: "providerIds.0" }] });
    await expect(
      setManagedProviders({ db, actor: admin, userId: manager.id, version: 7, providerIds: [providers[1]!.id] }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await userRow(manager.id)).toEqual(before);

    await expect(
      setManagedProviders({ db, actor: admin, userId: auditor.id, version: 1, providerIds: [providers[0]!.id] }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: [{ path: "providerIds", message: "Only account managers are assigned providers" }],
    });
    expect((await userRow(auditor.id)).managedProviders).toEqual([]);
  });

  test.each(outsiders)("%s cannot assign providers", async (_label, actorOf, code) => {
    const actor = actorOf();
    const { actor: manager } = await makeUser({ role: "account-manager" });
    await expect(
      setManagedProviders({ db, actor, userId: manager.id, version: 1, providerIds: [providers[0]!.id] }),
    ).rejects.toMatchObject({ code });
    expect(await userRow(manager.id)).toMatchObject({ version: 1, managedProviders: [] });
  });
});

describe("setUserActive", () => {
  test("deactivation ends sessions and tokens at once; reactivation restores access", async () => {
    const { actor: user } = await makeUser({ role: "auditor" });
    const sessionId = await createSession({ db, userId: user.id });
    const { token } = await issueApiToken({ db, actor: admin, userId: user.id, name: "script" });
    expect(await actorFromSession({ db, sessionId })).toMatchObject({ kind: "user", id: user.id });
    expect(await actorFromApiToken({ db, token })).toMatchObject({ id: user.id });

    expect(await setUserActive({ db, actor: admin, userId: user.id, version: 1, active: false })).toEqual({
      version: 2,
      changed: true,
    });
    const row = await userRow(user.id);
    expect(row).toMatchObject({ active: false, version: 2 });
    expect(row.deactivatedAt).toBeInstanceOf(Date);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await actorFromSession({ db, sessionId })).toEqual(anonymous);
    expect(await actorFromApiToken({ db, token })).toBeNull();

    // Asking again changes nothing.
    expect(await setUserActive({ db, actor: admin, userId: user.id, version: 2, active: false })).toEqual({
      version: 2,
      changed: false,
    });

    await setUserActive({ db, actor: admin, userId: user.id, version: 2, active: true });
    expect(await userRow(user.id)).toMatchObject({ active: true, deactivatedAt: null, version: 3 });
    expect(await actorFromApiToken({ db, token })).toMatchObject({ id: user.id });
  });

  test("administrators cannot deactivate themselves", async () => {
    const { actor: self } = await makeUser({ role: "admin" });
    const sessionId = await createSession({ db, userId: self.id });
    await expect(setUserActive({ db, actor: self, userId: self.id, version: 1, active: false })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(/your own account/),
    });
    expect(await userRow(self.id)).toMatchObject({ active: true, version: 1 });
    expect(await actorFromSession({ db, sessionId })).toMatchObject({ id: self.id });
  });

  test("a stale version is refused and the account stays active", async () => {
    const { actor: user } = await makeUser({ role: "auditor" });
    await updateUser({ db, actor: admin, userId: user.id, version: 1, name: "Changed meanwhile", role: "auditor" });
    await expect(setUserActive({ db, actor: admin, userId: user.id, version: 1, active: false })).rejects.toMatchObject(
      { code: "CONFLICT" },
    );
    expect(await userRow(user.id)).toMatchObject({ active: true, version: 2 });
  });

  test.each(outsiders)("%s cannot deactivate accounts; sessions survive", async (_label, actorOf, code) => {
    const actor = actorOf();
    const { actor: user } = await makeUser({ role: "auditor" });
    const sessionId = await createSession({ db, userId: user.id });
    await expect(setUserActive({ db, actor, userId: user.id, version: 1, active: false })).rejects.toMatchObject({
      code,
    });
    expect(await userRow(user.id)).toMatchObject({ active: true, version: 1 });
    expect(await actorFromSession({ db, sessionId })).toMatchObject({ id: user.id });
  });
});

describe("setPassword", () => {
  test("sets a new password and signs the user out everywhere", async () => {
    const { actor: user, password: oldPassword } = await makeUser({ role: "customer" });
    const sessionId = await createSession({ db, userId: user.id });
    await setPassword({ db, actor: admin, userId: user.id, version: 1, password: "a brand new passphrase" });
    const row = await userRow(user.id);
    expect(row.version).toBe(2);
    expect(await verifyPassword(row.passwordHash!, "a brand new passphrase")).toBe(true);
    expect(await verifyPassword(row.passwordHash!, oldPassword)).toBe(false);
    expect(await actorFromSession({ db, sessionId })).toEqual(anonymous);
  });

  test("too short a password is a field error and changes nothing", async () => {
    const { actor: user } = await makeUser({ role: "customer" });
    const before = await userRow(user.id);
    await expect(
      setPassword({ db, actor: admin, userId: user.id, version: 1, password: "short" }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: [{ path: "password", message: "Use at least 12 characters" }],
    });
    expect(await userRow(user.id)).toEqual(before);
  });

  test.each(outsiders)("%s cannot set passwords", async (_label, actorOf, code) => {
    const actor = actorOf();
    const { actor: user } = await makeUser({ role: "customer" });
    const before = await userRow(user.id);
    await expect(
      setPassword({ db, actor, userId: user.id, version: 1, password: "attacker-chosen-password" }),
    ).rejects.toMatchObject({ code });
    expect(await userRow(user.id)).toEqual(before);
  });
});

describe("user server actions", () => {
  const form = (fields: Record<string, string | string[]>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields))
      for (const v of typeof value === "string" ? [value] : value) data.append(key, v);
    return data;
  };

  test("create: field errors come back per field; success redirects to the new user", async () => {
    actAs(admin);
    const state = await createUserAction(
      { status: "idle" },
      form({ email: "not-an-email", name: "", role: "customer", password: "", organizationId: "" }),
    );
    expect(state).toMatchObject({
      status: "error",
      fieldErrors: {
        email: "Enter a valid email address",
        name: "Enter a name",
        organizationId: "Customers belong to an organization",
      },
    });

    const organization = await makeOrganization();
    const email = `created-${organization.slug}@example.test`;
    await expect(
      createUserAction(
        { status: "idle" },
        form({ email, name: "New Person", role: "customer", password: "", organizationId: organization.id }),
      ),
    ).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;.*\/admin\/users\//) });
    expect(await db.user.findUniqueOrThrow({ where: { email } })).toMatchObject({
      role: "CUSTOMER",
      organizationId: organization.id,
      passwordHash: null,
    });
  });

  test("update: the service's refusal reaches the form and nothing changes", async () => {
    const { actor: user } = await makeUser({ role: "auditor" });
    const before = await userRow(user.id);
    actAs(auditor);
    expect(
      await updateUserAction(
        { status: "idle" },
        form({ userId: user.id, version: "1", name: "Nope", role: "admin", organizationId: "" }),
      ),
    ).toEqual({ status: "error", message: "Your account is not allowed to do this.", fieldErrors: {} });
    actAs(admin);
    expect(
      await updateUserAction(
        { status: "idle" },
        form({ userId: user.id, version: "1", name: "Yes", role: "customer", organizationId: "" }),
      ),
    ).toEqual({
      status: "error",
      message: "Check the highlighted fields.",
      fieldErrors: { organizationId: "Customers belong to an organization — choose one" },
    });
    expect(await userRow(user.id)).toEqual(before);
    expect(
      await updateUserAction(
        { status: "idle" },
        form({ userId: user.id, version: "1", name: "Yes", role: "auditor", organizationId: "" }),
      ),
    ).toEqual({ status: "success", message: "Saved." });
    expect(await userRow(user.id)).toMatchObject({ name: "Yes", version: 2 });
  });

  test("deactivate via the form", async () => {
    const { actor: user } = await makeUser({ role: "auditor" });
    actAs(admin);
    expect(
      await setUserActiveAction({ status: "idle" }, form({ userId: user.id, version: "1", active: "false" })),
    ).toMatchObject({ status: "success" });
    expect(await userRow(user.id)).toMatchObject({ active: false });
    expect(
      await setUserActiveAction({ status: "idle" }, form({ userId: user.id, version: "2", active: "maybe" })),
    ).toMatchObject({ status: "error" });
  });
});
