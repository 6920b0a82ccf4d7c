// Hostile HTTP requests for the route handlers, called the way Next.js calls them (params as a
// promise). The request's headers are also what `next/headers` answers during the call, so an
// Authorization header reaches the real API-token check (see hostile-input.test.ts's mocks).
import * as fc from "fast-check";
import { readAnswer, type Answer } from "./answers";
import { hostileText, numberTricks, pathTricks } from "./arbitraries";

/** The headers of the request being handled, for the `next/headers` mock. */
export const requestContext: { headers: Headers | null } = { headers: null };

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response> | Response;

export interface HostileRequest {
  method?: string;
  /** Path and query, e.g. "/api/v1/providers/x?format=pdf". */
  url: string;
  headers?: [string, string][];
  body?: BodyInit | null;
}

/** Calls `handler` with the request and params; answers what it returned. */
export async function callHandler<P>(handler: Handler<P>, request: HostileRequest, params: P): Promise<Answer> {
  const headers = new Headers();
  for (const [name, value] of request.headers ?? []) headers.append(name, value);
  const init: RequestInit & { duplex?: "half" } = { method: request.method ?? "GET", headers };
  if (request.body !== undefined && request.body !== null) {
    init.body = request.body;
    init.duplex = "half";
  }
  const built = new Request(`http://localhost${request.url}`, init);
  requestContext.headers = built.headers;
  try {
    // A route without dynamic segments gets no params object from Next.js.
    const given = params && Object.keys(params).length ? params : (undefined as P);
    return await readAnswer(await handler(built, { params: Promise.resolve(given) }));
  } finally {
    requestContext.headers = null;
  }
}

/** Percent-encodes text as a path segment or query value (lone surrogates become U+FFFD, as browsers send them). */
export function encodeText(text: string): string {
  return [...Buffer.from(text, "utf8")]
    .map((byte) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`,
    )
    .join("");
}

/** Whether a header can be sent at all (fetch refuses NUL, line breaks and non-Latin-1 values). */
function isSendable(name: string, value: string): boolean {
  try {
    new Headers([[name, value]]);
    return true;
  } catch {
    return false;
  }
}

/**
 * A query string: each of the route's keys absent, with a real value (from `values`) or a hostile
 * one (`weights` say how often each), then unknown and repeated keys and broken escapes, in any order.
 */
export function hostileQuery(
  keys: readonly string[],
  values: Partial<Record<string, fc.Arbitrary<string>>> = {},
  weights: { absent: number; real: number; hostile: number } = { absent: 2, real: 4, hostile: 1 },
) {
  const hostileValue = fc.oneof(hostileText(200), numberTricks);
  const pair = (key: string, value: fc.Arbitrary<string>) => value.map((v) => `${encodeText(key)}=${encodeText(v)}`);
  const ownPairs = keys.map((key) =>
    fc.oneof(
      { weight: weights.absent, arbitrary: fc.constant(null) },
      { weight: values[key] ? weights.real : 0, arbitrary: pair(key, values[key] ?? fc.constant("")) },
      { weight: weights.hostile, arbitrary: pair(key, hostileValue) },
    ),
  );
  const extraPair = fc.oneof(
    fc.constantFrom(...keys, "unknown", "__proto__", "").chain((key) => pair(key, hostileValue)),
    fc.oneof(pathTricks, fc.constantFrom("&&", "=", "==", "a=%", "a=%zz", "a[]=1", "a[b]=1", ";", "+")),
  );
  return fc
    .tuple(fc.tuple(...ownPairs), fc.oneof(fc.constant([]), fc.array(extraPair, { maxLength: 4 })), fc.boolean())
    .map(([own, extra, extraFirst]) => {
      const mine = own.filter((p): p is string => p !== null);
      const pieces = extraFirst ? [...extra, ...mine] : [...mine, ...extra];
      return pieces.length ? `?${pieces.join("&")}` : "";
    });
}

const contentTypes = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-16",
  "text/csv",
  "text/plain; charset=iso-8859-1",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "multipart/form-data",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/octet-stream",
  "image/png",
  "",
  ";;;",
  "application/json, text/html",
);

/** Header lines a client may send: lying content types, bogus credentials, conditional requests, huge values. */
export const hostileHeaders: fc.Arbitrary<[string, string][]> = fc
  .array(
    fc.oneof(
      contentTypes.map((v): [string, string] => ["content-type", v]),
      fc.constantFrom("*", '"x"', 'W/"x"', '"', "", ",,,").map((v): [string, string] => ["if-none-match", v]),
      fc.constantFrom("*/*", "application/pdf", "text/html;q=0").map((v): [string, string] => ["accept", v]),
      fc.constantFrom("127.0.0.1", "::1, 10.0.0.1", "garbage", "").map((v): [string, string] => ["x-forwarded-for", v]),
      fc.constantFrom("evil.example", "localhost:99999", "").map((v): [string, string] => ["x-forwarded-host", v]),
      fc
        .constantFrom("a=b", "next-auth.session-token=forged", "__proto__=x")
        .map((v): [string, string] => ["cookie", v]),
      fc.integer({ min: 1, max: 64 * 1024 }).map((size): [string, string] => ["x-padding", "a".repeat(size)]),
      fc.tuple(fc.string({ minLength: 1, maxLength: 20 }), fc.string({ unit: "binary-ascii", maxLength: 40 })),
    ),
    { maxLength: 5 },
  )
  .map((pairs) => pairs.filter(([name, value]) => isSendable(name, value)));

/** Authorization values: bogus schemes, malformed and unknown tokens, injection attempts, huge values. */
export function hostileAuthorization(tokens: { valid: string; revoked: string }): fc.Arbitrary<string> {
  return fc
    .oneof(
      fc.constantFrom(
        `Bearer ${tokens.revoked}`,
        "Bearer",
        "Bearer ",
        "Bearer  dmc_",
        `bearer ${tokens.valid}x`,
        `Bearer ${tokens.valid} extra`,
        `Basic ${Buffer.from("admin:admin").toString("base64")}`,
        "Bearer ' OR 1=1 --",
        "Bearer %00",
        "Bearer dmc_" + "A".repeat(10_000),
        "Token abc",
        "Bearer\tabc",
      ),
      fc.string({ unit: "binary-ascii", minLength: 1, maxLength: 200 }).map((v) => `Bearer ${v}`),
      fc.string({ unit: "binary-ascii", minLength: 1, maxLength: 200 }),
    )
    .filter((value) => value.trim() !== "" && isSendable("authorization", value));
}
