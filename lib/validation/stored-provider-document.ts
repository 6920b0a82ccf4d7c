// Documents stored before the shape or a rule changed (drafts, immutable versions, the published
// tables) are read through here. An older shape is upgraded (lib/domain/document-upgrade.ts). A link
// that is no longer accepted (a `javascript:` source URL, a contact link that is not http(s) or
// mailto:) is disarmed instead of failing the read: the source URL is left out and such a contact is
// kept as plain text (kind "other"). The migration 20261202030000_unsafe_links lists every such
// stored value for an operator to correct.
import { upgradeProviderDocument } from "@/lib/domain/document-upgrade";
import { contactKinds } from "@/lib/domain/vocabulary";
import { isWebUrl } from "@/lib/domain/web-url";
import { contactValueProblem, providerDocumentSchema, type ProviderDocument } from "./provider-document";

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === "object" && !Array.isArray(value);

export function disarmStoredLinks(raw: unknown): unknown {
  if (!isObject(raw)) return raw;
  const document: Json = { ...raw };
  if (isObject(raw.source) && typeof raw.source.url === "string" && !isWebUrl(raw.source.url)) {
    const { url: _unsafe, ...source } = raw.source;
    document.source = source;
  }
  if (Array.isArray(raw.contacts))
    document.contacts = raw.contacts.map((contact: unknown) =>
      isObject(contact) &&
      isContactKind(contact.kind) &&
      typeof contact.value === "string" &&
      contactValueProblem({ kind: contact.kind, value: contact.value })
        ? { ...contact, kind: "other" }
        : contact,
    );
  return document;
}

const isContactKind = (kind: unknown): kind is (typeof contactKinds)[number] =>
  typeof kind === "string" && (contactKinds as readonly string[]).includes(kind);

/** A stored provider document, brought to the current shape and checked by the schema after disarming old links. */
export function parseStoredProviderDocument(raw: unknown): ProviderDocument {
  return providerDocumentSchema.parse(disarmStoredLinks(upgradeProviderDocument(raw)));
}
