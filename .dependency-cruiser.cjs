// The import graph's rules, checked by `npm run lint` (dependency-cruiser). Type-only imports
// count too: a circle of types is still a circle a reader has to untangle.
//
// A feature may be split into sub-features, one folder each (src/features/<feature>/<sub>/). Only a
// sub-feature's routes.ts and index.ts (what it exports on purpose) are reachable from outside its
// folder, and testing.ts (its data builders) from tests. The files directly in the feature's
// folder are the leaves its sub-features share (access, frame, wording, guards): they import no
// sub-feature, except the feature's own routes.ts and index.ts, which assemble them.
const subFeature = '^src/features/[^/]+/[^/]+/';
const publicFiles = '/(routes|index)\\.ts$';
const testFiles = '(\\.test\\.ts|/testing\\.ts|/[a-z-]+-testing\\.ts|-fixture\\.ts)$|^(test|e2e|bench)/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import circles: shared types and helpers live in leaf modules beside the files that use them.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'sub-feature-internals-from-a-sibling',
      comment: "A sub-feature reaches another only through its routes.ts or index.ts (or testing.ts, from tests).",
      severity: 'error',
      from: { path: '^src/features/([^/]+)/([^/]+)/' },
      to: { path: subFeature, pathNot: ['^src/features/$1/$2/', publicFiles, '/testing\\.ts$'] },
    },
    {
      name: 'sub-feature-internals-from-outside',
      comment: "Outside a feature's sub-feature folders, only their routes.ts and index.ts are imported (and testing.ts from tests).",
      severity: 'error',
      from: { pathNot: subFeature },
      to: { path: subFeature, pathNot: [publicFiles, '/testing\\.ts$'] },
    },
    {
      name: 'shared-leaves-import-no-sub-feature',
      comment: "A feature's shared files (access, frame, wording, guards) are leaves: only its routes.ts, index.ts and tests assemble sub-features.",
      severity: 'error',
      from: { path: '^src/features/([^/]+)/[^/]+\\.ts$', pathNot: [publicFiles, testFiles] },
      to: { path: '^src/features/$1/[^/]+/' },
    },
    {
      name: 'test-builders-only-in-tests',
      comment: 'Data builders (testing.ts) are for tests and benchmarks, never for the product.',
      severity: 'error',
      from: { pathNot: testFiles },
      to: { path: '/testing\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|data|data-[^/]+)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
