/**
 * The database a test runs on. The suites under test/server and test/storage run twice (see
 * vitest.config.ts): on SQLite (an in-memory database) and, when a PostgreSQL server is
 * reachable, on PostgreSQL (GONGWEN_TEST_ENGINE=postgres): then each database is a schema of
 * its own in the test database (GONGWEN_TEST_PG), created here and dropped after.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type TestEngine = "sqlite" | "postgres";

export const TEST_ENGINE: TestEngine = process.env.GONGWEN_TEST_ENGINE === "postgres" ? "postgres" : "sqlite";

export interface TestDatabase {
  /** What Store.open takes: ":memory:" or a postgres:// URL whose search_path is the schema. */
  target: string;
  engine: TestEngine;
  /** Remove the schema (PostgreSQL); nothing on SQLite. */
  drop(): Promise<void>;
}

function pgUrl(): string {
  const url = process.env.GONGWEN_TEST_PG;
  if (!url) throw new Error("GONGWEN_TEST_ENGINE=postgres needs GONGWEN_TEST_PG=postgres://…");
  return url;
}

async function admin<T>(run: (c: import("pg").Client) => Promise<T>): Promise<T> {
  const pg = (await import("pg")).default;
  const c = new pg.Client({ connectionString: pgUrl() });
  await c.connect();
  try {
    return await run(c);
  } finally {
    await c.end();
  }
}

/**
 * A fresh, empty database for one test; on SQLite in memory, or a temporary file with `file`
 * (when the test opens it more than once).
 */
export async function testDatabase(opts: { file?: boolean } = {}): Promise<TestDatabase> {
  const engine = TEST_ENGINE;
  if (engine === "sqlite")
    return {
      target: opts.file ? join(mkdtempSync(join(tmpdir(), "gongwen-db-")), "test.sqlite") : ":memory:",
      engine,
      drop: () => Promise.resolve(),
    };
  const schema = `t_${process.pid}_${randomBytes(6).toString("hex")}`;
  await admin((c) => c.query(`CREATE SCHEMA ${schema}`));
  const url = new URL(pgUrl());
  url.searchParams.set("options", `-c search_path=${schema}`);
  return {
    target: url.toString(),
    engine,
    drop: () => admin((c) => c.query(`DROP SCHEMA ${schema} CASCADE`)).then(() => undefined),
  };
}
