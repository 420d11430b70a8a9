import nx from '@nx/eslint-plugin';

// Architecture as lint: apps compose libs; domain libs use infra libs, never each other;
// infra libs know nothing of domains; contracts (DTOs) are shared by all; the device lab stands alone so it can simulate anything.
const depConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:infra', 'type:contracts', 'type:lab'] },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:infra', 'type:contracts'] },
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:infra'] },
  // DTOs and wire types every service and the CLI share; they import only validators.
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
  { sourceTag: 'type:lab', onlyDependOnLibsWithTags: [] },
  // Test doubles implement the contracts' ports (the lab inventory answers for InventoryPort).
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:infra', 'type:lab', 'type:contracts'] },
  // End-to-end suites, benchmarks and their tools drive everything from outside.
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:domain', 'type:infra', 'type:contracts', 'type:lab', 'type:testing', 'type:tooling'] },
  // Workspace tooling (bundling, images, the Nx plugin) builds the apps; it never imports them.
  { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:tooling', 'type:infra'] },
  // Cluster code knows nothing of devices. Checked on direct imports, not transitively: the test
  // harnesses (libs/testing: the fake Kubernetes API beside the device lab) would otherwise put
  // every importer of libs/kube on a path to the lab through kube's own specs.
  { sourceTag: 'scope:cluster', onlyDependOnLibsWithTags: ['scope:cluster', 'scope:platform', 'type:tooling'] },
  // The web console runs in the browser and knows netkeep only through the REST API and its generated types.
  { sourceTag: 'scope:web', onlyDependOnLibsWithTags: [] },
];

// Specs may also drive the device lab (the real thing the medium tier talks to) and the
// test harnesses (real OpenSSH servers, Redis instances) that no production code may use.
const specDepConstraints = depConstraints.map((rule) =>
  rule.onlyDependOnLibsWithTags
    ? { ...rule, onlyDependOnLibsWithTags: [...new Set([...rule.onlyDependOnLibsWithTags, 'type:lab', 'type:testing'])] }
    : rule,
);

// The test doubles in libs/testing use infra libs (core's errors, ssh's platform names) whose own
// specs use libs/testing. Infra code may not import type:testing (above), so such a cycle can only
// run through specs and is allowed.
const specOnlyCycles = [['tag:type:testing', 'tag:type:infra']];

const boundaries = (constraints) => ({
  '@nx/enforce-module-boundaries': [
    'error',
    { enforceBuildableLibDependency: false, allow: [], depConstraints: constraints, ignoredCircularDependencies: specOnlyCycles },
  ],
});

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.nx/**', '**/fixtures/**'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    rules: {
      ...boundaries(depConstraints),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Terminals speak in control characters: escapes, BEL, NUL are what device output is made of.
      'no-control-regex': 'off',
    },
  },
  // A lib's testing/ folder (test apps, worker processes for specs) is spec support and may use the same harnesses.
  { files: ['**/*.spec.ts', '**/*.spec.tsx', 'test/**/*.ts', 'libs/*/src/**/testing/**/*.ts'], rules: boundaries(specDepConstraints) },
  // Project test configs share the root setup file, which is no project of its own.
  { files: ['**/vitest.config.ts'], rules: { '@nx/enforce-module-boundaries': 'off' } },
];
