// A backup can be restored by this code only when its migrations are this code's, up to the newest it
// holds: the restore builds (or expects) exactly that schema, and the portal applies the newer ones on
// its next start. A migration this code does not know means the backup came from a newer Demarc.
import "server-only";
import { readMigrations } from "../migrations";
import { BackupError } from "./backup-error";

export async function checkBackupMigrations(options: { migrations: string[] }): Promise<void> {
  const names = options.migrations;
  const known = (await readMigrations()).migrationDirectories.map((m) => m.path).sort();
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length)
    throw new BackupError(
      `The backup was made by a newer version of Demarc: this one does not know its migration(s) ${unknown.join(", ")}. ` +
        "Restore it with that version (or a later one).",
    );
  const newest = [...names].sort().at(-1);
  if (!newest) throw new BackupError("The backup holds no migrations: it is not of a Demarc database.");
  const expected = known.filter((name) => name <= newest);
  const missing = expected.filter((name) => !names.includes(name));
  if (missing.length)
    throw new BackupError(
      `The backup's database lacks migration(s) ${missing.join(", ")} that come before its newest, ${newest}: ` +
        "it was not made from this code's history, and cannot be restored by it.",
    );
}
