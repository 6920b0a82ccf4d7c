import { describe, expect, test } from "vitest";
import { publicOrigin } from "@/lib/public-origin";

const request = (url: string, host?: string) => new Request(url, host ? { headers: { host } } : {});

describe("publicOrigin", () => {
  test("the configured origin wins over anything the request says", () => {
    expect(publicOrigin(request("http://localhost:3000/feed", "other.example"), "https://demarc.example.com")).toBe(
      "https://demarc.example.com",
    );
  });

  test("unconfigured: the Host header the reader sent, with the request's scheme", () => {
    expect(publicOrigin(request("http://localhost:3000/feed", "demarc.lan:8080"), null)).toBe("http://demarc.lan:8080");
    expect(publicOrigin(request("https://127.0.0.1:3000/feed", "Demarc.Example.com"), null)).toBe(
      "https://demarc.example.com",
    );
    expect(publicOrigin(request("http://localhost:3000/feed", "[::1]:3000"), null)).toBe("http://[::1]:3000");
  });

  test("without a usable Host header, the request's own URL", () => {
    expect(publicOrigin(request("http://localhost:3000/feed"), null)).toBe("http://localhost:3000");
    for (const host of ["evil.example/path", "user@evil.example", "a b", "evil.example:99999999", ""])
      expect(publicOrigin(request("http://localhost:3000/feed", host), null), host).toBe("http://localhost:3000");
  });
});
