// A feed address's secret: random, shown once; only its SHA-256 is stored, so the address cannot be
// read back from the database.
import "server-only";
import { createHash, randomBytes } from "node:crypto";

export const newFeedToken = () => randomBytes(24).toString("base64url");

export const feedTokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

export const changeFeedPath = (token: string) => `/api/v1/changes/feed/${token}`;
