"use client";

import { slugify } from "@/lib/domain/slug";
import type { ProviderDocument } from "@/lib/validation/provider-document";
import { DraftList } from "../draft-list";
import { slugHint, text } from "./field-helpers";

type Group = ProviderDocument["crossCuttingGroups"][number];

/**
 * The groups a list of areas sits in (a service's, or the cross-cutting ones): title, number,
 * description and the group it nests under, in order. Rows choose their group in the matrix.
 */
export function GroupsEditor({
  provider,
  path,
  groups,
}: {
  provider: string;
  /** ["services", i, "groups"] or ["crossCuttingGroups"]. */
  path: (string | number)[];
  groups: readonly Group[];
}) {
  return (
    <DraftList
      provider={provider}
      path={path}
      items={groups}
      reorderable
      emptyMessage="No groups: the rows form one flat list."
      itemTitle={(g) => [g.number, g.title].filter((part) => typeof part === "string" && part).join(" ")}
      newItem={{ key: "", title: "" }}
      normalize={(next) => {
        const value = next as { key?: string; title?: string };
        return value.key || !value.title ? next : { ...value, key: slugify(value.title) };
      }}
      addLabel="Add a group"
      fields={[
        text("title", "Title", { required: true }),
        text("key", "Key", { hint: `${slugHint} Left empty, it is made from the title.` }),
        text("number", "Number", { hint: "As the source numbers it, e.g. 3.1.2." }),
        {
          key: "parent",
          label: "Inside group",
          kind: "select",
          options: groups.map((g) => ({ value: g.key, label: g.title })),
          emptyLabel: "None (a top-level group)",
        },
        { key: "description", label: "Description", kind: "textarea" },
      ]}
    />
  );
}
