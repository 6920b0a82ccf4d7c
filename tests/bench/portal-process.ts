// The portal as the benchmark runs it: `npm start`'s own entry (migrate, seed, build when stale,
// serve in production mode) on a fresh embedded database, optionally filled by the data generator
// first; its SQL statement log is kept so statements per request can be counted.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

export interface Portal {
  origin: string;
  /** Milliseconds from spawning `npm start`'s entry until /api/ready answered 200. */
  startupMs: number;
  statements: () => number;
  /** Resident memory of the Next.js server process, in MB. */
  rssMb: () => number;
  stop: () => Promise<void>;
  /** `kill -9` of the whole process group (launcher, embedded database, server), as a crash; resolves once the launcher is gone. */
  kill: () => Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `npm run db:generate` on the data directory (the portal must not be running on it). */
export function generate(dataDir: string, sizes: { providers: number; services: number; areas: number }): void {
  const args = ["--providers", sizes.providers, "--services", sizes.services, "--areas", sizes.areas].map(String);
  const result = spawnSync(
    process.execPath,
    [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "lib/cli/generate.ts", ...args],
    { env: { ...process.env, DEMARC_DATA_DIR: dataDir }, stdio: "inherit" },
  );
  if (result.status !== 0) throw new Error(`db:generate failed with exit code ${result.status}`);
}

export async function startPortal(options: {
  dataDir: string;
  port: number;
  /** Each line the portal prints (statement lines excepted), instead of echoing it. */
  onOutput?: (line: string) => void;
}): Promise<Portal> {
  const origin = `http://127.0.0.1:${options.port}`;
  const started = performance.now();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      path.resolve("node_modules/tsx/dist/cli.mjs"),
      "--conditions=react-server",
      "lib/cli/start.ts",
      "--port",
      String(options.port),
    ],
    {
      env: { ...process.env, DEMARC_DATA_DIR: options.dataDir, DEMARC_LOG_STATEMENTS: "1" },
      stdio: ["ignore", "pipe", "inherit"],
      detached: true,
    },
  );
  let statements = 0;
  let pending = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      if (line.startsWith("[statement]")) statements++;
      else if (options.onOutput) options.onOutput(line);
      else if (line.trim()) process.stdout.write(`  portal: ${line}\n`);
    }
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error("The portal stopped while starting (its errors are above).");
    const ready = await fetch(`${origin}/api/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    await sleep(100);
  }
  const startupMs = performance.now() - started;
  return {
    origin,
    startupMs,
    statements: () => statements,
    rssMb: () => nextServerRss(child.pid!),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      process.kill(-child.pid!, "SIGTERM");
      await exited;
    },
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      process.kill(-child.pid!, "SIGKILL");
      await exited;
    },
  };
}

/** The RSS of the HTTP server process (start.ts → serve.ts), found among the descendants of `pid`. */
function nextServerRss(pid: number): number {
  const queue = [pid];
  let server: number | undefined;
  while (queue.length > 0 && server === undefined) {
    const current = queue.shift()!;
    if (readFileSync(`/proc/${current}/cmdline`, "utf8").includes("lib/cli/serve.ts")) server = current;
    const children = readFileSync(`/proc/${current}/task/${current}/children`, "utf8").trim().split(/\s+/);
    queue.push(...children.filter(Boolean).map(Number));
  }
  if (server === undefined) throw new Error("No portal server process (lib/cli/serve.ts) found.");
  const status = readFileSync(`/proc/${server}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Signs in with the demo password and returns the session cookie. */
export async function signIn(origin: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Cookie: cookies.join("; "),
      Origin: origin,
      "X-Forwarded-For": "10.9.9.9",
    },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = response.headers.getSetCookie().find((c) => /session-token=/.test(c));
  if (!session) throw new Error(`Signing in as ${email} failed (${response.status}).`);
  return session.split(";")[0]!;
}
