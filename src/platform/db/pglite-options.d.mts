import type { PGliteOptions } from '@electric-sql/pglite';

export declare const PGLITE_OPTIONS: PGliteOptions;
