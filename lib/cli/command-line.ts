// The command line of a maintenance command (db:backup, db:restore): strict options, --help prints
// the usage, and a mistake prints what is wrong above the usage and exits 2.
import { parseArgs, type ParseArgsOptionsConfig } from "node:util";

type Config<T extends ParseArgsOptionsConfig> = { args: string[]; options: T; strict: true; allowPositionals: false };

export function readCommandLine<T extends ParseArgsOptionsConfig>(usage: string, options: T) {
  const usageError = (message: string): never => {
    console.error(`${message}\n\n${usage}`);
    process.exit(2);
  };
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(usage);
    process.exit(0);
  }
  try {
    const { values } = parseArgs<Config<T>>({ args, options, strict: true, allowPositionals: false });
    return { values, usageError };
  } catch (error) {
    return usageError((error as Error).message);
  }
}

/** Runs the command; an expected failure (`failure`) is printed as its message alone, exit 1. */
export async function runCommand(failure: abstract new (...args: never[]) => Error, command: () => Promise<void>) {
  try {
    await command();
  } catch (error) {
    if (!(error instanceof failure)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
