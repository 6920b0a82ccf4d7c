// Bounds for the generator's sizes: what the provider document schema allows per provider, and a
// total that one run can hold in memory and write in minutes.
import { AppError } from "@/lib/errors";

export const generateLimits = {
  providers: { min: 1, max: 1000 },
  services: { min: 1, max: 100 },
  areas: { min: 1, max: 500 },
  seed: { min: 0, max: 2 ** 32 - 1 },
  totalAreas: 1_000_000,
} as const;

/** Refuses sizes outside the bounds with a message naming the option and its allowed range. */
export function checkGenerateSizes(sizes: { providers: number; services: number; areas: number; seed: number }) {
  for (const name of ["providers", "services", "areas", "seed"] as const) {
    const value = sizes[name];
    const { min, max } = generateLimits[name];
    if (!Number.isInteger(value) || value < min || value > max)
      throw new AppError("INVALID_INPUT", `--${name} must be a whole number from ${min} to ${max} (got ${value}).`);
  }
  const total = sizes.providers * sizes.services * sizes.areas;
  if (total > generateLimits.totalAreas)
    throw new AppError(
      "INVALID_INPUT",
      `${sizes.providers} providers × ${sizes.services} services × ${sizes.areas} areas is ${total.toLocaleString("en")} areas; at most ${generateLimits.totalAreas.toLocaleString("en")} per run.`,
    );
}
