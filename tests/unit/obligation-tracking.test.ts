// The matching rule of obligation tracking on hand-made resolutions: records follow their duty's
// words and place, never attach to the wrong one of two equal duties, keep cross-cutting areas apart
// from service areas with the same key, and follow a provider's cross-cutting duties across tiers.
import { describe, expect, test } from "vitest";
import { trackSystem, type TrackingRecord } from "@/lib/model/obligation-tracking";
import type { DerivedArea, DerivedDuty, ResolvedSystem } from "@/lib/model/system-resolution";

const duty = (tier: string, area: string, text: string, position: number, provider = "P"): DerivedDuty => ({
  text,
  strength: "must",
  carrier: { kind: "organization" },
  provenance: [
    {
      tier,
      provider,
      service: tier,
      serviceSlug: tier,
      area,
      areaKey: area,
      party: "customer",
      partyName: "Customer",
    },
  ],
  implicit: false,
  position,
});

const area = (tier: string, key: string, texts: string[], crossCutting = false, provider = "P"): DerivedArea => ({
  tier,
  key,
  name: key,
  crossCutting,
  assignment: "customer",
  overridden: false,
  duties: texts.map((text, i) => duty(tier, key, text, i, provider)),
});

const system = (...tiers: { key: string; areas: DerivedArea[] }[]): ResolvedSystem => ({
  tiers: tiers.map((t) => ({ ...t, customer: { kind: "organization" }, boundFrom: null })),
  gaps: [],
});

let id = 0;
const record = (values: Partial<TrackingRecord> & Pick<TrackingRecord, "tier" | "area" | "position" | "dutyText">) =>
  ({
    id: `r${++id}`,
    party: "customer",
    status: "implemented",
    reason: null,
    approver: null,
    ownerId: null,
    dueDate: null,
    evidenceLinks: [],
    notes: null,
    version: 1,
    ...values,
  }) satisfies TrackingRecord;

const statuses = (tracked: ReturnType<typeof trackSystem>) =>
  tracked.obligations.map((o) => [o.key, o.status, o.review]);

describe("matching records to duties", () => {
  test("two duties with the same words keep their own records", () => {
    const resolved = system({ key: "t", areas: [area("t", "a", ["Patch", "Scan", "Patch"])] });
    const tracked = trackSystem(resolved, [record({ tier: "t", area: "a", position: 2, dutyText: "Patch" })]);
    expect(statuses(tracked)).toEqual([
      ["t.a.customer.0", "open", false],
      ["t.a.customer.1", "open", false],
      ["t.a.customer.2", "implemented", false],
    ]);
  });

  test("a duty that moved keeps its record; a reworded one keeps it flagged; a removed one is retired", () => {
    const resolved = system({ key: "t", areas: [area("t", "a", ["New", "Scan weekly", "Patch"])] });
    const tracked = trackSystem(resolved, [
      record({ tier: "t", area: "a", position: 0, dutyText: "Patch" }),
      record({ tier: "t", area: "a", position: 1, dutyText: "Scan", status: "planned" }),
      record({ tier: "t", area: "b", position: 0, dutyText: "Gone", status: "risk-accepted" }),
    ]);
    expect(statuses(tracked)).toEqual([
      ["t.a.customer.0", "open", false],
      ["t.a.customer.1", "planned", true],
      ["t.a.customer.2", "implemented", false],
    ]);
    expect(tracked.retired.map((r) => r.dutyText)).toEqual(["Gone"]);
  });

  test("a cross-cutting area is apart from a service area of the same key, and follows its provider", () => {
    const resolved = system({
      key: "ec2",
      areas: [area("ec2", "iam", ["Rotate keys"]), area("ec2", "iam", ["Rotate keys"], true)],
    });
    const tracked = trackSystem(resolved, [
      // Saved under a tier the system no longer has: nothing says whose it was, so it is kept as retired.
      record({ tier: "s3", area: "~iam", position: 0, dutyText: "Rotate keys", status: "planned" }),
    ]);
    expect(statuses(tracked)).toEqual([
      ["ec2.iam.customer.0", "open", false],
      ["ec2.~iam.customer.0", "open", false],
    ]);
    expect(tracked.retired.map((r) => r.area)).toEqual(["~iam"]);
    // With the old tier still in the system (same provider), the record follows to the cross-cutting area.
    const both = system(
      { key: "s3", areas: [area("s3", "buckets", ["Block public access"])] },
      { key: "ec2", areas: [area("ec2", "iam", ["Rotate keys"], true)] },
    );
    expect(
      statuses(trackSystem(both, [record({ tier: "s3", area: "~iam", position: 0, dutyText: "Rotate keys" })])),
    ).toEqual([
      ["s3.buckets.customer.0", "open", false],
      ["ec2.~iam.customer.0", "implemented", false],
    ]);
  });
});
