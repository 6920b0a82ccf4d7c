// Distinct, readable names for generated providers and organizations. Every generated slug starts
// with "gen-", which is how the generator recognises its own content (with sourceDocument "generated").
import { slugify } from "@/lib/domain/slug";
import type { Random } from "./random";
import { organizationNameParts, providerNameParts } from "./vocabulary";

export const GENERATED_SLUG_PREFIX = "gen-";

/** `count` distinct names from two word lists, in an order set by `random`; numbered when the lists run out. */
function combinedNames(random: Random, parts: { first: readonly string[]; second: readonly string[] }, count: number) {
  const combos = random.sample(
    parts.first.flatMap((a) => parts.second.map((b) => `${a} ${b}`)),
    Number.MAX_SAFE_INTEGER,
  );
  return Array.from({ length: count }, (_, i) => {
    const round = Math.floor(i / combos.length);
    const base = combos[i % combos.length]!;
    return round === 0 ? base : `${base} ${round + 1}`;
  });
}

export function generatedNames(random: Random, kind: "provider" | "organization", count: number) {
  const parts = kind === "provider" ? providerNameParts : organizationNameParts;
  return combinedNames(random, parts, count).map((name) => ({
    name,
    slug: `${GENERATED_SLUG_PREFIX}${slugify(name)}`,
  }));
}
