/**
 * Copying a whole workbench database to another (an office that outgrew its machine: SQLite →
 * PostgreSQL; any direction works). The target must be migrated and empty. Every table is
 * copied row by row with its keys, inside one transaction on the target; before it commits,
 * each table's row count and digest are compared with the source's, so a copy either matches
 * exactly or leaves the target as it was.
 */
import { createHash } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { OpenedDatabase } from "./engine.js";
import { migrateToLatest } from "./migrations.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;
type Row = Record<string, unknown>;

/** Tables in an order that satisfies their foreign keys; any other table follows, by name. */
const ORDER = ["office", "app_user", "year_data", "application", "approval_case"];
const SKIP = new Set(["kysely_migration", "kysely_migration_lock"]);

export interface TableCopy {
  table: string;
  rows: number;
  /** sha256 over the rows (order-independent; values by column, numbers as decimal text). */
  digest: string;
}

/** A copy refused or failed its check; nothing was written to the target. */
export class CopyFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CopyFailed";
  }
}

async function tables(db: OpenedDatabase): Promise<string[]> {
  const names =
    db.engine === "sqlite"
      ? (
          await sql<{
            name: string;
          }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`.execute(db.db)
        ).rows.map((r) => r.name)
      : (
          await sql<{
            name: string;
          }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`.execute(
            db.db,
          )
        ).rows.map((r) => r.name);
  const rest = names.filter((n) => !SKIP.has(n) && !ORDER.includes(n)).sort();
  return [...ORDER.filter((n) => names.includes(n)), ...rest];
}

function cell(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "bigint") return String(v);
  if (typeof v === "boolean") return v ? "1" : "0";
  if (v instanceof Date) return v.toISOString();
  if (Buffer.isBuffer(v)) return v.toString("base64");
  return String(v);
}

/** The digest of a table's rows: each row's columns by name, the rows' hashes sorted. */
export function digestRows(rows: readonly Row[]): string {
  const hashes = rows
    .map((r) => {
      const cols = Object.keys(r).sort();
      return createHash("sha256")
        .update(JSON.stringify(cols.map((c) => [c, cell(r[c])])))
        .digest("hex");
    })
    .sort();
  const h = createHash("sha256");
  for (const x of hashes) h.update(x);
  return h.digest("hex");
}

async function readAll(db: AnyDb, table: string): Promise<Row[]> {
  // Agencies parents first (an agency moved under a later one has a smaller id than its parent).
  if (table === "office") {
    const rows = (await db.selectFrom(table).selectAll().orderBy("id").execute()) as Row[];
    const out: Row[] = [];
    const placed = new Set<unknown>();
    let rest = rows;
    while (rest.length > 0) {
      const ready = rest.filter((r) => r.parent_id === null || placed.has(Number(r.parent_id)));
      // A parent that is not there (cannot happen with the foreign key): keep the rest by id.
      if (ready.length === 0) return [...out, ...rest];
      for (const r of ready) {
        out.push(r);
        placed.add(Number(r.id));
      }
      rest = rest.filter((r) => !ready.includes(r));
    }
    return out;
  }
  return (await db.selectFrom(table).selectAll().execute()) as Row[];
}

/**
 * Copy every table of `from` into `to` (migrated first; refused unless empty). Returns each
 * table's count and digest, equal on both sides.
 */
export async function copyDatabase(from: OpenedDatabase, to: OpenedDatabase): Promise<TableCopy[]> {
  await migrateToLatest(from.db, from.engine);
  await migrateToLatest(to.db, to.engine);
  const source = await tables(from);
  const target = new Set(await tables(to));
  const missing = source.filter((t) => !target.has(t));
  if (missing.length > 0) throw new CopyFailed(`目标数据库缺少数据表：${missing.join("、")}`);
  // One read transaction on the source (a consistent snapshot while a server runs on it).
  const data = await from.db.transaction().execute(async (trx) => {
    const out = new Map<string, Row[]>();
    for (const t of source) out.set(t, await readAll(trx as AnyDb, t));
    return out;
  });
  return to.db.transaction().execute(async (trx) => {
    const db = trx as AnyDb;
    for (const t of source) {
      const n = await db
        .selectFrom(t)
        .select(sql<number | string>`count(*)`.as("n"))
        .executeTakeFirstOrThrow();
      if (Number(n.n) > 0) throw new CopyFailed(`目标数据库不是空的（数据表 ${t} 已有 ${Number(n.n)} 行）`);
    }
    const report: TableCopy[] = [];
    for (const t of source) {
      const rows = data.get(t)!;
      const width = Math.max(1, Object.keys(rows[0] ?? {}).length);
      const batch = Math.max(1, Math.floor(900 / width));
      for (let i = 0; i < rows.length; i += batch)
        await db
          .insertInto(t)
          .values(rows.slice(i, i + batch))
          .execute();
      // Serial keys continue after the copied ids (PostgreSQL; SQLite keeps its own count).
      if (to.engine === "postgres" && rows.length > 0 && "id" in rows[0]!)
        await sql`SELECT setval(pg_get_serial_sequence(${t}, 'id'), (SELECT max(id) FROM ${sql.table(t)}))`.execute(
          db,
        );
      const copied = await readAll(db, t);
      const want = digestRows(rows);
      const got = digestRows(copied);
      if (copied.length !== rows.length || got !== want)
        throw new CopyFailed(
          `数据表 ${t} 复制后核对不一致（源 ${rows.length} 行，目标 ${copied.length} 行），未写入任何内容`,
        );
      report.push({ table: t, rows: rows.length, digest: want });
    }
    return report;
  });
}
