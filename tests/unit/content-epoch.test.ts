import { describe, expect, test } from "vitest";
import { createEpochReader } from "@/lib/page-cache/content-epoch";

/** A query whose readings the test finishes by hand, recording the order they started in. */
function manualQuery() {
  const started: { finish: (value: string) => void; fail: (error: Error) => void }[] = [];
  const query = () =>
    new Promise<string>((resolve, reject) => {
      started.push({ finish: resolve, fail: reject });
    });
  return { query, started };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("content epoch reader", () => {
  test("callers that arrive while a reading runs share the next reading, never the running one", async () => {
    const { query, started } = manualQuery();
    const read = createEpochReader(query);
    const first = read();
    expect(started).toHaveLength(1);
    // These arrive after the first reading began: a publish may have committed since, so they wait.
    const second = read();
    const third = read();
    expect(started).toHaveLength(1);
    started[0]!.finish("1");
    await expect(first).resolves.toBe("1");
    await tick();
    expect(started).toHaveLength(2);
    started[1]!.finish("2");
    await expect(second).resolves.toBe("2");
    await expect(third).resolves.toBe("2");
    // Nothing is running now: the next caller starts a reading of its own at once.
    const fourth = read();
    expect(started).toHaveLength(3);
    started[2]!.finish("3");
    await expect(fourth).resolves.toBe("3");
  });

  test("a failed reading fails its callers only; the next call reads again", async () => {
    const { query, started } = manualQuery();
    const read = createEpochReader(query);
    const failing = read();
    const queued = read();
    started[0]!.fail(new Error("connection lost"));
    await expect(failing).rejects.toThrow("connection lost");
    await tick();
    started[1]!.finish("7");
    await expect(queued).resolves.toBe("7");
    const again = read();
    started[2]!.finish("8");
    await expect(again).resolves.toBe("8");
  });
});
