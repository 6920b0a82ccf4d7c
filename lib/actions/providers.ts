"use server";

import { redirect } from "next/navigation";
import { readForm } from "@/lib/actions/form-fields";
import { runAction, type ActionState } from "@/lib/actions/run-action";
import { createDraftProvider } from "@/lib/drafts/create-provider";
import { newProviderDocument, newProviderSchema } from "@/lib/validation/new-provider";
import { parseInput } from "@/lib/validation/parse-input";
import { providerDocumentSchema } from "@/lib/validation/provider-document";

/** Starts a provider as an unpublished draft and opens its edit page. */
export async function createProviderAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = readForm(form);
  let slug: string | undefined;
  const state = await runAction(form, async (actor) => {
    const input = parseInput(newProviderSchema, {
      name: values.text("name"),
      slug: values.text("slug"),
      summary: values.text("summary"),
      brandColor: values.text("brandColor"),
      sourceTitle: values.text("sourceTitle"),
      sourceDocument: values.text("sourceDocument"),
      sourceUrl: values.text("sourceUrl"),
      isPrivate: values.text("isPrivate") === "true",
      customerName: values.text("customerName") || "Customer",
      thirdParties: values.text("thirdParties"),
    });
    const document = parseInput(providerDocumentSchema, newProviderDocument(input));
    ({ slug } = await createDraftProvider({ actor, document }));
    return "Created.";
  });
  if (state.status === "success" && slug) redirect(`/providers/${slug}/edit`);
  return state;
}
