// The import graph's rules (README, design notes): test/architecture.test.ts checks src/ against them.
// A part is a folder directly under src/. Type-only imports count: an arrow is an arrow. The rules
// on where Detect, Document and Report may reach hold through any chain of imports, not only direct ones.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      // Inside one part, modules may call each other (the tree builder's insertion modes hand the
      // page to one another); a cycle that leaves the part ties two parts into one.
      name: 'no-cycle-across-parts',
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: { circular: true, via: { pathNot: '^src/$1/' } },
    },
    {
      name: 'library-not-cli',
      comment: 'Nothing outside src/cli/ imports the command line: the library works without it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'cli-through-the-api',
      comment: 'src/cli/ reads the library through src/index.ts only, besides the reporters and its own files.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/', pathNot: '^src/(cli/|report/|index\\.ts$)' },
    },
    {
      name: 'detect-not-config-or-policy',
      comment: 'Detectors find facts; they know nothing of policy files or licences.',
      severity: 'error',
      from: { path: '^src/detect/' },
      to: { path: '^src/(config|policy)/', reachable: true },
    },
    {
      name: 'report-not-detect',
      comment: 'Reporters format results; they never look at how evidence was found.',
      severity: 'error',
      from: { path: '^src/report/' },
      to: { path: '^src/detect/', reachable: true },
    },
    {
      name: 'document-not-detect-config-or-policy',
      comment: 'Reading a page into regions knows nothing of signals, policies or licences.',
      severity: 'error',
      from: { path: '^src/document/' },
      to: { path: '^src/(detect|config|policy)/', reachable: true },
    },
    {
      name: 'html-through-parse-html',
      comment: 'An HTML page is parsed through src/document/html/parse-html.ts, which picks the tree builder or parse5.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/document/html/' },
      to: { path: '^src/document/html/(html-tree\\.ts$|html-tree/|parse5-page\\.ts$)' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
  },
};
