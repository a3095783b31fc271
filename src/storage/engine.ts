/**
 * Opening the database: an embedded SQLite file (better-sqlite3) or a PostgreSQL server (pg),
 * both behind the same Kysely query layer. Folders and the backup file are made through the
 * library's safe-write module (util/fs-atomic.ts, by the public entry): no recursive mkdir, a
 * backup written to an exclusive temp file and renamed into place, never through a link at the
 * target, and file-system failures as messages naming the path (exit 2).
 */
import { lstatSync } from "node:fs";
import { dirname } from "node:path";
import {
  Kysely,
  PostgresDialect,
  PostgresIntrospector,
  SqliteDialect,
  sql,
  type DatabaseIntrospector,
  type TableMetadata,
} from "kysely";
import { ensureDir, fsError, placeFileAtomic, UserError, type Lang } from "../index.js";
import type { Database } from "./schema.js";

export type Engine = "sqlite" | "postgres";

export interface OpenedDatabase {
  db: Kysely<Database>;
  engine: Engine;
  /** The SQLite file, or null on PostgreSQL. */
  file: string | null;
  /**
   * A consistent copy of the database while it is in use (SQLite's online backup), written
   * atomically; `force` replaces an existing file (or a link, never followed).
   */
  backup(target: string, opts?: { force?: boolean; lang?: Lang }): Promise<void>;
  close(): Promise<void>;
}

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//.test(target);
}

/**
 * The tables of the connection's current schema only. Kysely's PostgreSQL introspector (0.28)
 * lists the tables of every schema and checks each schema's privilege by its name, which fails
 * ("schema … does not exist") when another connection drops a schema meanwhile: seen as the
 * flaky "schema t_… does not exist" of the test suites, where every test has a schema of its
 * own, and it would meet a deployment whose database holds other schemas too. The migrator, the
 * one user of introspection here, needs only this schema's table names.
 */
class CurrentSchemaIntrospector extends PostgresIntrospector {
  constructor(private readonly kdb: Kysely<unknown>) {
    super(kdb);
  }

  override async getTables(): Promise<TableMetadata[]> {
    const { rows } = await sql<{ name: string; schema: string; kind: string }>`
      SELECT c.relname AS name, n.nspname AS schema, c.relkind AS kind
      FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'v', 'p')
      ORDER BY c.relname`.execute(this.kdb);
    return rows.map((t) => ({ name: t.name, schema: t.schema, isView: t.kind === "v", columns: [] }));
  }
}

class GongwenPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new CurrentSchemaIntrospector(db);
  }
}

/** Open `target`: a postgres:// URL, or a SQLite file (its folder is created if missing). */
export async function openDatabase(target: string, lang: Lang = "zh"): Promise<OpenedDatabase> {
  if (isPostgresUrl(target)) {
    const pg = (await import("pg")).default;
    // count(*) and bigint columns come back as strings from pg; integer columns stay numbers.
    const pool = new pg.Pool({ connectionString: target, max: 10 });
    const db = new Kysely<Database>({ dialect: new GongwenPostgresDialect({ pool }) });
    return {
      db,
      engine: "postgres",
      file: null,
      backup: () => Promise.reject(new Error("PostgreSQL: use pg_dump for a backup")),
      close: () => db.destroy(),
    };
  }
  const SQLite = (await import("better-sqlite3")).default;
  if (target !== ":memory:") {
    ensureDir(dirname(target), lang);
    refuseLink(target, lang);
  }
  let raw: InstanceType<typeof SQLite> | undefined;
  try {
    raw = new SQLite(target);
    // WAL: readers never block the writer and a committed transaction survives the process
    // being killed (synchronous=NORMAL syncs at checkpoints; FULL would also survive power loss
    // on every commit at an fsync each). The first statement also finds a file that is no database.
    raw.pragma("journal_mode = WAL");
    raw.pragma("synchronous = NORMAL");
    raw.pragma("foreign_keys = ON");
    raw.pragma("busy_timeout = 5000");
  } catch (e) {
    raw?.close(); // a file that is no database: not left open behind the message
    throw cannotOpen(e, target, lang);
  }
  const sqlite = raw;
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    engine: "sqlite",
    file: target,
    backup: (to, opts = {}) =>
      placeFileAtomic(
        to,
        async (tmp) => {
          await sqlite.backup(tmp);
        },
        { force: opts.force ?? false, lang: opts.lang ?? lang },
      ),
    close: async () => {
      await db.destroy();
      // Kysely closes the handle only if a query ever ran (its driver starts on first use).
      if (sqlite.open) sqlite.close();
    },
  };
}

/**
 * The database file is never opened through a symbolic link: SQLite would write the database
 * (or create it) wherever the link points, and its -wal and -shm files beside the link.
 */
function refuseLink(target: string, lang: Lang): void {
  let isLink = false;
  try {
    isLink = lstatSync(target).isSymbolicLink();
  } catch {
    return; // not there yet: SQLite creates it
  }
  if (isLink)
    throw new UserError(
      lang === "en"
        ? `cannot open the database ${target}: it is a symbolic link; give the file it points to`
        : `无法打开数据库文件 ${target}：它是一个符号链接；请直接指定它指向的文件`,
    );
}

/** SQLite could not open the file: a message naming it (the folder is known to exist). */
function cannotOpen(e: unknown, target: string, lang: Lang): unknown {
  const mapped = fsError(e, target, lang, "write");
  if (mapped instanceof UserError) return mapped;
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== "string" || !code.startsWith("SQLITE_")) return e;
  const why =
    code === "SQLITE_NOTADB"
      ? ["不是 SQLite 数据库文件", "not a SQLite database"]
      : ["无法打开", "cannot open it"];
  return new UserError(
    lang === "en"
      ? `cannot open the database ${target}: ${why[1]}`
      : `无法打开数据库文件 ${target}：${why[0]}`,
  );
}
