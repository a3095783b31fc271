import os from "node:os";
import { defineConfig } from "vitest/config";

// `npm test` runs the fast suite; `npm run test:full` (GONGWEN_TEST_FULL=1) runs only the
// exhaustive and slow files named `*.full.test.ts` (LibreOffice layouts of every document,
// OCR, real-browser tests, long fuzz rounds). CI runs both.
const full = process.env.GONGWEN_TEST_FULL === "1";
const include = full ? ["test/**/*.full.test.ts"] : ["test/**/*.test.ts"];
const exclude = full ? ["**/node_modules/**"] : ["**/node_modules/**", "test/**/*.full.test.ts"];

// The database suites (test/server, test/storage) run once more on PostgreSQL when one is
// reachable: GONGWEN_TEST_PG=postgres://… (.ci/run sets it), or else the local cluster with the
// test role .ci/run creates. GONGWEN_TEST_PG set but unreachable fails the run (no silent skip).
const LOCAL_PG = "postgres://gongwen:gongwen@127.0.0.1:5432/gongwen_test";
const DB_SUITES = ["test/server/**", "test/storage/**"];

async function reachable(url: string): Promise<boolean> {
  const pg = (await import("pg")).default;
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

export default defineConfig(async () => {
  const given = process.env.GONGWEN_TEST_PG;
  const pgUrl =
    given || (process.env.GONGWEN_TEST_NO_PG === "1" ? "" : (await reachable(LOCAL_PG)) ? LOCAL_PG : "");
  // isolate: false — each worker evaluates src/ and the packages once and runs file after file in
  // the same module graph, instead of a fresh process per file that imports everything again
  // (about 0.9 s of collect per file, 45 % of the run's CPU). The tests keep no state across files:
  // none uses vi.mock or stubs globals, the few that set process.env restore it, vi.spyOn is undone
  // after each file, and servers, databases and temp folders are closed in afterAll.
  const base = { testTimeout: 60_000, hookTimeout: 120_000, pool: "forks" as const, isolate: false };
  return {
    test: {
      ...base,
      // vitest's default is one worker per core minus one: a single worker on a 2-core machine,
      // and most files here wait on child processes (the binary, LibreOffice, pdftotext).
      maxWorkers: Math.max(2, os.availableParallelism() - 1),
      projects: [
        { extends: true, test: { name: "sqlite", include, exclude } },
        ...(pgUrl
          ? [
              {
                extends: true,
                test: {
                  name: "postgres",
                  include: include.flatMap((p) => DB_SUITES.map((d) => d + p.replace(/^test\/\*\*/, ""))),
                  exclude,
                  env: { GONGWEN_TEST_ENGINE: "postgres", GONGWEN_TEST_PG: pgUrl },
                },
              },
            ]
          : []),
      ],
    },
  };
});
