// `npm start` as an operator meets it: stopping npm stops the whole portal and frees its data folder,
// and after a crash (every process killed at once) the portal starts again at once.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const port = Number(process.env.E2E_PORT ?? 3210) + 30;
const origin = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(path.join(tmpdir(), "demarc-e2e-lifecycle-"));

const answers = async () => (await fetch(`${origin}/api/health`).catch(() => null))?.status ?? null;

async function npmStart(): Promise<ChildProcess> {
  const child = spawn("npm", ["start", "--", "--port", String(port)], {
    env: { ...process.env, DEMARC_DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, so a test can kill every process of it at once
  });
  const output: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  for (const deadline = Date.now() + 120_000; ;) {
    if ((await fetch(`${origin}/api/ready`).catch(() => null))?.ok) return child;
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`npm start did not become ready:\n${output.join("")}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function until(condition: () => Promise<boolean> | boolean, seconds: number) {
  for (const deadline = Date.now() + seconds * 1000; Date.now() < deadline;) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

test.afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

test("SIGTERM to npm stops the portal and releases its data folder", async () => {
  test.setTimeout(240_000);
  const npm = await npmStart();
  expect(await answers()).toBe(200);
  npm.kill("SIGTERM"); // npm itself passes no signal on
  expect(await until(async () => (await answers()) === null, 15)).toBe(true);
  expect(await until(() => !existsSync(path.join(dataDir, "owner.lock")), 15)).toBe(true);
});

test("after a crash of every process the portal starts again at once", async () => {
  test.setTimeout(240_000);
  const first = await npmStart();
  process.kill(-first.pid!, "SIGKILL"); // npm, the launcher (database owner) and the server, like a power cut
  expect(await until(async () => (await answers()) === null, 10)).toBe(true);
  // The dead owner's lock is taken over: no "already in use by another process" for 15 seconds.
  const started = Date.now();
  const again = await npmStart();
  expect(Date.now() - started).toBeLessThan(60_000);
  expect(await answers()).toBe(200);
  process.kill(-again.pid!, "SIGTERM");
  expect(await until(async () => (await answers()) === null, 15)).toBe(true);
});
