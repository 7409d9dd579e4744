// Plain JavaScript so that it runs in a bare `node` child process (see create-pglite.mjs).
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

/**
 * PGlite's defaults are a server's (128 MB of shared buffers). One ward's data is small: 16 MB of buffers
 * keeps the whole process under 300 MB resident.
 */
export const PGLITE_OPTIONS = {
  extensions: { pg_trgm, unaccent },
  postgresqlconf: ['shared_buffers=16MB', 'work_mem=4MB', 'maintenance_work_mem=32MB', 'temp_buffers=4MB'],
};
