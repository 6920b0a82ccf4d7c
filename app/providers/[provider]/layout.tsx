import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { PrintStamp } from "@/components/print/print-stamp";
import { getActor } from "@/lib/auth/current-actor";
import { findVisibleProvider } from "@/lib/providers/find-visible-provider";
import { getCurrentVersion } from "@/lib/published/current-version";

// Decides "not found" before anything streams (loading boundaries sit below this layout),
// so unknown providers get a real 404 status.
export default async function ProviderLayout({
  params,
  children,
}: {
  params: Promise<{ provider: string }>;
  children: ReactNode;
}) {
  const actor = await getActor();
  const slug = (await params).provider;
  const [provider, current] = await Promise.all([
    findVisibleProvider({ actor, slug }),
    getCurrentVersion({ actor, provider: slug }),
  ]);
  if (!provider) notFound();
  return (
    <>
      {children}
      {/* Every printed page names the provider and the version its live pages show. */}
      <PrintStamp
        provider={provider.name}
        version={current ? { kind: "version", ...current, current: true } : { kind: "unpublished" }}
      />
    </>
  );
}
