/* global module */
/**
 * The layer order, enforced by `npm run lint` (dependency-cruiser). A module may import its own
 * layer and the layers below it, never one above:
 *
 *   util → data → calendar, law → annual-report (table model) → facts → audit → compose
 *        → letters;   document (tree, layout) → render (docx, pdf, xlsx writers)
 *   cli on top of everything; src/index.ts is the public entry (package.json `exports`);
 *   src/server, src/jobs and src/storage are adapters that import only the public entry
 *   (the server and the jobs also storage; the server the jobs' queue).
 *
 * Type-only imports count: a lower layer that names a higher layer's type depends on it.
 */
const layer = (name, from, allowed) => ({
  name: `layer-${name}`,
  severity: "error",
  comment: `${name} may import only ${allowed.join(", ")}`,
  from: { path: from },
  to: { path: "^src/", pathNot: `^src/(${allowed.join("|")})(/|\\.ts$)` },
});

const LOW = ["util", "data"];
const TIME_LAW = [...LOW, "calendar", "law"];
const FACTS = [...TIME_LAW, "annual-report", "facts"];
const AUDIT = [...FACTS, "audit"];
const COMPOSE = [...AUDIT, "document", "compose"];

module.exports = {
  forbidden: [
    layer("util", "^src/util/", ["util"]),
    layer("data", "^src/data/", LOW),
    layer("calendar", "^src/calendar/", TIME_LAW),
    layer("law", "^src/law/", TIME_LAW),
    layer("annual-report", "^src/annual-report/", [...TIME_LAW, "annual-report"]),
    layer("facts", "^src/facts/", FACTS),
    layer("audit", "^src/audit/", AUDIT),
    layer("document", "^src/document/", ["util", "document"]),
    layer("render", "^src/render/", ["util", "document", "render"]),
    layer("compose", "^src/compose/", COMPOSE),
    // The letters' decisions and composition; writing a batch of files (and the print settings
    // of the letters' configuration, e.g. the seal mode; the ledger of issued numbers beside the
    // outputs, under the manifest's lock) also reaches the writers.
    layer("letters", "^src/letters/(?!(batch|job-runner|worker|config|issued-ledger)\\.ts$)", [
      ...COMPOSE,
      "letters",
    ]),
    layer("letters-output", "^src/letters/(batch|job-runner|worker|config|issued-ledger)\\.ts$", [
      ...COMPOSE,
      "letters",
      "render",
    ]),
    layer("public-entry", "^src/index\\.ts$", [...COMPOSE, "letters", "render"]),
    layer("server", "^src/server/", ["index", "server", "storage", "jobs"]),
    layer("jobs", "^src/jobs/", ["index", "jobs", "storage"]),
    layer("storage", "^src/storage/", ["index", "storage"]),
    {
      name: "no-adapters-below",
      severity: "error",
      comment:
        "only the adapters (server, jobs) import storage; nothing in the library imports the adapters or the CLI",
      from: { path: "^src/", pathNot: "^src/(cli|server|storage|jobs)/" },
      to: { path: "^src/(cli|server|storage|jobs)/" },
    },
    {
      name: "no-circular",
      severity: "error",
      comment:
        "library modules form no import cycle (known cycles, to be broken: the CLI's command " +
        "list and demo; the PDF flow layout and its table layout)",
      from: { path: "^src/", pathNot: "^src/cli/|^src/render/pdf/(layout|tables)\\.ts$" },
      to: { circular: true },
    },
    {
      name: "resolvable",
      severity: "error",
      comment: "every relative import resolves (else the layer rules could not see it)",
      from: { path: "^src/" },
      to: { couldNotResolve: true, path: "^\\." },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};
