// The production build `npm start` (and the benchmark, before it times a start) makes when the
// sources are newer than the last one.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/** Whether any source the build reads changed since `.next/BUILD_ID` was written. */
export function buildIsStale(): boolean {
  const marker = path.join(root, ".next/BUILD_ID");
  if (!existsSync(marker)) return true;
  const built = statSync(marker).mtimeMs;
  const newer = (p: string): boolean => {
    if (!existsSync(p)) return false;
    const stat = statSync(p);
    if (!stat.isDirectory()) return stat.mtimeMs > built;
    return readdirSync(p).some((name) => name !== "node_modules" && newer(path.join(p, name)));
  };
  return ["app", "components", "lib", "public", "prisma", "next.config.ts", "package.json"].some((p) =>
    newer(path.join(root, p)),
  );
}

/** Runs `next build`, its output shown; false when it failed. */
export function buildPortal(env: NodeJS.ProcessEnv = process.env): boolean {
  const nextBin = path.join(root, "node_modules/next/dist/bin/next");
  const build = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  return build.status === 0;
}
