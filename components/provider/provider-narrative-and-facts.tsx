import { Markdown } from "@/components/markdown";
import { Card, Section } from "@/components/ui/card";
import { retrievedPhrase } from "@/lib/domain/source-citation";
import type { ProviderDetailDto } from "@/lib/validation/api";

/**
 * A provider's narrative sections, compliance, contacts, source and parties: the same on the live
 * page and on a published version (where contacts are shown as they were, not as links).
 */
export function ProviderNarrativeAndFacts({
  provider,
  linkContacts = true,
}: {
  provider: Pick<ProviderDetailDto, "sections" | "compliance" | "contacts" | "source" | "parties">;
  linkContacts?: boolean;
}) {
  const thirdParties = provider.parties.filter((p) => p.role === "third-party");
  return (
    <>
      {provider.sections.map((section) => (
        <Section key={section.slug} id={`section-${section.slug}`} title={section.title}>
          <Card className="max-w-3xl p-5">
            <Markdown source={section.body} />
          </Card>
        </Section>
      ))}

      <div className="mt-10 grid gap-4 md:grid-cols-2 lg:grid-cols-3">
        {provider.compliance.length > 0 ? (
          <Card className="p-5">
            <h2 className="font-semibold text-slate-900">Compliance</h2>
            <ul className="mt-3 space-y-2 text-sm">
              {provider.compliance.map((c) => (
                <li key={`${c.kind}-${c.name}`}>
                  <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium uppercase text-slate-600">
                    {c.kind === "basis" ? "Basis" : "Framework"}
                  </span>
                  <span className="font-medium text-slate-900">{c.name}</span>
                  {c.clause ? <span className="text-slate-600">, {c.clause}</span> : null}
                  {c.notes ? <p className="mt-1 text-slate-600">{c.notes}</p> : null}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        {provider.contacts.length > 0 ? (
          <Card className="p-5">
            <h2 className="font-semibold text-slate-900">Contacts</h2>
            <ul className="mt-3 space-y-2 text-sm">
              {provider.contacts.map((c) => (
                <li key={`${c.kind}-${c.value}`}>
                  <span className="font-medium text-slate-900">{c.label}: </span>
                  {linkContacts && c.kind === "email" ? (
                    <a className="text-blue-700 underline" href={`mailto:${c.value}`}>
                      {c.value}
                    </a>
                  ) : linkContacts && c.kind === "url" ? (
                    <a className="text-blue-700 underline" href={c.value} rel="noopener noreferrer">
                      {c.value}
                    </a>
                  ) : (
                    c.value
                  )}
                  {c.purpose ? <p className="text-slate-600">{c.purpose}</p> : null}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        <Card className="p-5">
          <h2 className="font-semibold text-slate-900">Source and parties</h2>
          <p className="mt-3 text-sm text-slate-700">
            Transcribed from{" "}
            <cite>
              {provider.source.url ? (
                <a className="text-blue-700 underline" href={provider.source.url} rel="noopener noreferrer">
                  {provider.source.title}
                </a>
              ) : (
                provider.source.title
              )}
            </cite>
            {provider.source.retrieved ? `, ${retrievedPhrase(provider.source.retrieved)}` : ""}{" "}
            {/* Paths and addresses are single long words: let them wrap anywhere on a phone. */}
            <span className="text-slate-500 [overflow-wrap:anywhere]">({provider.source.document})</span>.
          </p>
          {provider.source.url ? (
            <p className="mt-1 text-xs text-slate-500 [overflow-wrap:anywhere]">{provider.source.url}</p>
          ) : null}
          <ul className="mt-3 space-y-1 text-sm text-slate-700">
            {provider.parties.map((p) => (
              <li key={p.key}>
                <span className="font-medium">{p.name}</span>{" "}
                <span className="text-slate-500">
                  ({p.role === "third-party" ? "third party" : p.role}){p.description ? ` — ${p.description}` : ""}
                </span>
              </li>
            ))}
          </ul>
          {thirdParties.length > 0 ? (
            <p className="mt-2 text-xs text-slate-500">Third parties carry responsibility in some deployment models.</p>
          ) : null}
        </Card>
      </div>
    </>
  );
}
