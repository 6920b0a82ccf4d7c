import { beforeEach, inject, vi } from "vitest";
import { anonymous } from "@/lib/auth/permissions";
import { actAs } from "./actor";

// Runs before each test file imports the app, so lib/env.ts sees the project's database.
process.env.DATABASE_URL = inject("databaseUrl");

// The request's actor comes from tests/support/actor.ts (there are no cookies outside Next.js).
vi.mock("@/lib/auth/current-actor", async () => {
  const { currentTestActor } = await import("./actor");
  return { getActor: async () => currentTestActor() };
});

beforeEach(() => actAs(anonymous));
