// npm run import -- --provider <slug> --file <path> [--service <slug>] [--create] [--publish] [--dry-run]
//                   [--mode replace|append] [--split lines|commas]
// Imports a matrix (CSV, Markdown, XLSX) into one service of a provider's draft, or a provider
// document (JSON) into its draft or as a new provider (--create), as the system actor (audited as
// such); --publish publishes the draft afterwards; --dry-run prints the preview and writes nothing.
// Works on DATABASE_URL and on the embedded database when no portal owns it.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { getDraft } from "../drafts/get-draft";
import { publishDraft } from "../drafts/publish-draft";
import { AppError } from "../errors";
import { createPrismaClient } from "../database/client";
import { importFile, importFileFormats, importResponse, type ImportFileFormat } from "../drafts/import-file";
import { withDatabaseUrl } from "./database-url";

const usage =
  "Usage: npm run import -- --provider <slug> --file <path> [--service <slug>] [--create] [--publish] [--dry-run] [--mode replace|append] [--split lines|commas]";

const { values } = parseArgs({
  options: {
    provider: { type: "string" },
    file: { type: "string" },
    service: { type: "string" },
    create: { type: "boolean", default: false },
    publish: { type: "boolean", default: false },
    "dry-run": { type: "boolean", default: false },
    mode: { type: "string", default: "replace" },
    split: { type: "string", default: "lines" },
  },
});
if (!values.provider || !values.file) fail(usage);
const extension = path.extname(values.file!).slice(1).toLowerCase();
const format = (extension === "md" ? "markdown" : extension) as ImportFileFormat;
if (!(importFileFormats as readonly string[]).includes(format))
  fail(`Unknown file type ".${extension}": use .md, .csv, .xlsx or .json.`);
if (values.mode !== "replace" && values.mode !== "append") fail('--mode is "replace" or "append".');
if (values.split !== "lines" && values.split !== "commas") fail('--split is "lines" or "commas".');

const actor = { kind: "system", command: "import" } as const;
const bytes = new Uint8Array(await readFile(values.file!).catch(() => fail(`Cannot read ${values.file}.`)));

const code = await withDatabaseUrl(async (databaseUrl) => {
  const db = createPrismaClient(databaseUrl, { max: 2 });
  try {
    const outcome = await importFile({
      db,
      actor,
      provider: values.provider!,
      format,
      bytes,
      service: values.service,
      mode: values.mode as "replace" | "append",
      split: values.split as "lines" | "commas",
      create: values.create,
      dryRun: values["dry-run"],
      fileName: path.basename(values.file!),
    });
    const report = importResponse(outcome);
    if (report.kind === "matrix-preview") {
      const c = report.counts;
      console.log(
        `${c.rows} rows: ${c.added} new, ${c.changed} changed, ${c.unchanged} unchanged, ${c.removed} removed.`,
      );
      for (const row of report.rows) for (const error of row.errors) console.log(`  line ${row.line}: ${error}`);
      for (const problem of report.problems) console.log(`  ${problem}`);
      console.log(
        c.errors ? `${c.errors} errors: nothing would be imported.` : "No errors. Nothing was written (dry run).",
      );
      return c.errors ? 1 : 0;
    }
    if (report.kind === "provider-preview") {
      for (const error of report.errors) console.log(`  ${error.path}: ${error.message}`);
      console.log(
        report.errors.length
          ? `${report.errors.length} errors: nothing would be imported.`
          : "No errors. Nothing was written (dry run).",
      );
      return report.errors.length ? 1 : 0;
    }
    console.log(
      report.kind === "matrix-import"
        ? `Imported into the draft (change ${report.draftVersion}).`
        : report.outcome === "created"
          ? `Created ${report.slug} as a draft.`
          : `Imported ${report.slug} into its draft (change ${report.draftVersion}).`,
    );
    if (values.publish) {
      const provider = report.kind === "provider-import" ? report.slug : values.provider!;
      const draft = await getDraft({ db, actor, provider });
      const version = await publishDraft({
        db,
        actor,
        provider,
        note: `Imported from ${path.basename(values.file!)}`,
        draftVersion: draft.version,
      });
      console.log(`Published as version ${version.number}.`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    console.error(error.message);
    for (const field of error.fieldErrors ?? []) console.error(`  ${field.path}: ${field.message}`);
    return 1;
  } finally {
    await db.$disconnect();
  }
});
process.exit(code);

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
