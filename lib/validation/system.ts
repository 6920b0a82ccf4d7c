// A customer's system as stored and as edited: tiers (top first) naming published services by slug,
// and bindings that hand an upper tier's third party to a lower tier (see lib/model/system-resolution.ts).
import { z } from "zod";
import { keySchema, nameSchema, optionalText, slugSchema } from "./schema-parts";

export const contractHolders = ["organization", "upper-provider"] as const;

export const systemTierSchema = z.strictObject({
  /** Stable within the system: bindings and tracking name tiers by it. */
  key: keySchema,
  provider: slugSchema,
  service: slugSchema,
  /** One of the service's deployment models, or null for its defaults. */
  model: keySchema.nullable(),
});

export const systemBindingSchema = z.strictObject({
  upperTier: keySchema,
  /** A third party named by the upper tier's provider. */
  party: keySchema,
  lowerTier: keySchema,
  contractHolder: z.enum(contractHolders, { error: "Choose who holds the contract for the lower service" }),
  /** Upper area key → keys of the lower service's areas that cover it. */
  coverage: z.record(keySchema, z.array(keySchema).max(100)).default({}),
});

export const systemInputSchema = z.strictObject({
  name: nameSchema,
  description: optionalText(4000),
  tiers: z.array(systemTierSchema).min(1, "Add at least one service").max(12, "At most 12 tiers"),
  bindings: z.array(systemBindingSchema).max(24, "At most 24 bindings"),
});

export type SystemTier = z.infer<typeof systemTierSchema>;
export type SystemBinding = z.infer<typeof systemBindingSchema>;
export type SystemInput = z.input<typeof systemInputSchema>;
export type SystemStructure = z.infer<typeof systemInputSchema>;
