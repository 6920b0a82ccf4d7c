// PostgreSQL's own client tools, pg_dump and pg_restore, for backups of a PostgreSQL server: found on
// PATH, asked their version, and run with the password in the environment (PGPASSWORD), not on the
// command line where every user of the machine could read it.
import "server-only";
import { spawn } from "node:child_process";
import { BackupError } from "./backup-error";

export type PgTool = "pg_dump" | "pg_restore";

const prismaOnlyParameters = [
  "schema",
  "connection_limit",
  "pool_timeout",
  "pgbouncer",
  "statement_cache_size",
  "socket_timeout",
  "sslaccept",
];

export interface ToolVersion {
  /** e.g. "pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)" */
  text: string;
  major: number;
}

/** The major version in a tool's version line: "pg_dump (PostgreSQL) 15.20 (Debian …)" is 15, "… 9.6.24" 9, "… 18beta1" 18. */
export function majorVersion(text: string): number {
  const match = /^(?:\S+ \(PostgreSQL\) )?(\d+)(?=[.\s]|beta|rc|devel)/.exec(`${text.trim()} `);
  return match ? Number(match[1]) : NaN;
}

export async function pgToolVersion(tool: PgTool): Promise<ToolVersion> {
  const text = (await run(tool, ["--version"], process.env)).trim();
  const major = majorVersion(text);
  if (!Number.isInteger(major)) throw new BackupError(`Cannot tell the version of ${tool} from "${text}".`);
  return { text, major };
}

/** Runs a tool against the database at `databaseUrl`; a failure is a BackupError with the tool's own message. */
export async function runPgTool(options: { tool: PgTool; args: string[]; databaseUrl: string }): Promise<void> {
  const url = new URL(options.databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  // libpq refuses query parameters it does not know; these belong to Prisma-style URLs only.
  for (const name of prismaOnlyParameters) url.searchParams.delete(name);
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  await run(options.tool, ["--no-password", `--dbname=${url.toString()}`, ...options.args], env);
}

function run(tool: PgTool, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "ENOENT"
          ? new BackupError(
              `${tool} was not found. Install PostgreSQL's client tools of the server's major version or newer ` +
                "(Debian: apt-get install postgresql-client), or use the logical format (--format logical).",
            )
          : error,
      ),
    );
    child.once("close", (code, signal) => {
      if (code === 0) resolve(stdout);
      else
        reject(
          new BackupError(`${tool} failed (${signal ?? `exit code ${code}`}):\n${stderr.trim() || stdout.trim()}`),
        );
    });
  });
}
