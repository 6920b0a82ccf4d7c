import { describe, expect, it } from "vitest";
import { currentRequestContext, runWithRequestContext } from "@/lib/operations/request-context";
import { installJsonConsole } from "@/lib/operations/request-log";

describe("installJsonConsole", () => {
  it("writes one JSON line per entry, tagged with the request it was logged in, across awaits", async () => {
    const lines: string[] = [];
    const noop = (..._args: unknown[]) => undefined;
    const target = { debug: noop, log: noop, info: noop, warn: noop, error: noop };
    installJsonConsole({ target, write: (line) => lines.push(line) });

    target.log("started on port %d", 3000);
    await runWithRequestContext({ requestId: "req-1" }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      target.error("Request failed:", new Error("multi\nline"));
      expect(currentRequestContext()?.requestId).toBe("req-1");
    });
    target.warn("after");

    expect(lines.every((line) => line.endsWith("\n") && !line.slice(0, -1).includes("\n"))).toBe(true);
    const entries = lines.map((line) => JSON.parse(line) as Record<string, string>);
    expect(
      entries.map(({ level, requestId, message }) => ({ level, requestId, message: message?.split("\n")[0] })),
    ).toEqual([
      { level: "info", requestId: undefined, message: "started on port 3000" },
      { level: "error", requestId: "req-1", message: "Request failed: Error: multi" },
      { level: "warn", requestId: undefined, message: "after" },
    ]);
    expect(Date.parse(entries[0]!.time!)).not.toBeNaN();
  });
});
