"use client";

import type { ProviderDocument } from "@/lib/validation/provider-document";
import {
  area,
  assignmentOptions,
  followAssignment,
  options,
  partyField,
  Scalar,
  slugHint,
  str,
  text,
} from "./field-helpers";
import { DraftList } from "../draft-list";
import { DraftRemoveButton, DraftValueForm, type FieldSpec } from "../draft-value-form";
import { assignmentMeta, type AssignmentValue } from "@/lib/domain/assignment";
import { serviceCategories } from "@/lib/domain/vocabulary";
import { type EditorParty } from "../matrix/area-draft";

// The edit page's forms for services: adding one, its fields, its stack (layers and components) and
// its deployment models with their per-model assignments.

type Json = Record<string, unknown>;
type Service = ProviderDocument["services"][number];

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
  // The matrix row a layer or component draws: the checks compare their assignments.
  const areaLinkField: FieldSpec = {
    key: "area",
    label: "Matrix row it draws",
    kind: "select",
    options: service.areas.map((a) => ({ value: a.key, label: a.name })),
    emptyLabel: "None",
  };
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
        areaLinkField,
        area("areaInterpretation", "Why it differs from its matrix row", {
          hint: "Needed when the layer's assignment differs from its row's; readers see it under the diagram.",
        }),
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
              areaLinkField,
              area("areaInterpretation", "Why it differs from its matrix row", {
                hint: "Needed when the component's assignment differs from its row's; readers see it under the diagram.",
              }),
              {
                key: "markerOn",
                label: "Drawn as a ◆ marker on",
                kind: "select",
                options: (Array.isArray(layer.components) ? layer.components : []).map((c) => ({
                  value: str(c.key),
                  label: str(c.name),
                })),
                emptyLabel: "Nothing (a box of its own)",
              },
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
    ...service.areas.map((a) => ({ value: `area:${a.key}`, label: `Area: ${a.name}` })),
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
  const areaNames = new Map(service.areas.map((a) => [a.key, a.name]));
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
        {
          key: "open",
          label: "The source leaves responsibility under this model open",
          kind: "checkbox",
          hint: "Readers are told so; add no assignments of your own.",
        },
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
              `${typeof a.area === "string" ? (areaNames.get(a.area) ?? a.area) : str(a.component)} → ${
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
