-- Links stored before only web addresses were accepted (a provider's source URL: http or https, a
-- contact link: also mailto:). The portal no longer hands such a value out: it reads a source URL as
-- none and such a contact as plain text. This view lists every one still stored (published tables,
-- drafts and versions) so an operator can correct it. `npm start` and `npm run db:migrate` print it.
CREATE VIEW "UnsafeStoredLink" AS
SELECT 'published source URL' AS "place", p."slug" AS "provider", p."sourceUrl" AS "value"
  FROM "Provider" p
  WHERE p."sourceUrl" !~* '^https?://[^/?#[:space:]]+'
UNION ALL
SELECT 'published contact "' || c."label" || '"', p."slug", c."value"
  FROM "ContactChannel" c JOIN "Provider" p ON p."id" = c."providerId"
  WHERE c."kind" = 'URL' AND c."value" !~* '^(https?://[^/?#[:space:]]+|mailto:[^@[:space:]]+@)'
UNION ALL
SELECT 'draft source URL', p."slug", d."document" -> 'source' ->> 'url'
  FROM "ProviderDraft" d JOIN "Provider" p ON p."id" = d."providerId"
  WHERE d."document" -> 'source' ->> 'url' !~* '^https?://[^/?#[:space:]]+'
UNION ALL
SELECT 'draft contact "' || (c ->> 'label') || '"', p."slug", c ->> 'value'
  FROM "ProviderDraft" d JOIN "Provider" p ON p."id" = d."providerId",
       jsonb_array_elements(CASE WHEN jsonb_typeof(d."document" -> 'contacts') = 'array' THEN d."document" -> 'contacts' ELSE '[]'::jsonb END) c
  WHERE c ->> 'kind' = 'url' AND c ->> 'value' !~* '^(https?://[^/?#[:space:]]+|mailto:[^@[:space:]]+@)'
UNION ALL
SELECT 'version ' || v."number" || ' source URL', p."slug", v."document" -> 'source' ->> 'url'
  FROM "ProviderVersion" v JOIN "Provider" p ON p."id" = v."providerId"
  WHERE v."document" -> 'source' ->> 'url' !~* '^https?://[^/?#[:space:]]+'
UNION ALL
SELECT 'version ' || v."number" || ' contact "' || (c ->> 'label') || '"', p."slug", c ->> 'value'
  FROM "ProviderVersion" v JOIN "Provider" p ON p."id" = v."providerId",
       jsonb_array_elements(CASE WHEN jsonb_typeof(v."document" -> 'contacts') = 'array' THEN v."document" -> 'contacts' ELSE '[]'::jsonb END) c
  WHERE c ->> 'kind' = 'url' AND c ->> 'value' !~* '^(https?://[^/?#[:space:]]+|mailto:[^@[:space:]]+@)'
