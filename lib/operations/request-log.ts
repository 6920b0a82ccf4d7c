// One JSON line per log entry, each naming the request it belongs to (./request-context.ts): what
// logs during a request — the app, Next.js, the database driver — is tagged without passing the id
// around. lib/cli/serve.ts installs it; plain module, no `server-only`.
import { format } from "node:util";
import { currentRequestContext } from "./request-context";

type Level = "debug" | "info" | "warn" | "error";
const levels: [method: "debug" | "log" | "info" | "warn" | "error", level: Level][] = [
  ["debug", "debug"],
  ["log", "info"],
  ["info", "info"],
  ["warn", "warn"],
  ["error", "error"],
];

/** Turns console output into JSON lines: time, level, request id (when in a request), message. */
export function installJsonConsole(
  options: { target?: Pick<Console, (typeof levels)[number][0]>; write?: (line: string) => void } = {},
): void {
  const { target = console, write = (line: string) => void process.stdout.write(line) } = options;
  for (const [method, level] of levels)
    target[method] = (...args: unknown[]) => {
      const entry: Record<string, unknown> = { time: new Date().toISOString(), level };
      const requestId = currentRequestContext()?.requestId;
      if (requestId) entry.requestId = requestId;
      entry.message = format(...args);
      write(`${JSON.stringify(entry)}\n`);
    };
}
