import { describe, expect, test } from "vitest";
import { auditCsv, auditCsvColumns, csvCell, type AuditCsvRow } from "@/lib/audit/audit-csv";
import { parseCsv } from "../support/parse-csv";

const row = (overrides: Partial<AuditCsvRow> = {}): AuditCsvRow => ({
  id: "42",
  at: "2025-03-01T14:30:05.123Z",
  actorLabel: "ada@example.test",
  action: "user.update",
  targetType: "user",
  targetId: "3f1c",
  provider: null,
  providerId: null,
  before: { role: "customer" },
  after: { role: "admin", name: 'Ada "the admin", Lovelace' },
  ...overrides,
});

describe("auditCsv", () => {
  test("a header line and one CRLF-terminated line per entry, in the documented columns", () => {
    const text = auditCsv([
      row({ summary: ["Changed the account of ", "Ada", " (", { text: "ada@example.test", email: true }, ")"] }),
      row({ id: "41", before: null, after: null, targetId: null }),
    ]);
    expect(text.startsWith("id,at,actor,action,target type,target id,provider,before,after,description\r\n")).toBe(
      true,
    );
    expect(text.endsWith("\r\n")).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...auditCsvColumns]);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual([
      "42",
      "2025-03-01T14:30:05.123Z",
      "ada@example.test",
      "user.update",
      "user",
      "3f1c",
      "",
      '{"role":"customer"}',
      '{"role":"admin","name":"Ada \\"the admin\\", Lovelace"}',
      "Changed the account of Ada (ada@example.test)",
    ]);
    expect(rows[2]).toEqual([
      "41",
      "2025-03-01T14:30:05.123Z",
      "ada@example.test",
      "user.update",
      "user",
      "",
      "",
      "",
      "",
      "",
    ]);
  });

  test("JSON with quotes and commas round-trips through the quoting", () => {
    const after = { note: 'line one\r\nline "two", three', list: [1, 2] };
    const [, line] = parseCsv(auditCsv([row({ after })]));
    expect(JSON.parse(line![8]!)).toEqual(after);
  });

  test("dates may be Date objects; the provider is its slug, or the id of a deleted one", () => {
    const rows = parseCsv(
      auditCsv([
        row({ at: new Date(Date.UTC(2025, 0, 2, 3, 4, 5)), provider: { slug: "danubedata" }, providerId: "p-1" }),
        row({ provider: null, providerId: "0b7e-gone" }),
      ]),
    );
    expect(rows[1]![1]).toBe("2025-01-02T03:04:05.000Z");
    expect(rows[1]![6]).toBe("danubedata");
    expect(rows[2]![6]).toBe("0b7e-gone");
  });

  test("no rows: just the header", () => {
    expect(auditCsv([])).toBe("id,at,actor,action,target type,target id,provider,before,after,description\r\n");
  });

  test("formula-like cells get a leading apostrophe, in every column", () => {
    const rows = parseCsv(
      auditCsv([
        row({ actorLabel: '=HYPERLINK("http://evil.test","x")', targetId: "+1", targetType: "-2", action: "@SUM(A1)" }),
        row({ actorLabel: "\tcmd", targetId: "\r=1+1", after: -5 }),
      ]),
    );
    expect(rows[1]!.slice(2, 6)).toEqual(['\'=HYPERLINK("http://evil.test","x")', "'@SUM(A1)", "'-2", "'+1"]);
    expect(rows[2]![2]).toBe("'\tcmd");
    expect(rows[2]![5]).toBe("'\r=1+1");
    expect(rows[2]![8]).toBe("'-5");
  });
});

describe("csvCell", () => {
  test.each([
    ["plain", "plain"],
    ["", ""],
    [null, ""],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=1+1", "'=1+1"],
    ["+49 30 1234", "'+49 30 1234"],
    ["-1", "'-1"],
    ["@user", "'@user"],
    ["\tx", "'\tx"],
    ["\rx", '"\'\rx"'],
    ["=a,b", '"\'=a,b"'],
    ["a=b", "a=b"],
    ["user@example.test", "user@example.test"],
  ])("%j → %j", (input, output) => {
    expect(csvCell(input)).toBe(output);
  });
});
