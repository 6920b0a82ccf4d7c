import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getActor } from "@/lib/auth/current-actor";
import { findVisibleProvider } from "@/lib/providers/find-visible-provider";

// Decides "not found" before anything streams (loading boundaries sit below this layout),
// so unknown providers get a real 404 status.
export default async function ProviderLayout({
  params,
  children,
}: {
  params: Promise<{ provider: string }>;
  children: ReactNode;
}) {
  if (!(await findVisibleProvider({ actor: await getActor(), slug: (await params).provider }))) notFound();
  return children;
}
