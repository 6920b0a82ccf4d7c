import { expect, test } from "vitest";
import { clientIp } from "@/lib/auth/client-ip";

test("behind one trusted proxy the address it appended wins over anything the client sent", () => {
  expect(clientIp("6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7");
  expect(clientIp("203.0.113.7", 1)).toBe("203.0.113.7");
});

test("behind two proxies the outer proxy's entry is used", () => {
  expect(clientIp("6.6.6.6, 203.0.113.7, 10.0.0.2", 2)).toBe("203.0.113.7");
});

test("without a proxy the rightmost entry is used, and a missing header is 'unknown'", () => {
  expect(clientIp("198.51.100.4", 0)).toBe("198.51.100.4");
  expect(clientIp(undefined, 0)).toBe("unknown");
  expect(clientIp(" , ", 1)).toBe("unknown");
});
