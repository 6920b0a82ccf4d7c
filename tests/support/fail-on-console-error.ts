// Any console.error a test did not expect fails it. Tests that provoke one on purpose call
// expectConsoleError(pattern) first.
import { afterEach, beforeEach, vi } from "vitest";

let logged: string[] = [];
let expected: RegExp[] = [];

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
