// Creates a new PGlite data folder, then exits: run as a child process so that initdb's memory (several
// hundred megabytes of WebAssembly heap that is never given back) leaves with it.
import process from 'node:process';
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_OPTIONS } from './pglite-options.mjs';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: create-pglite.mjs <data folder>');
const db = await PGlite.create(dataDir, PGLITE_OPTIONS);
await db.close();
