// Another process owning an embedded data folder (./hold-embedded-database.ts), as a running or
// crashed portal would: started and owning when the promise resolves, killed with `kill -9`.
import { spawn } from "node:child_process";

export interface EmbeddedHolder {
  /** Resolves when the holder has exited. */
  exited: Promise<void>;
  /** `kill -9`, resolved once it has exited. */
  kill: () => Promise<void>;
}

export async function holdEmbeddedDatabase(dataDir: string): Promise<EmbeddedHolder> {
  // One process (no tsx wrapper in between), so killing it kills the owner.
  const holder = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "tests/support/hold-embedded-database.ts", dataDir],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const exited = new Promise<void>((resolve) => holder.once("exit", () => resolve()));
  const kill = async () => {
    holder.kill("SIGKILL");
    await exited;
  };
  try {
    await new Promise<void>((resolve, reject) => {
      holder.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("owning") && resolve());
      holder.once("exit", (code) => reject(new Error(`The holder exited with ${code}`)));
    });
  } catch (error) {
    await kill();
    throw error;
  }
  return { exited, kill };
}
