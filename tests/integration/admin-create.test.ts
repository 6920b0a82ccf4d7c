import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { expect, inject, test } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db";

const run = promisify(execFile);
const tsx = path.resolve("node_modules/.bin/tsx");

test("a database started from DATABASE_URL has no demo accounts", async () => {
  expect(await getDb().user.count({ where: { email: { endsWith: "@demarc.local" } } })).toBe(0);
});

test("admin:create makes an administrator, and refuses a short password or a taken email", async () => {
  const email = `first-admin-${randomUUID().slice(0, 8)}@example.test`;
  const env = { ...process.env, DATABASE_URL: inject("databaseUrl"), DEMARC_ADMIN_PASSWORD: "a-long-enough-password" };
  const args = ["lib/cli/create-admin.ts", "--email", email, "--name", "First Admin"];
  const { stdout } = await run(tsx, args, { env });
  expect(stdout).toContain(`Administrator ${email} created.`);
  const user = await getDb().user.findUniqueOrThrow({ where: { email } });
  expect(user.role).toBe("ADMIN");
  expect(await verifyPassword(user.passwordHash!, "a-long-enough-password")).toBe(true);

  const taken = await run(tsx, args, { env }).catch((e: { code: number; stderr: string }) => e);
  expect(taken).toMatchObject({ code: 1, stderr: expect.stringContaining("already exists") });
  const short = await run(tsx, [...args.slice(0, 2), `x-${email}`, ...args.slice(3)], {
    env: { ...env, DEMARC_ADMIN_PASSWORD: "short" },
  }).catch((e: { code: number; stderr: string }) => e);
  expect(short).toMatchObject({ code: 1, stderr: expect.stringContaining("Use at least 12 characters") });
}, 60_000);
