// Any console.error a test did not expect fails it, and so does a deprecation warning (a driver
// warning in normal operation is a defect). Tests that provoke an error on purpose call
// expectConsoleError(pattern) first.
import { afterEach, beforeEach, vi } from "vitest";

let logged: string[] = [];
let expected: RegExp[] = [];

process.on("warning", (warning) => {
  if (warning.name === "DeprecationWarning") logged.push(`${warning.name}: ${warning.message}`);
});

export function expectConsoleError(pattern: RegExp) {
  expected.push(pattern);
}

beforeEach(() => {
  logged = [];
  expected = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    logged.push(args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(" "));
  });
});

afterEach(() => {
  vi.mocked(console.error).mockRestore();
  const unexpected = logged.filter((line) => !expected.some((p) => p.test(line)));
  if (unexpected.length) throw new Error(`Unexpected console.error:\n${unexpected.join("\n")}`);
});
