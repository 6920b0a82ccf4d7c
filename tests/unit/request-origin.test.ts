import { describe, expect, test } from "vitest";
import { originProblem, parseOrigins } from "@/lib/security/request-origin";

const allowed = parseOrigins(["https://demarc.example.com/any/path", "http://127.0.0.1:3000"]).origins;
const request = (overrides: Partial<Parameters<typeof originProblem>[0]> = {}) => ({
  method: "POST",
  pathname: "/providers/danubedata/edit",
  origin: "https://demarc.example.com",
  authorization: null,
  ...overrides,
});

describe("state-changing requests come from the portal's configured origins", () => {
  test("reads pass whatever their origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "get"])
      expect(originProblem(request({ method, origin: "https://evil.example" }), allowed)).toBeNull();
  });

  test("a configured origin may change data", () => {
    expect(originProblem(request(), allowed)).toBeNull();
    expect(originProblem(request({ origin: "http://127.0.0.1:3000", method: "DELETE" }), allowed)).toBeNull();
  });

  test("a foreign origin is refused and named; headers about the host change nothing", () => {
    // The check has no input for Host or X-Forwarded-Host: a forged matching host cannot help.
    expect(originProblem(request({ origin: "https://evil.example" }), allowed)).toBe(
      'Requests that change data are accepted only from this portal\'s own pages; "https://evil.example" is not one of them.',
    );
    expect(originProblem(request({ origin: "https://demarc.example.com:8443" }), allowed)).not.toBeNull();
    expect(originProblem(request({ origin: "null" }), allowed)).not.toBeNull();
  });

  test("a request without Origin is refused", () => {
    expect(originProblem(request({ origin: null, method: "PUT" }), allowed)).toMatch(/no Origin header/);
  });

  test("an API request authenticated by a bearer token needs no Origin; cookies-only requests do", () => {
    const api = { pathname: "/api/v1/providers/x/import", origin: null };
    expect(originProblem(request({ ...api, authorization: "Bearer dmc_abc" }), allowed)).toBeNull();
    expect(originProblem(request(api), allowed)).not.toBeNull();
    expect(originProblem(request({ ...api, authorization: "Basic abc" }), allowed)).not.toBeNull();
    // Outside the API a token does not stand in for the origin (sign-in, sign-out, server actions).
    expect(
      originProblem(request({ pathname: "/api/auth/signout", origin: null, authorization: "Bearer x" }), allowed),
    ).not.toBeNull();
  });

  test("the one-click unsubscribe needs no Origin (mail clients send none); nothing else under it is exempt", () => {
    const unsubscribe = { pathname: "/api/v1/email/unsubscribe", origin: null };
    expect(originProblem(request(unsubscribe), allowed)).toBeNull();
    expect(originProblem(request({ ...unsubscribe, pathname: "/api/v1/email/unsubscribe/x" }), allowed)).not.toBeNull();
    expect(originProblem(request({ ...unsubscribe, pathname: "/unsubscribe" }), allowed)).not.toBeNull();
  });

  test("origins are read from URLs; anything else is reported", () => {
    expect(parseOrigins(["https://a.example/x", " http://b.example:8080 ", ""])).toEqual({
      origins: new Set(["https://a.example", "http://b.example:8080"]),
      invalid: [],
    });
    expect(parseOrigins(["a.example", "javascript:alert(1)"]).invalid).toEqual(["a.example", "javascript:alert(1)"]);
  });
});
