import { describe, expect, it } from "vitest";
import { satisfiesMinimum } from "@/lib/cli/supported-node";

describe("satisfiesMinimum", () => {
  it("accepts the minimum itself and anything newer", () => {
    expect(satisfiesMinimum("v20.19.0", ">=20.19")).toBe(true);
    expect(satisfiesMinimum("v20.20.2", ">=20.19")).toBe(true);
    expect(satisfiesMinimum("v22.1.0", ">=20.19.5")).toBe(true);
  });

  it("refuses older versions, comparing numerically", () => {
    expect(satisfiesMinimum("v20.18.9", ">=20.19")).toBe(false);
    expect(satisfiesMinimum("v18.20.0", ">=20.19")).toBe(false);
    expect(satisfiesMinimum("v20.19.4", ">=20.19.5")).toBe(false);
    expect(satisfiesMinimum("v9.99.0", ">=10")).toBe(false);
  });

  it("rejects ranges it cannot read rather than guessing", () => {
    expect(() => satisfiesMinimum("v20.20.2", "^20.19 || >=22")).toThrow(/minimum/);
  });
});
