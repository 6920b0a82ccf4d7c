"use client";

import {
  assignmentMeta,
  assignmentValues,
  defaultParties,
  partyRoles,
  type AssignmentValue,
} from "@/lib/domain/assignment";
import { complianceKinds, contactKinds, serviceCategories } from "@/lib/domain/vocabulary";
import type { ProviderDocument } from "@/lib/validation/provider-document";
import type { EditorParty } from "./editable-matrix";
import { DraftList, DraftRemoveButton, DraftValueForm, type FieldSpec } from "./draft-value-form";
import { canonicalJson } from "@/lib/domain/canonical-json";

// The edit page's forms for everything but matrix rows, each built from a field spec for the generic
// DraftValueForm / DraftList (one change per save). Client-side because specs carry functions.

type Json = Record<string, unknown>;
type Service = ProviderDocument["services"][number];

const options = <T extends string>(values: readonly T[], label: (v: T) => string = (v) => v) =>
  values.map((value) => ({ value, label: label(value) }));
const assignmentOptions = options(assignmentValues, (v) => assignmentMeta[v].label);
const slugHint = "Lowercase letters, digits and single hyphens; links and references use it.";
const text = (key: string, label: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  key,
  label,
  kind: "text",
  ...extra,
});
const area = (key: string, label: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  key,
  label,
  kind: "textarea",
  ...extra,
});
const str = (value: unknown) => (typeof value === "string" ? value : "");

/**
 * A changed assignment brings its default parties (unless the parties were changed too); no
 * assignment carries no parties.
 */
function followAssignment(parties: readonly EditorParty[]) {
  return (next: unknown, loaded: unknown): unknown => {
    if (typeof next !== "object" || next === null) return next;
    const value = { ...(next as Json) };
    const before = (typeof loaded === "object" && loaded !== null ? loaded : {}) as Json;
    const assignment = value.assignment as AssignmentValue | null | undefined;
    if (!assignment) {
      delete value.parties;
      return value;
    }
    if (assignment !== before.assignment && canonicalJson(value.parties) === canonicalJson(before.parties))
      value.parties = defaultParties(assignment, parties);
    return value;
  };
}

const partyField = (parties: readonly EditorParty[]): FieldSpec => ({
  key: "parties",
  label: "Parties",
  kind: "checkboxes",
  options: parties.map((p) => ({ value: p.key, label: p.name })),
  hint: "Leave them as they are to use the assignment's default parties; shared needs two or more.",
  wide: true,
});

function Scalar({
  provider,
  path,
  value,
  field,
}: {
  provider: string;
  path: (string | number)[];
  value: unknown;
  field: Omit<FieldSpec, "key">;
}) {
  return <DraftValueForm provider={provider} path={path} mode="set" value={value} fields={[{ ...field, key: null }]} />;
}

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

const newService: Json = {
  slug: "",
  name: "",
  category: "IaaS",
  summary: "",
  areas: [],
  layers: [],
  deploymentModels: [],
};

export function AddServiceForm({ provider, count }: { provider: string; count: number }) {
  return (
    <DraftValueForm
      provider={provider}
      path={["services", count]}
      mode="insert"
      value={newService}
      title="Add a service"
      submitLabel="Add service"
      fields={[
        text("name", "Name", { required: true }),
        text("slug", "Address", { required: true, hint: slugHint }),
        { key: "category", label: "Category", kind: "select", required: true, options: options(serviceCategories) },
        area("summary", "Summary", { required: true }),
      ]}
    />
  );
}

/** A service's name, category, summary and source section, each saved on its own; and deleting it. */
export function ServiceFieldsEditor({
  provider,
  index,
  service,
}: {
  provider: string;
  index: number;
  service: Service;
}) {
  const at = (key: string) => ["services", index, key];
  return (
    <div className="space-y-4">
      <div className="grid gap-4 md:grid-cols-2">
        <Scalar
          provider={provider}
          path={at("name")}
          value={service.name}
          field={{ label: `Name of ${service.slug}`, kind: "text", required: true }}
        />
        <Scalar
          provider={provider}
          path={at("category")}
          value={service.category}
          field={{ label: "Category", kind: "select", required: true, options: options(serviceCategories) }}
        />
        <div className="md:col-span-2">
          <Scalar
            provider={provider}
            path={at("summary")}
            value={service.summary}
            field={{ label: "Summary", kind: "textarea", required: true }}
          />
        </div>
        <Scalar
          provider={provider}
          path={at("sourceSection")}
          value={service.sourceSection}
          field={{ label: "Source section", kind: "text", hint: "Where the source covers it, e.g. §2.1." }}
        />
      </div>
      <DraftRemoveButton
        provider={provider}
        path={["services", index]}
        expected={service}
        label="Delete service"
        question={`Delete “${service.name}” and its ${service.areas.length} areas from the draft?`}
      />
    </div>
  );
}

export function LayersEditor({
  provider,
  index,
  service,
  parties,
}: {
  provider: string;
  index: number;
  service: Service;
  parties: readonly EditorParty[];
}) {
  const follow = followAssignment(parties);
  return (
    <DraftList
      provider={provider}
      path={["services", index, "layers"]}
      items={service.layers}
      emptyMessage="No layers: the service has no stack diagram."
      itemTitle={(l, i) => `Layer ${i + 1}: ${str(l.name)}`}
      newItem={{ key: "", name: "", components: [] }}
      addLabel="Add a layer (on top)"
      normalize={follow}
      fields={[
        text("key", "Key", { required: true, hint: slugHint }),
        text("name", "Name", { required: true }),
        {
          key: "assignment",
          label: "Assignment of the whole layer",
          kind: "select",
          options: assignmentOptions,
          emptyLabel: "None (components say)",
        },
        partyField(parties),
        area("description", "Description"),
        area("interpretation", "Interpretation", { hint: "How a figure was read, when it was." }),
      ]}
      extra={(layer, li) => (
        <div className="rounded-md bg-slate-50 p-3">
          <h5 className="mb-2 text-sm font-semibold text-slate-800">Components of {str(layer.name)}</h5>
          <DraftList
            provider={provider}
            path={["services", index, "layers", li, "components"]}
            items={Array.isArray(layer.components) ? layer.components : []}
            itemTitle={(c) =>
              `${str(c.name)} — ${typeof c.assignment === "string" ? assignmentMeta[c.assignment as AssignmentValue].label : "unassigned"}`
            }
            newItem={{ key: "", name: "", assignment: null }}
            addLabel="Add a component"
            normalize={follow}
            fields={[
              text("key", "Key", { required: true, hint: slugHint }),
              text("name", "Name", { required: true }),
              {
                key: "assignment",
                label: "Assignment",
                kind: "select",
                options: assignmentOptions,
                empty: "null",
                emptyLabel: "Unassigned",
              },
              partyField(parties),
              text("instances", "Instances in the diagram", { kind: "number", hint: "1 to 12; default 1." }),
              area("description", "Description"),
              area("interpretation", "Interpretation"),
            ]}
          />
        </div>
      )}
    />
  );
}

export function DeploymentModelsEditor({
  provider,
  index,
  service,
  parties,
}: {
  provider: string;
  index: number;
  service: Service;
  parties: readonly EditorParty[];
}) {
  const targets = [
    ...service.areas.map((a) => ({ value: `area:${a.name}`, label: `Area: ${a.name}` })),
    ...service.layers.flatMap((l) =>
      l.components.map((c) => ({ value: `component:${l.key}/${c.key}`, label: `Component: ${l.name} › ${c.name}` })),
    ),
  ];
  const targetField: FieldSpec = {
    key: "target",
    label: "Applies to",
    kind: "select",
    required: true,
    options: targets,
    errorKeys: ["area", "component"],
    wide: true,
    get: (v) =>
      typeof v.area === "string" ? `area:${v.area}` : typeof v.component === "string" ? `component:${v.component}` : "",
    put: (v, input) => {
      delete v.area;
      delete v.component;
      const choice = typeof input === "string" ? input : "";
      if (choice.startsWith("area:")) v.area = choice.slice("area:".length);
      else if (choice.startsWith("component:")) v.component = choice.slice("component:".length);
    },
  };
  const follow = followAssignment(parties);
  return (
    <DraftList
      provider={provider}
      path={["services", index, "deploymentModels"]}
      items={service.deploymentModels}
      emptyMessage="No deployment models: the service's assignments apply everywhere."
      itemTitle={(m) => `${str(m.name)}${m.group ? ` (variant of ${str(m.group)})` : ""}`}
      newItem={{ key: "", name: "", assignments: [] }}
      addLabel="Add a deployment model"
      fields={[
        text("key", "Key", { required: true, hint: slugHint }),
        text("name", "Name", { required: true }),
        {
          key: "group",
          label: "Variant of",
          kind: "select",
          options: service.deploymentModels.map((m) => ({ value: m.key, label: m.name })),
          emptyLabel: "None (a model of its own)",
        },
        area("description", "Description"),
        area("interpretation", "Interpretation"),
      ]}
      extra={(model, mi) => (
        <div className="rounded-md bg-slate-50 p-3">
          <h5 className="mb-2 text-sm font-semibold text-slate-800">Assignments under {str(model.name)}</h5>
          <DraftList
            provider={provider}
            path={["services", index, "deploymentModels", mi, "assignments"]}
            items={Array.isArray(model.assignments) ? model.assignments : []}
            emptyMessage="No overrides: the service's default assignments apply."
            itemTitle={(a) =>
              `${typeof a.area === "string" ? a.area : str(a.component)} → ${
                typeof a.assignment === "string" ? assignmentMeta[a.assignment as AssignmentValue].label : "?"
              }`
            }
            newItem={{ assignment: "provider" }}
            addLabel="Add an assignment"
            normalize={follow}
            fields={[
              targetField,
              { key: "assignment", label: "Assignment", kind: "select", required: true, options: assignmentOptions },
              partyField(parties),
              area("interpretation", "Interpretation"),
            ]}
          />
        </div>
      )}
    />
  );
}
