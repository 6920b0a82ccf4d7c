// What the system editor offers, shared by the server that computes it (./system-editor-options.ts)
// and the client form that shows it: plain types, no imports.

export interface ServiceChoice {
  provider: string;
  providerName: string;
  slug: string;
  name: string;
  models: { key: string; name: string }[];
}

export interface TierBindingChoices {
  tier: string;
  /** The tier's areas (its service's and the provider's cross-cutting ones), for covering an upper area. */
  areas: { key: string; name: string }[];
  /** Third parties of the tier's provider with the areas its matrix hands them under the tier's model. */
  thirdParties: { key: string; name: string; areas: { key: string; name: string }[] }[];
}
