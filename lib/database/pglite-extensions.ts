// The PostgreSQL extensions the migrations create (search: pg_trgm and unaccent), which PGlite must
// load when it opens a database: the embedded owner, the shadow database of the migration diff.
import "server-only";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";

export const pgliteExtensions = { pg_trgm, unaccent };
