// Customer organizations with a few customer accounts each, subscribed to services of generated
// providers; every private provider has at least one subscribing organization, so its customers
// see what anonymous readers do not.
import { randomUUID } from "node:crypto";
import { GENERATED_EMAIL_SUFFIX } from "./generated-markers";
import { generatedNames, GENERATED_SLUG_PREFIX } from "./generate-names";
import type { Random } from "./random";
import type { RowBuffer } from "./row-buffer";
import { personNames } from "./vocabulary";

export interface GeneratedProviderServices {
  isPrivate: boolean;
  serviceIds: string[];
}

/** "Dvořák" → "dvorak", for the local part of an email address. */
const ascii = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[^\x20-\x7e]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");

export function addGeneratedAccounts(options: {
  random: Random;
  rows: RowBuffer;
  providers: readonly GeneratedProviderServices[];
  /** One argon2 hash shared by every account (hashing is slow), or null: no password sign-in. */
  passwordHash: string | null;
  now: Date;
}): { organizations: number; users: number; subscriptions: number } {
  const { random, rows } = options;
  const count = Math.max(1, Math.ceil(options.providers.length / 5));
  const organizations = generatedNames(random.fork("organization-names"), "organization", count).map((o) => ({
    ...o,
    id: randomUUID(),
  }));
  const at = options.now.toISOString();
  let users = 0;
  for (const org of organizations) {
    rows.add("Organization", { id: org.id, slug: org.slug, name: org.name, createdAt: at });
    const domain = `${org.slug.slice(GENERATED_SLUG_PREFIX.length)}${GENERATED_EMAIL_SUFFIX}`;
    const taken = new Set<string>();
    for (let n = random.between(1, 3); n > 0; n--) {
      const first = random.pick(personNames.first);
      const last = random.pick(personNames.last);
      let local = `${ascii(first)}.${ascii(last)}`;
      while (taken.has(local)) local = `${local}${taken.size + 1}`;
      taken.add(local);
      rows.add("User", {
        id: randomUUID(),
        email: `${local}@${domain}`,
        name: `${first} ${last}`,
        passwordHash: options.passwordHash,
        role: "CUSTOMER",
        organizationId: org.id,
        createdAt: at,
        updatedAt: at,
      });
      users += 1;
    }
  }
  const subscriptions = new Set<string>();
  const subscribe = (orgIndex: number, serviceId: string) =>
    subscriptions.add(`${organizations[orgIndex]!.id} ${serviceId}`);
  const publicServices = options.providers.filter((p) => !p.isPrivate).flatMap((p) => p.serviceIds);
  organizations.forEach((_, o) => {
    for (const serviceId of random.sample(publicServices, random.between(2, 6))) subscribe(o, serviceId);
  });
  options.providers
    .filter((p) => p.isPrivate)
    .forEach((p, k) => {
      for (const serviceId of random.sample(p.serviceIds, random.between(1, 2)))
        subscribe(k % organizations.length, serviceId);
    });
  for (const pair of subscriptions) {
    const [organizationId, serviceId] = pair.split(" ");
    rows.add("Subscription", { organizationId, serviceId, createdAt: at });
  }
  return { organizations: organizations.length, users, subscriptions: subscriptions.size };
}
