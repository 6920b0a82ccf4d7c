import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getAuthOptions } from "./auth-options";
import { anonymous, type Actor } from "./permissions";
import { actorFromApiToken, actorFromSession } from "./sessions";

/**
 * Who is making this request: an API token (Authorization: Bearer), a session cookie, or
 * nobody. Resolved from the database once per request.
 */
export const getActor = cache(async (): Promise<Actor> => {
  const db = getDb();
  const authorization = (await headers()).get("authorization");
  if (authorization) {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    const actor = token ? await actorFromApiToken({ db, token }) : null;
    if (!actor) throw new AppError("UNAUTHORIZED", "The API token is missing, invalid or revoked.");
    return actor;
  }
  const session = (await getServerSession(await getAuthOptions())) as { sid?: unknown } | null;
  return typeof session?.sid === "string" ? actorFromSession({ db, sessionId: session.sid }) : anonymous;
});
