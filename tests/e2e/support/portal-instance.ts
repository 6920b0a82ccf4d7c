// A production portal process (lib/cli/serve.ts, what `npm start` runs) on a PostgreSQL database of
// the test's own, with its output kept for assertions, and the databases such tests create and drop.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import pg from "pg";

export interface PortalInstance {
  origin: string;
  process: ChildProcess;
  output: string[];
}

const adminUrl = "postgresql://postgres@127.0.0.1:5432/postgres";

export async function createDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
}

export async function dropDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

export async function startInstance(options: {
  port: number;
  databaseUrl: string;
  env?: Record<string, string>;
}): Promise<PortalInstance> {
  const origin = `http://127.0.0.1:${options.port}`;
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.resolve("lib/cli/serve.ts"), "--port", String(options.port), "--hostname", "127.0.0.1"],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: options.databaseUrl,
        NEXT_TELEMETRY_DISABLED: "1",
        AUTH_TRUST_HOST: "true",
        DEMARC_ALLOWED_ORIGINS: origin,
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const instance = { origin, process: child, output: [] as string[] };
  let pending = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split("\n");
    pending = lines.pop() ?? "";
    instance.output.push(...lines);
  });
  child.stderr!.on("data", (chunk: Buffer) => instance.output.push(...chunk.toString().split("\n")));
  for (const deadline = Date.now() + 60_000; ;) {
    const live = await fetch(`${origin}/api/ready`).catch(() => null);
    if (live?.ok) return instance;
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`Instance on ${options.port} did not start:\n${instance.output.join("\n")}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export function stopInstance(instance: PortalInstance): Promise<void> {
  return new Promise<void>((resolve) => {
    if (instance.process.exitCode !== null) return resolve();
    instance.process.once("exit", () => resolve());
    instance.process.kill("SIGTERM");
  });
}
