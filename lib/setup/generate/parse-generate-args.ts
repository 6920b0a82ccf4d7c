// The arguments of `npm run db:generate`, checked before anything touches a database.
import { parseArgs } from "node:util";
import { AppError } from "@/lib/errors";
import { checkGenerateSizes, generateLimits } from "./generate-limits";

export const generateDefaults = { providers: 100, services: 20, areas: 40, seed: 1 } as const;

export const generateUsage = `Usage: npm run db:generate -- [--providers N] [--services N] [--areas N] [--seed N] [--force]

Adds generated providers (slugs "gen-…") with several published versions each, customer
organizations and accounts, on top of the seeded content, on DATABASE_URL or the embedded database.

  --providers N   providers to generate (${generateLimits.providers.min}–${generateLimits.providers.max}, default ${generateDefaults.providers})
  --services N    services per provider (${generateLimits.services.min}–${generateLimits.services.max}, default ${generateDefaults.services})
  --areas N       responsibility areas per service (${generateLimits.areas.min}–${generateLimits.areas.max}, default ${generateDefaults.areas})
  --seed N        seed of the generated content (default ${generateDefaults.seed}); same arguments, same content
  --force         generate even though the database holds content of its own (a real installation)
  --help          show this text

Running again with the same arguments changes nothing; other arguments replace the generated content.`;

export type GenerateArgs =
  { help: true } | { help: false; providers: number; services: number; areas: number; seed: number; force: boolean };

function wholeNumber(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text.trim()))
    throw new AppError("INVALID_INPUT", `--${name} must be a whole number (got "${text}").`);
  return Number(text);
}

export function parseGenerateArgs(argv: string[]): GenerateArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        providers: { type: "string" },
        services: { type: "string" },
        areas: { type: "string" },
        seed: { type: "string" },
        force: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (error) {
    throw new AppError("INVALID_INPUT", (error as Error).message);
  }
  if (values.help) return { help: true };
  const sizes = {
    providers: wholeNumber("providers", values.providers, generateDefaults.providers),
    services: wholeNumber("services", values.services, generateDefaults.services),
    areas: wholeNumber("areas", values.areas, generateDefaults.areas),
    seed: wholeNumber("seed", values.seed, generateDefaults.seed),
  };
  checkGenerateSizes(sizes);
  return { help: false, ...sizes, force: values.force };
}
