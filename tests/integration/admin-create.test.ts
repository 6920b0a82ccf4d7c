import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { expect, inject, test } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db";

const run = promisify(execFile);

test("a database started from DATABASE_URL has no demo accounts", async () => {
  expect(await getDb().user.count({ where: { email: { endsWith: "@demarc.local" } } })).toBe(0);
});

test("admin:create makes an administrator, and refuses a short password or a taken email", async () => {
  const email = `first-admin-${randomUUID().slice(0, 8)}@example.test`;
  const env = { ...process.env, DATABASE_URL: inject("databaseUrl"), DEMARC_ADMIN_PASSWORD: "a-long-enough-password" };
  // The README's command, as an operator runs it.
  const adminCreate = (address: string, extraEnv: Record<string, string> = {}) =>
    run("npm", ["run", "--silent", "admin:create", "--", "--email", address, "--name", "First Admin"], {
      env: { ...env, ...extraEnv },
    });
  const { stdout } = await adminCreate(email);
  expect(stdout).toContain(`Administrator ${email} created.`);
  const user = await getDb().user.findUniqueOrThrow({ where: { email } });
  expect(user.role).toBe("ADMIN");
  expect(await verifyPassword(user.passwordHash!, "a-long-enough-password")).toBe(true);

  const taken = await adminCreate(email).catch((e: { code: number; stderr: string }) => e);
  expect(taken).toMatchObject({ code: 1, stderr: expect.stringContaining("already exists") });
  const short = await adminCreate(`x-${email}`, { DEMARC_ADMIN_PASSWORD: "short" }).catch(
    (e: { code: number; stderr: string }) => e,
  );
  expect(short).toMatchObject({ code: 1, stderr: expect.stringContaining("Use at least 12 characters") });
}, 60_000);
