/**
 * Opening the database: an embedded SQLite file (better-sqlite3) or a PostgreSQL server (pg),
 * both behind the same Kysely query layer. Folders and the backup file are made through the
 * library's safe-write module (util/fs-atomic.ts, by the public entry): no recursive mkdir, a
 * backup written to an exclusive temp file and renamed into place, never through a link at the
 * target, and file-system failures as messages naming the path (exit 2).
 */
import { dirname } from "node:path";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
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

/** Open `target`: a postgres:// URL, or a SQLite file (its folder is created if missing). */
export async function openDatabase(target: string, lang: Lang = "zh"): Promise<OpenedDatabase> {
  if (isPostgresUrl(target)) {
    const pg = (await import("pg")).default;
    // count(*) and bigint columns come back as strings from pg; integer columns stay numbers.
    const pool = new pg.Pool({ connectionString: target, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      engine: "postgres",
      file: null,
      backup: () => Promise.reject(new Error("PostgreSQL: use pg_dump for a backup")),
      close: () => db.destroy(),
    };
  }
  const SQLite = (await import("better-sqlite3")).default;
  if (target !== ":memory:") ensureDir(dirname(target), lang);
  let raw: InstanceType<typeof SQLite>;
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
    throw cannotOpen(e, target, lang);
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  return {
    db,
    engine: "sqlite",
    file: target,
    backup: (to, opts = {}) =>
      placeFileAtomic(
        to,
        async (tmp) => {
          await raw.backup(tmp);
        },
        { force: opts.force ?? false, lang: opts.lang ?? lang },
      ),
    close: () => db.destroy(),
  };
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
