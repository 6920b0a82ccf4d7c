"use client";

import type { ProviderDocument } from "@/lib/validation/provider-document";
import { area, options, Scalar, slugHint, str, text } from "./field-helpers";
import { DraftList } from "../draft-list";
import { DraftValueForm } from "../draft-value-form";
import { partyRoles } from "@/lib/domain/assignment";
import { complianceKinds, contactKinds } from "@/lib/domain/vocabulary";

// The edit page's forms for the provider itself: its fields, parties, contacts, compliance
// references and narrative sections (one change per save, see DraftValueForm / DraftList).

export function ProviderFieldsEditor({
  provider,
  document,
}: {
  provider: string;
  document: Pick<ProviderDocument, "name" | "summary" | "brandColor" | "isPrivate" | "source">;
}) {
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <Scalar
        provider={provider}
        path={["name"]}
        value={document.name}
        field={{ label: "Provider name", kind: "text", required: true }}
      />
      <Scalar
        provider={provider}
        path={["brandColor"]}
        value={document.brandColor}
        field={{ label: "Brand colour", kind: "color", required: true, hint: "A hex colour such as #1d4ed8." }}
      />
      <div className="md:col-span-2">
        <Scalar
          provider={provider}
          path={["summary"]}
          value={document.summary}
          field={{ label: "Summary", kind: "textarea", required: true }}
        />
      </div>
      <Scalar
        provider={provider}
        path={["isPrivate"]}
        value={document.isPrivate}
        field={{
          label: "Private provider",
          kind: "checkbox",
          hint: "Only subscribed customers, its account managers, auditors and administrators see a private provider.",
        }}
      />
      <div className="md:col-span-2">
        <DraftValueForm
          provider={provider}
          path={["source"]}
          mode="set"
          value={document.source}
          title="Source document"
          fields={[
            text("title", "Title", { required: true }),
            text("url", "Address (URL)", { kind: "url", hint: "https://…" }),
            text("document", "Transcribed file", { required: true }),
            text("retrieved", "Retrieved", { hint: "When the source was read, e.g. 2025-03-01." }),
          ]}
        />
      </div>
    </div>
  );
}

export function PartiesEditor({ provider, parties }: { provider: string; parties: ProviderDocument["parties"] }) {
  return (
    <DraftList
      provider={provider}
      path={["parties"]}
      items={parties}
      itemTitle={(p) => `${str(p.name)} (${str(p.role)}, key “${str(p.key)}”)`}
      newItem={{ key: "", name: "", role: "third-party" }}
      addLabel="Add a party"
      fields={[
        text("key", "Key", { required: true, hint: slugHint }),
        text("name", "Name", { required: true }),
        { key: "role", label: "Role", kind: "select", required: true, options: options(partyRoles) },
        area("description", "Description"),
      ]}
    />
  );
}

export function ContactsEditor({ provider, contacts }: { provider: string; contacts: ProviderDocument["contacts"] }) {
  return (
    <DraftList
      provider={provider}
      path={["contacts"]}
      items={contacts}
      itemTitle={(c) => `${str(c.label)}: ${str(c.value)}`}
      newItem={{ kind: "email", label: "", value: "" }}
      addLabel="Add a contact"
      fields={[
        { key: "kind", label: "Kind", kind: "select", required: true, options: options(contactKinds) },
        text("label", "Label", { required: true }),
        text("value", "Address, link or number", { required: true }),
        area("purpose", "Purpose"),
      ]}
    />
  );
}

export function ComplianceEditor({
  provider,
  compliance,
}: {
  provider: string;
  compliance: ProviderDocument["compliance"];
}) {
  return (
    <DraftList
      provider={provider}
      path={["compliance"]}
      items={compliance}
      itemTitle={(c) => `${str(c.name)}${c.clause ? `, ${str(c.clause)}` : ""} (${str(c.kind)})`}
      newItem={{ kind: "framework", name: "" }}
      addLabel="Add a compliance reference"
      fields={[
        {
          key: "kind",
          label: "Kind",
          kind: "select",
          required: true,
          options: options(complianceKinds, (k) => (k === "basis" ? "Basis of the model" : "Framework")),
        },
        text("name", "Name", { required: true }),
        text("clause", "Clause"),
        area("notes", "Notes"),
      ]}
    />
  );
}

export function SectionsEditor({ provider, sections }: { provider: string; sections: ProviderDocument["sections"] }) {
  return (
    <DraftList
      provider={provider}
      path={["sections"]}
      items={sections}
      itemTitle={(s) => str(s.title)}
      newItem={{ slug: "", title: "", body: "" }}
      addLabel="Add a section"
      fields={[
        text("title", "Title", { required: true }),
        text("slug", "Anchor", { required: true, hint: slugHint }),
        { key: "body", label: "Text (Markdown)", kind: "markdown", required: true, hint: "In the team's own words." },
      ]}
    />
  );
}
