// The name lookup a webhook delivery connects with when private networks are off limits: it resolves
// the endpoint's host and refuses the connection unless every address is public. Checking inside the
// connection's own lookup (not before it) means a host name that resolves to a public address when
// registered, or when checked, cannot point the actual connection somewhere private.
import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import { isPublicAddress } from "./public-address";

/** The error code of a refused lookup; send-webhook names it in the delivery log. */
export const PRIVATE_ADDRESS_CODE = "EDEMARCPRIVATE";

export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, "", 0);
    const refused = addresses.find((a) => !isPublicAddress(a.address));
    if (refused || addresses.length === 0) {
      const blocked = Object.assign(new Error(`${hostname} resolves to an address that is not public`), {
        code: PRIVATE_ADDRESS_CODE,
      });
      return callback(blocked, "", 0);
    }
    // Node asks for all addresses when it tries several (autoSelectFamily); otherwise for one.
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};
