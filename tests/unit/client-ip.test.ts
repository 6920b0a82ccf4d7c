import { describe, expect, test } from "vitest";
import { clientIp } from "@/lib/auth/client-ip";
import { clientAddress } from "@/lib/security/client-address";

describe("the address a request came from", () => {
  test("without a trusted proxy it is the socket's peer, whatever the client wrote", () => {
    expect(clientAddress({ forwardedFor: "6.6.6.6", socketAddress: "198.51.100.4", trustedHops: 0 })).toBe(
      "198.51.100.4",
    );
    expect(clientAddress({ forwardedFor: undefined, socketAddress: "::ffff:127.0.0.1", trustedHops: 0 })).toBe(
      "127.0.0.1",
    );
  });

  test("behind one trusted proxy it is the address that proxy appended", () => {
    expect(clientAddress({ forwardedFor: "6.6.6.6, 203.0.113.7", socketAddress: "10.0.0.1", trustedHops: 1 })).toBe(
      "203.0.113.7",
    );
    expect(clientAddress({ forwardedFor: ["6.6.6.6", "203.0.113.7"], socketAddress: "10.0.0.1", trustedHops: 1 })).toBe(
      "203.0.113.7",
    );
  });

  test("behind two proxies the outer proxy's entry is used; a short chain falls back to its first entry", () => {
    expect(
      clientAddress({ forwardedFor: "6.6.6.6, 203.0.113.7, 10.0.0.2", socketAddress: "10.0.0.1", trustedHops: 2 }),
    ).toBe("203.0.113.7");
    expect(clientAddress({ forwardedFor: undefined, socketAddress: "10.0.0.1", trustedHops: 2 })).toBe("10.0.0.1");
  });

  test("the app reads the one address it was handed; a missing header is 'unknown'", () => {
    expect(clientIp("198.51.100.4")).toBe("198.51.100.4");
    expect(clientIp(undefined)).toBe("unknown");
    expect(clientIp(" , ")).toBe("unknown");
  });
});
