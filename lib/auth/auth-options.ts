import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import { AppError } from "@/lib/errors";
import { clientIp } from "./client-ip";
import { getAuthSecret } from "./secret";
import { actorFromSession, createSession, SESSION_DAYS } from "./sessions";
import { anonymous } from "./permissions";
import { signInWithPassword } from "./sign-in-with-password";

/** Codes the sign-in page turns into messages (next-auth passes only a string through). */
export const signInErrorCodes = { rateLimited: "RateLimited", noAccount: "NoAccount" } as const;

/**
 * next-auth signs the cookie; what it carries is only the id of a row in `Session`, checked on
 * every request (lib/auth/current-actor.ts), so sign-out and deactivation are immediate.
 */
export async function getAuthOptions(): Promise<AuthOptions> {
  const db = getDb();
  return {
    secret: await getAuthSecret(db),
    session: { strategy: "jwt", maxAge: SESSION_DAYS * 86_400 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          try {
            return await signInWithPassword({
              db,
              email: credentials?.email ?? "",
              password: credentials?.password ?? "",
              ip: clientIp(req.headers?.["x-forwarded-for"] as string | undefined),
            });
          } catch (error) {
            if (error instanceof AppError && error.code === "RATE_LIMITED")
              throw new Error(`${signInErrorCodes.rateLimited}:${error.message}`);
            if (error instanceof AppError) return null;
            throw error;
          }
        },
      }),
      ...(env.oidc
        ? [
            {
              id: "oidc",
              name: env.oidc.name,
              type: "oauth" as const,
              wellKnown: `${env.oidc.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
              clientId: env.oidc.clientId,
              clientSecret: env.oidc.clientSecret,
              authorization: { params: { scope: "openid email profile" } },
              idToken: true,
              checks: ["pkce" as const, "state" as const],
              profile(profile: { sub: string; email?: string; name?: string }) {
                return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.email ?? null };
              },
            },
          ]
        : []),
    ],
    callbacks: {
      // SSO signs in existing, active accounts only; administrators create accounts.
      async signIn({ user, account }) {
        if (account?.provider !== "oidc") return true;
        const email = user.email?.toLowerCase();
        const known = email ? await db.user.findFirst({ where: { email, active: true }, select: { id: true } }) : null;
        return known ? true : `/sign-in?error=${signInErrorCodes.noAccount}`;
      },
      async jwt({ token, user, account }) {
        if (user && account) {
          const userId =
            account.provider === "credentials"
              ? user.id
              : (await db.user.findUniqueOrThrow({ where: { email: user.email!.toLowerCase() }, select: { id: true } }))
                  .id;
          if (account.provider !== "credentials")
            await recordAudit({
              tx: db,
              actor: anonymous,
              subject: { id: userId, label: user.email!.toLowerCase() },
              action: "auth.sign-in",
              target: { type: "user", id: userId },
              after: { method: account.provider },
            });
          return { sub: userId, sid: await createSession({ db, userId }) };
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, sid: token.sid };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid !== "string") return;
        const actor = await actorFromSession({ db, sessionId: token.sid });
        await db.$transaction(async (tx) => {
          await tx.session.deleteMany({ where: { id: token.sid as string } });
          if (actor.kind === "user")
            await recordAudit({ tx, actor, action: "auth.sign-out", target: { type: "user", id: actor.id } });
        });
      },
    },
  };
}
