import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import { anonymous } from "@/lib/auth/permissions";
import type { Database } from "@/lib/database/client";
import { AppError } from "@/lib/errors";
import { verifyAgainstNothing, verifyPassword } from "./password";
import { clearRateLimit, hitRateLimit, loginLimits } from "./rate-limit";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address").max(320),
  password: z.string().min(1, "Enter your password").max(1024),
});

function minutes(seconds: number) {
  const m = Math.ceil(seconds / 60);
  return `${m} minute${m === 1 ? "" : "s"}`;
}

/**
 * Checks an email and password under the per-account and per-IP login limits. Wrong email and
 * wrong password look the same; a deactivated account cannot sign in. Every attempt is audited.
 */
export async function signInWithPassword(options: {
  db: Database;
  email: string;
  password: string;
  ip: string;
}): Promise<{ id: string; email: string; name: string }> {
  const { db } = options;
  const parsed = signInSchema.safeParse({ email: options.email, password: options.password });
  if (!parsed.success) throw new AppError("INVALID_INPUT", "Enter your email address and password.");
  const { email, password } = parsed.data;

  const [byIp, byAccount] = await Promise.all([
    hitRateLimit({ db, key: `login:ip:${options.ip}`, rule: loginLimits.perIp }),
    hitRateLimit({ db, key: `login:account:${email}`, rule: loginLimits.perAccount }),
  ]);
  const failed = (reason: string) =>
    recordAudit({
      tx: db,
      actor: anonymous,
      subject: { id: null, label: email },
      action: "auth.sign-in-failed",
      target: { type: "account", id: email },
      after: { reason, ip: options.ip },
    });
  const blocked = [byIp, byAccount].filter((r) => !r.allowed);
  if (blocked.length) {
    const wait = Math.max(...blocked.map((r) => r.retryAfterSeconds));
    await failed("rate-limited");
    throw new AppError("RATE_LIMITED", `Too many sign-in attempts. Try again in ${minutes(wait)}.`);
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, active: true },
  });
  const ok = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : await verifyAgainstNothing(password);
  if (!user || !ok || !user.active) {
    await failed(!user ? "unknown-account" : !ok ? "wrong-password" : "deactivated");
    throw new AppError("UNAUTHORIZED", "Wrong email or password, or the account is deactivated.");
  }
  await clearRateLimit({ db, key: `login:account:${email}` });
  await recordAudit({
    tx: db,
    actor: anonymous,
    subject: { id: user.id, label: user.email },
    action: "auth.sign-in",
    target: { type: "user", id: user.id },
    after: { method: "password", ip: options.ip },
  });
  return { id: user.id, email: user.email, name: user.name };
}
