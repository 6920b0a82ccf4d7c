// What an impact says in words: a sentence per row, the email's subject, text and (escaped) HTML,
// a digest of several impacts, and the webhook payload with its links.
import { describe, expect, test } from "vitest";
import type { Carrier } from "@/lib/model/system-resolution";
import type { ImpactDuty, ImpactItem, ImpactSide } from "@/lib/model/version-impact";
import {
  describeImpactItem,
  digestMessage,
  impactMessage,
  type ImpactMessageInput,
} from "@/lib/notifications/impact-message";

const you: Carrier = { kind: "organization" };
const provider: Carrier = { kind: "provider", tier: "acme--vps", name: "Acme Cloud" };

const duty = (text: string, carrier: Carrier, strength: ImpactDuty["strength"] = "must"): ImpactDuty => ({
  text,
  strength,
  carrier,
  party: carrier.kind === "organization" ? "customer" : "provider",
  partyName: carrier.kind === "organization" ? "Customer" : "Acme Cloud",
  position: 0,
  implicit: false,
});

const side = (options: Partial<ImpactSide> = {}): ImpactSide => ({
  areaName: "Backups",
  assignment: "shared",
  overridden: false,
  carriers: [provider, you],
  duty: null,
  ...options,
});

const item = (kind: ImpactItem["kind"], before: ImpactSide | null, after: ImpactSide | null): ImpactItem => ({
  kind,
  rank: kind === "became-yours" ? "action-required" : "informational",
  tier: "acme--vps",
  area: "backups",
  areaName: (after ?? before)!.areaName,
  before,
  after,
});

describe("describeImpactItem", () => {
  test.each<[string, ImpactItem, string]>([
    [
      "a duty moved to the customer",
      item(
        "became-yours",
        side({ duty: duty("Run the backup service", provider) }),
        side({ duty: duty("Run the backup service", you) }),
      ),
      'Backups: "Run the backup service" became yours (must; before: Acme Cloud)',
    ],
    [
      "a new duty of the customer",
      item("became-yours", null, side({ duty: duty("Test restores", you, "should") })),
      'Backups: "Test restores" became yours (should)',
    ],
    [
      "a duty moved to the provider",
      item("left-you", side({ duty: duty("Encrypt backups", you) }), side({ duty: duty("Encrypt backups", provider) })),
      'Backups: "Encrypt backups" is no longer yours (now: Acme Cloud)',
    ],
    [
      "a duty removed",
      item("left-you", side({ duty: duty("Encrypt backups", you) }), null),
      'Backups: "Encrypt backups" is no longer yours (removed)',
    ],
    [
      "new wording",
      item(
        "text-changed",
        side({ duty: duty("Review access quarterly", you) }),
        side({ duty: duty("Review access every quarter", you) }),
      ),
      'Backups: wording changed from "Review access quarterly" to "Review access every quarter"',
    ],
    [
      "a stronger duty",
      item(
        "strength-changed",
        side({ duty: duty("Rotate keys", you, "should") }),
        side({ duty: duty("Rotate keys", you, "must") }),
      ),
      'Backups: "Rotate keys" strength changed from should to must',
    ],
    ["an area added", item("area-added", null, side({ assignment: "customer" })), "Backups: area added (Customer)"],
    ["an area removed", item("area-removed", side(), null), "Backups: area removed"],
    [
      "an area renamed",
      item("area-renamed", side({ areaName: "Backup" }), side({ areaName: "Backups & snapshots" })),
      'Backups & snapshots: area renamed from "Backup" to "Backups & snapshots"',
    ],
    [
      "an assignment shifted",
      item("assignment-changed", side({ assignment: "shared" }), side({ assignment: "customer", carriers: [you] })),
      "Backups: assignment changed from Shared to Customer",
    ],
    [
      "the same assignment, other carriers",
      item("assignment-changed", side({ carriers: [provider] }), side({ carriers: [provider, you] })),
      "Backups: now carried by Acme Cloud, you (before: Acme Cloud)",
    ],
  ])("%s", (_, row, sentence) => expect(describeImpactItem(row)).toBe(sentence));

  test("a tier name, when known, names the service before the area", () => {
    const row = item("area-removed", side(), null);
    expect(describeImpactItem(row, (tier) => (tier === "acme--vps" ? "VPS" : undefined))).toBe(
      "VPS › Backups: area removed",
    );
  });
});

const input = (overrides: Partial<ImpactMessageInput> = {}): ImpactMessageInput => ({
  impact: {
    id: "0b9f1c2e-0000-4000-8000-000000000001",
    fromVersion: 3,
    toVersion: 4,
    actionRequired: 1,
    informational: 1,
    createdAt: new Date("2026-12-03T10:00:00Z"),
  },
  provider: { slug: "acme", name: "Acme Cloud" },
  organization: { slug: "shop", name: "Shop <Retail> & Co" },
  systems: [
    {
      slug: "subscribed--services",
      name: "Subscribed services",
      tiers: [{ key: "acme--vps", provider: "Acme Cloud", service: "VPS" }],
      items: [
        item("became-yours", null, side({ duty: duty("Patch <script>alert(1)</script> & more", you) })),
        item("area-removed", side({ areaName: "Old area" }), null),
      ],
    },
  ],
  origin: "https://demarc.example.com/",
  ...overrides,
});

describe("impactMessage", () => {
  test("subject and text say who published what, what needs action, and link to the impact and the diff", () => {
    const message = impactMessage(input());
    expect(message.subject).toBe("Acme Cloud version 4: 1 change to Shop <Retail> & Co's obligations needs action");
    expect(message.text).toContain("1 change needs action, 1 informational");
    expect(message.text).toContain(
      '  - [Action required] VPS › Backups: "Patch <script>alert(1)</script> & more" became yours (must)',
    );
    expect(message.text).toContain("  - [Informational] VPS › Old area: area removed");
    expect(message.text).toContain("https://demarc.example.com/me/changes/0b9f1c2e-0000-4000-8000-000000000001");
    expect(message.text).toContain("https://demarc.example.com/providers/acme/versions/compare?from=3&to=4");
  });

  test("informational only: the subject says so", () => {
    const message = impactMessage(input({ impact: { ...input().impact, actionRequired: 0, informational: 2 } }));
    expect(message.subject).toBe("Acme Cloud version 4: 2 informational changes to Shop <Retail> & Co's obligations");
  });

  test("the HTML escapes every name and duty", () => {
    const { html } = impactMessage(input());
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<Retail>");
    expect(html).toContain("Patch &lt;script&gt;alert(1)&lt;/script&gt; &amp; more");
    expect(html).toContain("Shop &lt;Retail&gt; &amp; Co");
    expect(html).toContain('href="https://demarc.example.com/providers/acme/versions/compare?from=3&amp;to=4"');
  });

  test("a line break in a name never reaches the subject", () => {
    const message = impactMessage(input({ organization: { slug: "x", name: "Evil\r\nBcc: someone" } }));
    expect(message.subject).not.toMatch(/[\r\n]/);
  });

  test("the webhook payload carries the impact, links, counts and each row on both sides", () => {
    const { json } = impactMessage(input());
    expect(json).toMatchObject({
      type: "obligations.changed",
      id: "0b9f1c2e-0000-4000-8000-000000000001",
      createdAt: "2026-12-03T10:00:00.000Z",
      organization: { slug: "shop", name: "Shop <Retail> & Co" },
      provider: { slug: "acme", name: "Acme Cloud" },
      fromVersion: 3,
      toVersion: 4,
      counts: { actionRequired: 1, informational: 1 },
      url: "https://demarc.example.com/me/changes/0b9f1c2e-0000-4000-8000-000000000001",
      diffUrl: "https://demarc.example.com/providers/acme/versions/compare?from=3&to=4",
    });
    expect(json.items[0]).toEqual({
      system: { slug: "subscribed--services", name: "Subscribed services" },
      kind: "became-yours",
      rank: "action-required",
      tier: "acme--vps",
      tierName: "VPS",
      area: "backups",
      areaName: "Backups",
      summary: 'VPS › Backups: "Patch <script>alert(1)</script> & more" became yours (must)',
      before: null,
      after: {
        areaName: "Backups",
        assignment: "shared",
        duty: { text: "Patch <script>alert(1)</script> & more", strength: "must", carrier: "you", party: "Customer" },
      },
    });
    expect(json.items[1]).toMatchObject({ kind: "area-removed", after: null, before: { duty: null } });
    // It is JSON as sent: no Date objects or undefined values.
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe("digestMessage", () => {
  test("lists each impact with its versions, counts and rows", () => {
    const first = input();
    const second = input({
      impact: { ...first.impact, id: "second", fromVersion: 4, toVersion: 5, actionRequired: 0, informational: 1 },
      systems: [{ ...first.systems[0]!, items: [first.systems[0]!.items[1]!] }],
    });
    const digest = digestMessage({
      organization: first.organization,
      impacts: [second, first],
      origin: "https://demarc.example.com",
    });
    expect(digest.subject).toBe(
      "Daily digest: 2 provider versions changed Shop <Retail> & Co's obligations (1 change needs action)",
    );
    expect(digest.text).toContain("Acme Cloud: version 4 → 5 (1 informational)");
    expect(digest.text).toContain("Acme Cloud: version 3 → 4 (1 change needs action, 1 informational)");
    expect(digest.text).toContain("https://demarc.example.com/me/changes/second");
    expect(digest.html).toContain("<h2>Acme Cloud: version 4 → 5 (1 informational)</h2>");
    expect(digest.html).not.toContain("<script>");
  });
});
