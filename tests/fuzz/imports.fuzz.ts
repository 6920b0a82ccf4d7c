// The import formats under generated hostile files, through both transports (the import API and
// the Import page's server actions): provider documents (JSON) with mutations, responsibility
// matrices with hostile cells as CSV, Markdown and XLSX, and broken workbooks. A file is imported
// or refused with a clear problem, never a 5xx or an internal failure; a refusal writes nothing;
// and the preview and the import agree: a file the preview finds no problem in imports, and one
// it finds problems in is refused.
import * as fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as importRoute } from "@/app/api/v1/providers/[provider]/import/route";
import type { ActionState } from "@/lib/actions/action-state";
import {
  importMatrixAction,
  importProviderAction,
  previewMatrixImportAction,
  previewProviderImportAction,
} from "@/lib/actions/import";
import { importResponseDto } from "@/lib/validation/import-api";
import { actAs } from "../support/actor";
import { expectProblem, type Answer } from "./support/answers";
import { bytesWithInvalidUtf8, hostileText } from "./support/arbitraries";
import { DatabaseWatch } from "./support/database-fingerprint";
import { fuzzFixtures, type FuzzFixtures } from "./support/fixtures";
import { fuzzParameters, timeoutFor } from "./support/fuzz-settings";
import {
  brokenWorkbook,
  csvStyle,
  matrixTable,
  mutatedDocument,
  repetitive,
  toCsv,
  toMarkdown,
  toWorkbook,
  withoutSharedStrings,
} from "./support/import-files";
import { callHandler } from "./support/requests";

let fixtures: FuzzFixtures;
const watch = new DatabaseWatch();

beforeAll(async () => {
  fixtures = await fuzzFixtures();
});

/**
 * Generated files are at most a few megabytes and read in well under a second; a pattern that
 * backtracks on some text takes minutes. A case slower than this fails, before the suite's timeout.
 */
const SLOW_CASE_MS = 30_000;

type Format = "json" | "csv" | "markdown" | "xlsx";
interface ImportFile {
  format: Format;
  body: string | Uint8Array;
}

/** POSTs the file to the import API as the provider's manager. */
function postFile(file: ImportFile, query: string): Promise<Answer> {
  actAs(fixtures.manager);
  const { slug, service } = fixtures.provider;
  const url = `/api/v1/providers/${slug}/import?format=${file.format}&service=${service}${query}`;
  const body = typeof file.body === "string" ? file.body : new Uint8Array(file.body);
  return callHandler(importRoute, { method: "POST", url, body }, { provider: slug });
}

/** Whether a served preview found no problem (the import must then succeed). */
function previewIsClean(answer: Answer): boolean {
  const preview = importResponseDto.parse(JSON.parse(answer.text));
  if (preview.kind === "provider-preview") return preview.errors.length === 0;
  if (preview.kind === "matrix-preview") return preview.counts.errors === 0 && preview.problems.length === 0;
  throw new Error(`a dry run answered ${preview.kind}`);
}

/**
 * Through the API: the dry run writes nothing and answers a preview (or refuses the file); then the
 * import does what the preview said.
 */
async function importThroughApi(file: ImportFile, query = ""): Promise<void> {
  const started = performance.now();
  const preview = await postFile(file, `${query}&dryRun=1`);
  expect(performance.now() - started, "the preview took too long").toBeLessThan(SLOW_CASE_MS);
  if (preview.status !== 200) expectProblem(preview, [400, 413]);
  await watch.expectUnchanged("a dry run");
  const done = await postFile(file, query);
  if (preview.status === 200 && previewIsClean(preview)) {
    expect(done.status, `the preview found no problem, the import said: ${done.text.slice(0, 500)}`).toBe(200);
    await watch.accept();
  } else {
    expectProblem(done, [400, 413]);
    await watch.expectUnchanged("an import the preview found problems in");
  }
}

async function runAction(
  action: (prev: ActionState, form: FormData) => Promise<ActionState>,
  fields: Record<string, string | File>,
): Promise<ActionState> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  actAs(fixtures.manager);
  const state = await action({ status: "idle" }, form);
  if (state.status === "error") {
    expect(state.message).not.toBe("Something went wrong on our side. Nothing was changed.");
    expect(state.message.trim()).not.toBe("");
  }
  return state;
}

/** Through the Import page: preview, then import; the import succeeds exactly when the preview did. */
async function importThroughActions(
  file: ImportFile,
  fields: Record<string, string>,
  asUpload: boolean,
): Promise<void> {
  const matrix = file.format !== "json";
  const name = { json: "provider.json", csv: "matrix.csv", markdown: "matrix.md", xlsx: "matrix.xlsx" }[file.format];
  const bytes = typeof file.body === "string" ? file.body : new Uint8Array(file.body);
  const content: Record<string, string | File> =
    asUpload || typeof bytes !== "string" ? { file: new File([bytes], name) } : { text: bytes };
  const common = { provider: fixtures.provider.slug, ...fields, ...content };
  const started = performance.now();
  const preview = await runAction(matrix ? previewMatrixImportAction : previewProviderImportAction, common);
  expect(performance.now() - started, "the preview took too long").toBeLessThan(SLOW_CASE_MS);
  await watch.expectUnchanged("a preview");
  const done = await runAction(matrix ? importMatrixAction : importProviderAction, common);
  expect(done.status, `preview ${preview.status}, import: ${JSON.stringify(done).slice(0, 500)}`).toBe(preview.status);
  if (done.status === "success") await watch.accept();
  else await watch.expectUnchanged("an import the preview refused");
}

describe("import formats under hostile files", () => {
  it(
    "provider documents: imported, or refused with a clear problem, as the preview said",
    async () => {
      await watch.start();
      const files = fc.oneof(
        { weight: 6, arbitrary: mutatedDocument(fixtures.files.providerJson) },
        { weight: 1, arbitrary: bytesWithInvalidUtf8(mutatedDocument(fixtures.files.providerJson)) },
      );
      await fc.assert(
        fc.asyncProperty(files, fc.boolean(), fc.boolean(), async (body, api, asUpload) => {
          const file: ImportFile = { format: "json", body };
          if (api) await importThroughApi(file);
          // The forms read text; broken bytes arrive as an uploaded file.
          else await importThroughActions(file, {}, asUpload || typeof body !== "string");
        }),
        fuzzParameters<[string | Uint8Array, boolean, boolean]>(0.5, [
          // Regression: a NUL (or a lone surrogate) in a string cannot be stored in a JSON column.
          [JSON.stringify({ ...JSON.parse(fixtures.files.providerJson), summary: "a\u0000b" }), true, false],
          [JSON.stringify({ ...JSON.parse(fixtures.files.providerJson), summary: "a\ud800b" }), false, false],
        ]),
      );
    },
    timeoutFor(0.5, 300),
  );

  it(
    "matrices as CSV, Markdown and XLSX: imported or refused, as the preview said",
    async () => {
      await watch.start();
      const partyNames = ["Cloudy", "Customer", "Hyperscaler", "Provider", "CSP", "customer"];
      const cases = fc.record({
        table: matrixTable(partyNames),
        format: fc.constantFrom("csv" as const, "markdown" as const, "xlsx" as const),
        style: csvStyle,
        heading: fc.oneof(hostileText(30), repetitive),
        mode: fc.constantFrom("replace", "append"),
        split: fc.constantFrom("lines", "commas"),
        api: fc.boolean(),
        asUpload: fc.boolean(),
      });
      await fc.assert(
        fc.asyncProperty(cases, async (input) => {
          const body =
            input.format === "csv"
              ? toCsv(input.table, input.style)
              : input.format === "markdown"
                ? toMarkdown(input.table, input.heading)
                : await toWorkbook(input.table, input.heading);
          const file: ImportFile = { format: input.format, body };
          if (input.api) await importThroughApi(file, `&mode=${input.mode}&split=${input.split}`);
          else {
            const fields = {
              service: fixtures.provider.service,
              mode: input.mode,
              split: input.split,
              format: input.format,
            };
            await importThroughActions(file, fields, input.asUpload);
          }
        }),
        fuzzParameters(0.5),
      );
    },
    timeoutFor(0.5, 500),
  );

  it("pathological text is read in linear time (regressions: patterns that backtracked for minutes)", async () => {
    const table = "| Responsibility | Cloudy | Customer |\n| --- | --- | --- |\n| X | a | b |\n";
    const files: ImportFile[] = [
      { format: "markdown", body: `# a${" ".repeat(200_000)}x\n\n${table}` },
      { format: "markdown", body: `| a |\n| ---${" ".repeat(200_000)}x\n\n${table}` },
      { format: "csv", body: `Responsibility,Cloudy,${"(".repeat(200_000)}\nX,a,b\n` },
      { format: "csv", body: `Responsibility,Cloudy,Customer\nX,"${"_a ".repeat(60_000)}",b\n` },
      { format: "csv", body: `Responsibility,Cloudy,Customer\nX,"${"*a ".repeat(60_000)}",b\n` },
      { format: "csv", body: `Responsibility,Cloudy,Customer\nX,"${"[".repeat(200_000)}",b\n` },
    ];
    await watch.start();
    for (const file of files) {
      const started = performance.now();
      const answer = await postFile(file, "&dryRun=1");
      expect(performance.now() - started, String(file.body).slice(0, 40)).toBeLessThan(10_000);
      if (answer.status !== 200) expectProblem(answer, [400]);
    }
    await watch.expectUnchanged("dry runs");
  });

  it(
    "broken workbooks are refused with a problem, or read as far as they are intact",
    async () => {
      await watch.start();
      await fc.assert(
        fc.asyncProperty(brokenWorkbook(fixtures.files.xlsx), async (bytes) => {
          await importThroughApi({ format: "xlsx", body: bytes }, "&mode=replace");
        }),
        // Regression: cells of a workbook without its shared strings came back as numbers (500).
        fuzzParameters(0.3, [[withoutSharedStrings(fixtures.files.xlsx)]]),
      );
    },
    timeoutFor(0.3, 300),
  );
});
