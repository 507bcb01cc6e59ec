/**
 * The import graph as it runs: `tsPreCompilationDeps: false` reads each file after TypeScript's transpile, so
 * type-only imports (and imports used only as types), which vanish at runtime, are not edges. Read by
 * test/unit/architecture/import-cycles.test.ts; by hand: `npx depcruise --config .dependency-cruiser.cjs src workflows`.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A cycle makes load order decide what is undefined at import; share a leaf file or invert the dependency instead.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    tsPreCompilationDeps: false,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
  },
};
