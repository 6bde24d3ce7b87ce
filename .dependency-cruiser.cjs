// The shape of src/: folders in layers, each importing only from the layers below it, and no
// import cycle between files. Checked in `npm test` (tests/architecture/dependency-rules.test.ts)
// and by `npm run deps`. Type-only imports count: a cycle of types is a cycle of design.
//
// Lowest first. A folder may import from its own folder and from any folder in an earlier layer;
// folders in the same layer (the features) may not import each other. Files directly in src/
// (the commands: build, serve, check, cli, …) sit on top and may import anything.
const LAYERS = [
  ["diagnostics"], // problems: code, file, line, field, fix; how they are printed
  ["core"], // small pure helpers with no idea of news: slugs, memoize, file lists, digests, XML
  ["cache"], // what the build keeps between runs: rendered bodies, code fingerprints
  ["content"], // reading the files editors write: front matter, YAML data files, dates, schemas
  ["i18n"], // the words Tidings writes for readers, from one message catalogue per language
  ["markdown"], // the Markdown pipeline's building blocks and its general plugins
  ["model"], // the site model's types and the pure facts about them: addresses, kickers, links
  ["live", "embeds", "donation", "fronts", "series", "media", "history"], // newsroom features, each on its own
  ["config"], // tidings.config.yml: the whole schema, composed from the features'
  ["render"], // the Markdown pipeline assembled with the features' plugins, and its worker pool
  ["site"], // building the site model from the content: articles, authors, tags, sections, lists
  ["checks"], // whole-site checks: links, bylines, tag spellings
  ["pages"], // the page list and each page's view
  ["syndication"], // feeds, sitemaps, robots.txt, JSON-LD
  ["admin"], // the web editor: its generated config and page, and its local backend
  ["publish"], // writing the output: what a site publishes, page keys, page store, staging, static files, host limits
  ["search"], // the Pagefind index
  ["eleventy"], // the templates' glue
  ["setup"], // a new newsroom from its answers: its config and starter pages, and how its content differs from the sample's
];

const folder = (name) => `^src/${name}/`;
const layerRules = LAYERS.flatMap((layer, index) => {
  const above = LAYERS.slice(index + 1).flat();
  return layer.map((name) => ({
    name: `layer:${name}`,
    comment: `${name}/ may import only from its own folder and the layers below it (see LAYERS in .dependency-cruiser.cjs).`,
    severity: "error",
    from: { path: folder(name) },
    to: { path: [...above.map(folder), ...layer.filter((peer) => peer !== name).map(folder), "^src/[^/]+\\.ts$"] },
  }));
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycle",
      comment: "Files that import each other, directly or around a loop (type imports included), cannot be read or changed one at a time.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-unknown-folder",
      comment: "Every folder of src/ has a place in LAYERS in .dependency-cruiser.cjs.",
      severity: "error",
      from: { path: "^src/[^/]+/", pathNot: `^src/(${LAYERS.flat().join("|")})/` },
      to: {},
    },
    ...layerRules,
  ],
  options: {
    // swc reads TypeScript without a TypeScript compiler (the project's TypeScript 7 has no
    // JavaScript API), and keeps type-only imports, which tsPreCompilationDeps says to follow.
    parser: "swc",
    tsPreCompilationDeps: true,
    doNotFollow: { path: "node_modules" },
    exclude: { path: "\\.d\\.ts$" },
  },
};
