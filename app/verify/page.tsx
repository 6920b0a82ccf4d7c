import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card } from "@/components/ui/card";
import { getActor } from "@/lib/auth/current-actor";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { verifyContentHash, type VerifiedVersionDto } from "@/lib/versions/verify-content-hash";
import { versionHref } from "@/lib/versions/version-format";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Verify an export",
  description:
    "Check which provider and version a content hash (SHA-256) printed on an exported file belongs to, and whether a newer version exists.",
};

type Props = { searchParams: Promise<{ hash?: string | string[] }> };

type Outcome =
  { kind: "none" } | { kind: "invalid"; message: string } | { kind: "found"; versions: VerifiedVersionDto[] };

async function check(hash: string | undefined): Promise<Outcome> {
  if (!hash) return { kind: "none" };
  try {
    return { kind: "found", versions: await verifyContentHash({ actor: await getActor(), hash }) };
  } catch (error) {
    if (error instanceof AppError && error.code === "INVALID_INPUT")
      return { kind: "invalid", message: error.fieldErrors?.[0]?.message ?? error.message };
    throw error;
  }
}

/** Anyone can check a content hash printed on an export; only versions they may see are found. */
export default async function VerifyPage({ searchParams }: Props) {
  const raw = (await searchParams).hash;
  const hash = typeof raw === "string" ? raw.trim() : undefined;
  const outcome = await check(hash);
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Catalog" }, { label: "Verify an export" }]} />
      <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Verify an export</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Every PDF, spreadsheet and OSCAL file from Demarc prints the content hash (SHA-256) of the version it holds.
        Enter it to see which provider and version it belongs to, and whether a newer version has been published since.
      </p>
      <Card className="mt-6 max-w-3xl p-5">
        <form method="get" action="/verify" aria-label="Verify a content hash" className="flex flex-col gap-2">
          <label htmlFor="hash" className="text-sm font-medium text-slate-900">
            Content hash (SHA-256)
          </label>
          <div className="flex flex-wrap gap-2">
            <input
              id="hash"
              name="hash"
              defaultValue={hash}
              required
              autoComplete="off"
              spellCheck={false}
              aria-invalid={outcome.kind === "invalid"}
              aria-describedby="hash-error"
              className="min-w-0 flex-1 rounded-md border border-slate-300 px-3 py-2 font-mono text-sm"
            />
            <button type="submit" className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white">
              Verify
            </button>
          </div>
          <p id="hash-error" aria-live="polite" className="text-sm text-red-700">
            {outcome.kind === "invalid" ? outcome.message : null}
          </p>
        </form>
      </Card>
      {outcome.kind === "found" ? <Result versions={outcome.versions} /> : null}
    </>
  );
}

function Result({ versions }: { versions: VerifiedVersionDto[] }) {
  if (versions.length === 0)
    return (
      <p role="status" className="mt-6 max-w-3xl rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950">
        No published version you can see has this content hash. Check the hash, or sign in if the provider is private.
      </p>
    );
  return (
    <section role="status" aria-label="Verification result" className="mt-6 max-w-3xl space-y-3">
      {versions.map((v) => (
        <Card key={`${v.provider.slug}:${v.version}`} className="p-5">
          <p className="text-lg font-semibold text-slate-900">
            Matches{" "}
            <Link href={versionHref(v.provider.slug, v.version)} className="text-blue-800 hover:underline">
              {v.provider.name}, version {v.version}
            </Link>
          </p>
          <p className="mt-1 text-sm text-slate-700">Published {formatDateTime(new Date(v.publishedAt))}.</p>
          <p className={`mt-2 text-sm font-medium ${v.isLatest ? "text-emerald-800" : "text-amber-900"}`}>
            {v.isLatest
              ? "This is the newest published version."
              : `A newer version exists: version ${v.latestVersion}.`}
          </p>
        </Card>
      ))}
    </section>
  );
}
