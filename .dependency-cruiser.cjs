/**
 * Architecture rules (ARCHITECTURE.md §1), checked in `npm test` (`npm run deps:check`).
 * A violation fails the build; the message says which rule and why.
 */
const MODULES = '^apps/server/src/modules/';

module.exports = {
  forbidden: [
    {
      name: 'module-internals-via-index-only',
      comment: 'A module may use another module only through its index.ts (its public API).',
      severity: 'error',
      from: { path: `${MODULES}([^/]+)/` },
      to: { path: MODULES, pathNot: [`${MODULES}$1/`, `${MODULES}[^/]+/index\\.ts$`] },
    },
    {
      name: 'app-uses-modules-via-index-only',
      comment: 'Code outside modules/ (app, seed, cli, jobs) uses a module only through its index.ts.',
      severity: 'error',
      from: { path: '^apps/server/src/', pathNot: MODULES },
      to: { path: MODULES, pathNot: `${MODULES}[^/]+/index\\.ts$` },
    },
    {
      name: 'platform-never-imports-modules',
      comment: 'platform/ is infrastructure: it knows no business module.',
      severity: 'error',
      from: { path: '^apps/server/src/platform/' },
      to: { path: MODULES },
    },
    {
      name: 'shared-code-imports-no-entities',
      comment:
        'The record kit (platform/) and shared module code (shared/, imports/) know no entity: entities ' +
        'add themselves through registrations (registerRelatedType, registerExport, registerImportEntity…) ' +
        "made from their module's index.ts.",
      severity: 'error',
      from: { path: '^apps/server/src/(platform/|modules/[^/]+/(shared|imports)/)' },
      to: {
        path: ['^apps/server/src/modules/[^/]+/[^/]+/', '-record\\.ts$'],
        pathNot: '^apps/server/src/modules/[^/]+/(shared|imports)/',
      },
    },
    {
      name: 'web-never-imports-server',
      comment: 'The web app talks to the server over HTTP and shares only packages/contracts.',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^apps/server/' },
    },
    {
      name: 'contracts-stand-alone',
      comment: 'packages/contracts is imported by both apps and imports neither.',
      severity: 'error',
      from: { path: '^packages/contracts/' },
      to: { path: '^apps/' },
    },
    {
      name: 'web-features-independent',
      comment: 'A web feature folder does not import another feature; compose them in src/app.',
      severity: 'error',
      from: { path: '^apps/web/src/features/([^/]+)/' },
      to: { path: '^apps/web/src/features/', pathNot: '^apps/web/src/features/$1/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles (between modules or anywhere else).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|coverage)/' },
    parser: 'swc', // TypeScript 7 has no JS API; swc parses .ts/.tsx for dependency-cruiser
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
    },
  },
};
