// `npm run fuzz -- [--runs N] [--seed S]`: the fuzz suite (vitest project "fuzz") with more cases
// than CI runs, for before a release. N is the number of cases per property (weighted: expensive
// properties such as workbooks run a fraction of it); S repeats an earlier run. Prints a summary
// with the command that repeats the run.
import { spawn } from "node:child_process";

const DEFAULT_RUNS = 20_000;

function usage(problem?: string): never {
  if (problem) console.error(`npm run fuzz: ${problem}`);
  console.error("Usage: npm run fuzz -- [--runs N] [--seed S]   (N cases per property, default 20000)");
  process.exit(problem ? 2 : 0);
}

function parseArgs(args: string[]): { runs: number; seed: number } {
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--help" || arg === "-h") usage();
    const match = /^--(runs|seed)(?:=(.*))?$/.exec(arg);
    if (!match) usage(`unknown argument "${arg}"`);
    const value = match[2] ?? args[++i];
    if (value === undefined) usage(`--${match[1]} needs a value`);
    options[match[1]!] = value;
  }
  const wholeNumber = (name: string, fallback: number) => {
    const raw = options[name];
    if (raw === undefined) return fallback;
    if (!/^[1-9]\d{0,9}$/.test(raw) || Number(raw) > 2 ** 31 - 1)
      usage(`--${name} must be a whole number from 1 to 2147483647, not "${raw}"`);
    return Number(raw);
  };
  // A seed chosen here (not by the tests) so the summary can say how to repeat the run.
  return {
    runs: wholeNumber("runs", DEFAULT_RUNS),
    seed: wholeNumber("seed", Math.floor(Math.random() * 2 ** 31) + 1),
  };
}

const { runs, seed } = parseArgs(process.argv.slice(2));
const started = Date.now();
console.log(`Fuzzing with ${runs} cases per property, seed ${seed}…\n`);

const child = spawn("npx", ["vitest", "run", "--project", "fuzz"], {
  stdio: "inherit",
  env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed) },
});

// Ctrl-C reaches the child through the terminal; the summary still prints.
child.on("close", (code, signal) => {
  const seconds = Math.round((Date.now() - started) / 1000);
  const duration = seconds >= 60 ? `${Math.floor(seconds / 60)} min ${seconds % 60} s` : `${seconds} s`;
  const outcome = code === 0 ? "passed" : signal ? `stopped (${signal})` : "FAILED";
  console.log(
    [
      "",
      "Fuzz summary",
      `  outcome:   ${outcome}`,
      `  cases:     ${runs} per property (weighted per property; see tests/fuzz/support/fuzz-settings.ts)`,
      `  seed:      ${seed}`,
      `  duration:  ${duration}`,
      `  repeat:    npm run fuzz -- --runs ${runs} --seed ${seed}`,
      code === 0 ? "" : "  A failing property prints its counterexample, seed and path above.",
    ].join("\n"),
  );
  process.exit(code ?? 1);
});
