import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getService } from "@/lib/providers/get-service";
import { getActor } from "@/lib/auth/current-actor";
import { draftHasService } from "@/lib/drafts/editor-access";

// As in the provider layout: decide 404 before the page's loading boundary streams. A service
// added in a draft exists for the provider's editors only.
export default async function ServiceLayout({
  params,
  children,
}: {
  params: Promise<{ provider: string; service: string }>;
  children: ReactNode;
}) {
  const { provider, service } = await params;
  const actor = await getActor();
  if (!(await getService({ actor, provider, service })) && !(await draftHasService(actor, provider, service)))
    notFound();
  return children;
}
