/* global module */
/**
 * Architecture rules, checked by `npm run arch` and by test/unit/architecture.test.ts.
 * Paths are relative to the folder cruised from (the repository root, or a test fixture).
 * Only runtime dependencies count: an `import type` is erased at compile time and couples nothing.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'rules-are-pure',
      severity: 'error',
      comment:
        'Business rules (src/**/rules.ts) and everything they import stay pure: no database, no HTTP, no file ' +
        'system, no store/routes/schema modules. They are tested without a database and reused anywhere.',
      // Pairs of paths where `(.*/)?` would do: dependency-cruiser refuses nested quantifiers as unsafe.
      from: { path: ['^src/rules\\.ts$', '^src/.*/rules\\.ts$'] },
      to: {
        reachable: true,
        path: [
          // Packages, resolved into node_modules or, when they cannot be resolved, by their bare name.
          '(^|/)node_modules/(drizzle-orm|pg|@electric-sql/pglite|fastify|@fastify/[^/]+)/',
          '^(drizzle-orm|pg|@electric-sql/pglite|fastify|@fastify/[^/]+)(/|$)',
          // Node core modules that touch the outside world.
          '^(node:)?(fs|http)(/|$)',
          // The project's own impure layers.
          '^src/(store|routes|schema)\\.ts$',
          '^src/.*/(store|routes|schema)\\.ts$',
          '^src/platform/(db|http)/',
        ],
      },
    },
    {
      name: 'no-foreign-store',
      severity: 'error',
      comment:
        "A module reads and writes only its own tables: another module's store or schema is reached through " +
        'that module’s public functions, never directly.',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/[^/]+/(store|schema)\\.ts$', pathNot: '^src/modules/$1/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Circular imports make start-up order fragile and modules impossible to understand alone.',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/' },
    tsPreCompilationDeps: false,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['es6', 'cjs'],
  },
};
