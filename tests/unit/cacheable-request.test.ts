import { describe, expect, test } from "vitest";
import { pageCacheKey } from "@/lib/page-cache/cacheable-request";

const get = (url: string, headers: Record<string, string> = {}) =>
  pageCacheKey({ method: "GET", url, headers: { host: "portal.test", ...headers } });

describe("which requests the page cache answers", () => {
  test.each([
    "/",
    "/?q=backup",
    "/providers/danubedata",
    "/providers/danubedata/services/vps",
    "/providers/contain/services/platform?model=cloud-services",
    "/providers/danubedata/compare",
    "/providers/danubedata/changelog.atom",
    "/api/v1/providers",
    "/api/v1/providers/danubedata",
    "/api/v1/providers/danubedata/services/vps",
  ])("anonymous published read %s", (url) => {
    expect(get(url)).toEqual({ key: `||portal.test ${url}`, signedIn: false });
  });

  test.each([
    "/providers/danubedata/versions",
    "/providers/danubedata/edit",
    "/providers/danubedata/services/vps/edit",
    "/api/v1/providers/danubedata/export?format=csv",
    "/me/obligations",
    "/audit",
    "/admin/users",
    "/sign-in",
    "/api/health",
    "/api/v1/providers/danubedata/versions/compare/export?from=1&to=2&format=csv",
    "/providers/danubedata/versions/2/services/vps",
  ])("never %s", (url) => {
    expect(get(url)).toBeNull();
  });

  test("a session's reads are keyed by its token; its own pages and the editor are not cached", () => {
    expect(get("/", { cookie: "next-auth.session-token=abc" })).toEqual({
      key: "||portal.test / session=abc",
      signedIn: true,
    });
    expect(get("/me/obligations", { cookie: "theme=dark; __Secure-next-auth.session-token=abc.def" })).toEqual({
      key: "||portal.test /me/obligations session=abc.def",
      signedIn: true,
    });
    expect(get("/me/obligations")).toBeNull();
    expect(get("/providers/danubedata/edit", { cookie: "next-auth.session-token=abc" })).toBeNull();
    expect(get("/audit", { cookie: "next-auth.session-token=abc" })).toBeNull();
  });

  test("API tokens, navigations and writes go to the renderer", () => {
    expect(get("/api/v1/providers", { authorization: "Bearer dm_x" })).toBeNull();
    expect(get("/providers/danubedata", { rsc: "1" })).toBeNull();
    expect(get("/providers/danubedata?_rsc=abc12")).toBeNull();
    expect(get("/", { "next-action": "abc" })).toBeNull();
    expect(pageCacheKey({ method: "POST", url: "/", headers: {} })).toBeNull();
    expect(pageCacheKey({ method: "HEAD", url: "/", headers: {} })).toBeNull();
    // The sign-in page's own cookies do not make a reader signed in.
    expect(get("/", { cookie: "next-auth.csrf-token=x; next-auth.callback-url=y" })).toEqual({
      key: "||portal.test /",
      signedIn: false,
    });
  });

  test("the address the reader used is part of the key (pages write absolute links from it)", () => {
    expect(get("/", { host: "other.test" })?.key).not.toBe(get("/")?.key);
    expect(get("/", { "x-forwarded-proto": "https" })?.key).not.toBe(get("/")?.key);
  });
});
