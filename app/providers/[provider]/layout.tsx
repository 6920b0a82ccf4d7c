import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getProvider } from "@/lib/providers/get-provider";
import { getActor } from "@/lib/auth/current-actor";

// Decides "not found" before anything streams (loading boundaries sit below this layout),
// so unknown providers get a real 404 status.
export default async function ProviderLayout({
  params,
  children,
}: {
  params: Promise<{ provider: string }>;
  children: ReactNode;
}) {
  if (!(await getProvider({ actor: await getActor(), slug: (await params).provider }))) notFound();
  return children;
}
