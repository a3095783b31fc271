/**
 * The workbench's storage: offices, years, records, history, issued letters. Every write is one
 * transaction; history rows are only ever inserted. Callers get and give records in the dataset
 * schema's shape; SQL stays in this module.
 */
import { sql, type Kysely, type Transaction } from "kysely";
import type { Application, ApprovalCase, Dataset, Lang } from "../index.js";
import { migrateToLatest } from "./migrations.js";
import { openDatabase, type Engine, type OpenedDatabase } from "./engine.js";
import type { Database } from "./schema.js";
import { Accounts } from "./accounts.js";
import { BatchOutputs } from "./batch-outputs.js";

type Db = Kysely<Database> | Transaction<Database>;
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

import { StorageConflict } from "./errors.js";

export { StorageConflict };

/** Who made a change: a user (named in history by id), or a name (the command line, loads). */
export type Who = string | { userId: number; name: string };

function whoName(who: Who): string {
  return typeof who === "string" ? who : who.name;
}

function whoId(who: Who): number | null {
  return typeof who === "string" ? null : who.userId;
}

export interface StoredApplication {
  year: number;
  seq: number;
  record: Application;
  version: number;
}

export interface HistoryEntry {
  id: number;
  recordId: string;
  at: string;
  who: string;
  userId: number | null;
  action: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

export interface IssuedLetter {
  id: number;
  appId: string;
  suffix: string;
  kind: string;
  version: number;
  docNumber: string | null;
  date: string;
  snapshot: Application;
  issuedAt: string;
  who: string;
}

export interface SignOff {
  /** The record's version the head signed off. */
  version: number;
  userId: number;
  name: string;
  at: string;
}

/** The highest number a dataset issued in a pattern and year (see raiseCounters). */
export interface CounterFloor {
  pattern: string;
  year: string;
  seq: number;
}

/** The deployment's SMTP settings as stored (the password only says whether one is kept). */
export interface MailSettings {
  host: string;
  port: number;
  secure: boolean;
  username: string | null;
  from: string;
  hasPassword: boolean;
  updatedAt: string;
  /** Who saved them: the user's display name (null when unknown). */
  updatedBy: string | null;
}

export interface Office {
  id: number;
  name: string;
  /** The agency above it; null for a root. */
  parentId: number | null;
}

/** One history row of a change: record id, field, old value, new value (JSON or null). */
type HistoryRow = [string, string, string | null, string | null];

/** History rows per INSERT: 10 parameters each, far below SQLite's and PostgreSQL's limits. */
const HISTORY_CHUNK = 500;

/**
 * Agencies per query of a whole scope: one parameter each, within SQLite's 32,766 and
 * PostgreSQL's 65,535 (a province's agencies in one query).
 */
const SCOPE_CHUNK = 10_000;

function now(): string {
  return new Date().toISOString();
}

/** Dotted paths of every leaf of a JSON value (arrays by index), with the value's JSON. */
function leaves(value: unknown, prefix: string, out: Map<string, string>): void {
  if (value !== null && typeof value === "object") {
    const entries = Array.isArray(value)
      ? value.map((v, i) => [String(i), v] as const)
      : Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) out.set(prefix, JSON.stringify(value));
    for (const [k, v] of entries) leaves(v, prefix === "" ? k : `${prefix}.${k}`, out);
  } else if (value !== undefined) out.set(prefix, JSON.stringify(value));
}

/** Field-by-field changes between two records: [field, old, new]. */
export function recordChanges(before: unknown, after: unknown): [string, string | null, string | null][] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  leaves(before, "", a);
  leaves(after, "", b);
  const out: [string, string | null, string | null][] = [];
  for (const [k, v] of a) {
    const w = b.get(k);
    if (w !== v) out.push([k, v, w ?? null]);
  }
  for (const [k, w] of b) if (!a.has(k)) out.push([k, null, w]);
  return out;
}

/**
 * The counter of a document-number pattern in a year: "YYYY/pattern" (PostgreSQL text cannot
 * hold the NUL the first release used; migration 0002 renames those).
 */
export function counterName(pattern: string, year: string): string {
  return `${year}/${pattern}`;
}

const LIST_NAMES = ["applications", "cases"] as const;

/** The dataset's body (record lists emptied, places kept) and which lists it had. */
function splitDataset(dataset: Dataset): {
  body: string;
  lists: string[];
  apps: Application[];
  cases: ApprovalCase[];
} {
  const copy = JSON.parse(JSON.stringify(dataset)) as Dataset;
  const lists: string[] = [];
  let apps: Application[] = [];
  let cases: ApprovalCase[] = [];
  if (Array.isArray(copy.disclosure?.applications)) {
    lists.push("applications");
    apps = copy.disclosure.applications;
    copy.disclosure.applications = [];
  }
  if (copy.approval && Array.isArray(copy.approval.cases)) {
    lists.push("cases");
    cases = copy.approval.cases;
    copy.approval.cases = [];
  }
  return { body: JSON.stringify(copy), lists, apps, cases };
}

export class Store {
  /** Users, sessions, login failures and sign-offs. */
  readonly accounts: Accounts;
  /** The files of year-end batch jobs. */
  readonly batchOutputs: BatchOutputs;

  private constructor(
    readonly opened: OpenedDatabase,
    readonly db: Kysely<Database>,
  ) {
    this.accounts = new Accounts(db);
    this.batchOutputs = new BatchOutputs(db);
  }

  get engine(): Engine {
    return this.opened.engine;
  }

  /** Open (and migrate) the database at `target`: a SQLite file or a postgres:// URL. */
  static async open(target: string, lang: Lang = "zh"): Promise<Store> {
    const opened = await openDatabase(target, lang);
    await migrateToLatest(opened.db, opened.engine);
    return new Store(opened, opened.db);
  }

  close(): Promise<void> {
    return this.opened.close();
  }

  /**
   * Serialize the writes that number things in an office (record positions, letter versions,
   * 文号) across connections: on PostgreSQL the office row is locked until the transaction
   * ends; SQLite runs one transaction at a time on its single connection anyway.
   */
  private async lockOffice(trx: Db, officeId: number): Promise<void> {
    if (this.engine !== "postgres") return;
    await trx.selectFrom("office").select("id").where("id", "=", officeId).forUpdate().execute();
  }

  /** See OpenedDatabase.backup: atomic, a link at `target` refused (replaced with `force`). */
  backup(target: string, opts?: { force?: boolean; lang?: Lang }): Promise<void> {
    return this.opened.backup(target, opts);
  }

  // ---- offices and years -------------------------------------------------------------------

  /** Every agency, by id (a parent before the agencies under it). */
  async offices(): Promise<Office[]> {
    const rows = await this.db
      .selectFrom("office")
      .select(["id", "name", "parent_id"])
      .orderBy("id")
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      name: r.name,
      parentId: r.parent_id === null ? null : Number(r.parent_id),
    }));
  }

  /**
   * Create an office (an agency; under `parentId` in the tree, or a root) with its first
   * year's dataset, in one transaction.
   */
  async createOffice(
    dataset: Dataset,
    who: Who,
    floors: readonly CounterFloor[] = [],
    parentId: number | null = null,
  ): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("office")
        .values({ name: dataset.agency.name, created_at: now(), parent_id: parentId })
        .returning("id")
        .executeTakeFirstOrThrow();
      await this.writeYear(trx, row.id, dataset, who, "create-office");
      await this.raiseCounters(trx, row.id, floors);
      await this.bump(trx, row.id, dataset.year);
      return row.id;
    });
  }

  async years(officeId: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom("year_data")
      .select("year")
      .where("office_id", "=", officeId)
      .orderBy("year")
      .execute();
    return rows.map((r) => Number(r.year));
  }

  /**
   * The stored years of several agencies at once, by agency (every agency given has an entry,
   * empty when it has no year): one query for a whole scope (the 年终批量 page of a city's
   * 监督), in chunks of SCOPE_CHUNK agencies only beyond that.
   */
  async yearsOfAgencies(officeIds: readonly number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>(officeIds.map((id) => [id, []]));
    const ids = [...new Set(officeIds)];
    for (let i = 0; i < ids.length; i += SCOPE_CHUNK) {
      const rows = await this.db
        .selectFrom("year_data")
        .select(["office_id", "year"])
        .where("office_id", "in", ids.slice(i, i + SCOPE_CHUNK))
        .orderBy("office_id")
        .orderBy("year")
        .execute();
      for (const r of rows) out.get(Number(r.office_id))?.push(Number(r.year));
    }
    return out;
  }

  /**
   * Load a year's dataset into an office. A year already present is refused unless `replace`;
   * replacing swaps every record of the year in the same transaction.
   */
  async importYear(
    officeId: number,
    dataset: Dataset,
    who: Who,
    replace = false,
    floors: readonly CounterFloor[] = [],
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await this.lockOffice(trx, officeId);
      const existing = await trx
        .selectFrom("year_data")
        .select("year")
        .where("office_id", "=", officeId)
        .where("year", "=", dataset.year)
        .executeTakeFirst();
      if (existing && !replace)
        throw new StorageConflict(`${dataset.year}年度的数据已存在；如需替换，请选择“替换已有年度”`);
      if (existing) {
        await trx
          .deleteFrom("application")
          .where("office_id", "=", officeId)
          .where("year", "=", dataset.year)
          .execute();
        await trx
          .deleteFrom("approval_case")
          .where("office_id", "=", officeId)
          .where("year", "=", dataset.year)
          .execute();
        await trx
          .deleteFrom("year_data")
          .where("office_id", "=", officeId)
          .where("year", "=", dataset.year)
          .execute();
      }
      await this.writeYear(trx, officeId, dataset, who, "import");
      await this.raiseCounters(trx, officeId, floors);
      await this.bump(trx, officeId, dataset.year);
    });
  }

  private async writeYear(
    trx: Db,
    officeId: number,
    dataset: Dataset,
    who: Who,
    action: string,
  ): Promise<void> {
    const { body, lists, apps, cases } = splitDataset(dataset);
    const at = now();
    await trx
      .insertInto("year_data")
      .values({ office_id: officeId, year: dataset.year, body, lists: lists.join(","), updated_at: at })
      .execute();
    // Batches keep each statement's parameter count well under SQLite's limit.
    for (let i = 0; i < apps.length; i += 200) {
      await trx
        .insertInto("application")
        .values(
          apps.slice(i, i + 200).map((a, j) => ({
            office_id: officeId,
            year: dataset.year,
            seq: i + j,
            app_id: a.id,
            replied: a.reply?.date ?? null,
            record: JSON.stringify(a),
            version: 1,
            updated_at: at,
          })),
        )
        .execute();
    }
    for (let i = 0; i < cases.length; i += 200) {
      await trx
        .insertInto("approval_case")
        .values(
          cases.slice(i, i + 200).map((c, j) => ({
            office_id: officeId,
            year: dataset.year,
            seq: i + j,
            case_id: c.id,
            record: JSON.stringify(c),
            updated_at: at,
          })),
        )
        .execute();
    }
    await trx
      .insertInto("history")
      .values({
        office_id: officeId,
        year: dataset.year,
        record_id: "",
        at,
        who: whoName(who),
        user_id: whoId(who),
        action,
        field: "",
        old_value: null,
        new_value: `${apps.length} applications, ${cases.length} cases`,
      })
      .execute();
  }

  /** The year's dataset without its records (record lists empty where the dataset has them). */
  async yearBody(officeId: number, year: number): Promise<Dataset | null> {
    const row = await this.db
      .selectFrom("year_data")
      .select(["body"])
      .where("office_id", "=", officeId)
      .where("year", "=", year)
      .executeTakeFirst();
    return row ? (JSON.parse(row.body) as Dataset) : null;
  }

  /**
   * When the year's own settings (its body) were last written, or null for a year not stored:
   * a process that keeps the body compares it to see another process's change.
   */
  async yearBodyStamp(officeId: number, year: number): Promise<string | null> {
    const row = await this.db
      .selectFrom("year_data")
      .select(["updated_at"])
      .where("office_id", "=", officeId)
      .where("year", "=", year)
      .executeTakeFirst();
    return row ? String(row.updated_at) : null;
  }

  /** Replace the year's own settings (agency, narrative …), keeping its records. */
  async updateYearBody(officeId: number, dataset: Dataset, who: Who): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom("year_data")
        .select(["body", "lists"])
        .where("office_id", "=", officeId)
        .where("year", "=", dataset.year)
        .executeTakeFirstOrThrow();
      const { body } = splitDataset(dataset);
      const at = now();
      const rows = recordChanges(JSON.parse(row.body), JSON.parse(body)).map(([field, o, n]): HistoryRow => [
        "",
        field,
        o,
        n,
      ]);
      await this.historyRows(trx, officeId, dataset.year, at, who, "settings", rows);
      await trx
        .updateTable("year_data")
        .set({ body, updated_at: at })
        .where("office_id", "=", officeId)
        .where("year", "=", dataset.year)
        .execute();
      await this.bump(trx, officeId, dataset.year);
    });
  }

  /** The whole dataset of a year, records in their order: exactly what was imported plus changes. */
  async exportYear(officeId: number, year: number): Promise<Dataset | null> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom("year_data")
        .select(["body", "lists"])
        .where("office_id", "=", officeId)
        .where("year", "=", year)
        .executeTakeFirst();
      if (!row) return null;
      const dataset = JSON.parse(row.body) as Dataset;
      const lists = row.lists.split(",").filter((s) => (LIST_NAMES as readonly string[]).includes(s));
      const apps = await trx
        .selectFrom("application")
        .select("record")
        .where("office_id", "=", officeId)
        .where("year", "=", year)
        .orderBy("seq")
        .execute();
      if (lists.includes("applications") || apps.length > 0) {
        // The letters issued here go with their records (the latest version of each), so the
        // command line keeps their numbers (letters: issued numbers never move).
        const issued = await trx
          .selectFrom("letter")
          .select(["app_id", "suffix", "doc_number", "letter_date"])
          .where("office_id", "=", officeId)
          .where("year", "=", year)
          .where("doc_number", "is not", null)
          .orderBy("id")
          .execute();
        const byApp = new Map<string, Record<string, { docNumber: string; date: string }>>();
        for (const l of issued) {
          const m = byApp.get(l.app_id) ?? {};
          m[l.suffix] = { docNumber: l.doc_number!, date: l.letter_date };
          byApp.set(l.app_id, m);
        }
        dataset.disclosure.applications = apps.map((a) => {
          const record = JSON.parse(a.record) as Application;
          const own = byApp.get(record.id);
          if (own) record.issued = { ...record.issued, ...own };
          return record;
        });
      }
      const cases = await trx
        .selectFrom("approval_case")
        .select("record")
        .where("office_id", "=", officeId)
        .where("year", "=", year)
        .orderBy("seq")
        .execute();
      if (dataset.approval && (lists.includes("cases") || cases.length > 0))
        dataset.approval.cases = cases.map((c) => JSON.parse(c.record) as ApprovalCase);
      return dataset;
    });
  }

  // ---- applications ------------------------------------------------------------------------

  async application(officeId: number, year: number, appId: string): Promise<StoredApplication | null> {
    const row = await this.db
      .selectFrom("application")
      .select(["year", "seq", "record", "version"])
      .where("office_id", "=", officeId)
      .where("year", "=", year)
      .where("app_id", "=", appId)
      .executeTakeFirst();
    return row
      ? {
          year: Number(row.year),
          seq: Number(row.seq),
          record: JSON.parse(row.record) as Application,
          version: Number(row.version),
        }
      : null;
  }

  /** Every application of an office, open ones only unless `all`. */
  async applications(
    officeId: number,
    opts: { openOnly?: boolean; openOn?: string; year?: number } = {},
  ): Promise<StoredApplication[]> {
    let q = this.db
      .selectFrom("application")
      .select(["year", "seq", "record", "version"])
      .where("office_id", "=", officeId);
    if (opts.openOnly) q = q.where("replied", "is", null);
    // Open on a day: not replied, or replied after it.
    if (opts.openOn !== undefined) {
      const day = opts.openOn;
      q = q.where((eb) => eb.or([eb("replied", "is", null), eb("replied", ">", day)]));
    }
    if (opts.year !== undefined) q = q.where("year", "=", opts.year);
    const rows = await q.orderBy("year").orderBy("seq").execute();
    return rows.map((r) => ({
      year: Number(r.year),
      seq: Number(r.seq),
      record: JSON.parse(r.record) as Application,
      version: Number(r.version),
    }));
  }

  /**
   * Which applications were open on a day (not replied, or replied after it), without their
   * records: year, position, id and a stamp that changes whenever the record does.
   */
  async openStamps(
    officeId: number,
    day: string,
  ): Promise<{ year: number; seq: number; id: string; stamp: string }[]> {
    const rows = await this.db
      .selectFrom("application")
      .select(["year", "seq", "app_id", "version", "updated_at"])
      .where("office_id", "=", officeId)
      .where((eb) => eb.or([eb("replied", "is", null), eb("replied", ">", day)]))
      .orderBy("year")
      .orderBy("seq")
      .execute();
    return rows.map((r) => ({
      year: Number(r.year),
      seq: Number(r.seq),
      id: r.app_id,
      stamp: `${r.version}/${r.updated_at}`,
    }));
  }

  /** The records of some applications of a year, by id, with their stamps. */
  async applicationsById(
    officeId: number,
    year: number,
    ids: readonly string[],
  ): Promise<Map<string, { record: Application; stamp: string; seq: number; version: number }>> {
    const out = new Map<string, { record: Application; stamp: string; seq: number; version: number }>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.db
        .selectFrom("application")
        .select(["app_id", "seq", "record", "version", "updated_at"])
        .where("office_id", "=", officeId)
        .where("year", "=", year)
        .where("app_id", "in", ids.slice(i, i + 500))
        .execute();
      for (const r of rows)
        out.set(r.app_id, {
          record: JSON.parse(r.record) as Application,
          stamp: `${r.version}/${r.updated_at}`,
          seq: Number(r.seq),
          version: Number(r.version),
        });
    }
    return out;
  }

  /** Register a new application at the end of its year's list. */
  async insertApplication(
    officeId: number,
    year: number,
    record: Application,
    who: Who,
    newYear: Dataset | null = null,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await this.lockOffice(trx, officeId);
      // The first application of a year not yet stored starts that year, in the same transaction.
      if (newYear) await this.writeYear(trx, officeId, newYear, who, "new-year");
      const dup = await trx
        .selectFrom("application")
        .select("app_id")
        .where("office_id", "=", officeId)
        .where("year", "=", year)
        .where("app_id", "=", record.id)
        .executeTakeFirst();
      if (dup) throw new StorageConflict(`登记号 ${record.id} 已被使用`);
      const seq = await this.nextSeq(trx, "application", officeId, year);
      const at = now();
      await trx
        .insertInto("application")
        .values({
          office_id: officeId,
          year,
          seq,
          app_id: record.id,
          replied: record.reply?.date ?? null,
          record: JSON.stringify(record),
          version: 1,
          updated_at: at,
        })
        .execute();
      const rows = recordChanges(undefined, record).map(([field, , n]): HistoryRow => [
        record.id,
        field,
        null,
        n,
      ]);
      await this.historyRows(trx, officeId, year, at, who, "register", rows);
      await this.bump(trx, officeId, year);
    });
  }

  /**
   * Replace an application's record (a step recorded), if it is still at `version`. Each changed
   * field is a history row, old → new.
   */
  async updateApplication(
    officeId: number,
    year: number,
    record: Application,
    version: number,
    who: Who,
    action: string,
  ): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      let q = trx
        .selectFrom("application")
        .select(["record", "version"])
        .where("office_id", "=", officeId)
        .where("year", "=", year)
        .where("app_id", "=", record.id);
      // Another connection's change to the same row waits here (PostgreSQL), so the version
      // check below sees it.
      if (this.engine === "postgres") q = q.forUpdate();
      const row = await q.executeTakeFirst();
      if (!row) throw new StorageConflict(`没有登记号为 ${record.id} 的申请`);
      if (Number(row.version) !== version)
        throw new StorageConflict("该申请已被修改（可能在另一窗口），请刷新页面后重新操作");
      const at = now();
      const rows = recordChanges(JSON.parse(row.record), record).map(([field, o, n]): HistoryRow => [
        record.id,
        field,
        o,
        n,
      ]);
      await this.historyRows(trx, officeId, year, at, who, action, rows);
      await trx
        .updateTable("application")
        .set({
          record: JSON.stringify(record),
          replied: record.reply?.date ?? null,
          version: version + 1,
          updated_at: at,
        })
        .where("office_id", "=", officeId)
        .where("year", "=", year)
        .where("app_id", "=", record.id)
        .execute();
      await this.bump(trx, officeId, year);
      return version + 1;
    });
  }

  // ---- approval cases ----------------------------------------------------------------------

  async cases(officeId: number, year: number): Promise<ApprovalCase[]> {
    const rows = await this.db
      .selectFrom("approval_case")
      .select("record")
      .where("office_id", "=", officeId)
      .where("year", "=", year)
      .orderBy("seq")
      .execute();
    return rows.map((r) => JSON.parse(r.record) as ApprovalCase);
  }

  /** Append approval cases (a registration or a confirmed ledger import) in one transaction. */
  async insertCases(
    officeId: number,
    year: number,
    cases: readonly ApprovalCase[],
    who: Who,
    action: string,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await this.lockOffice(trx, officeId);
      let seq = await this.nextSeq(trx, "approval_case", officeId, year);
      const at = now();
      const rows: HistoryRow[] = [];
      for (const c of cases) {
        const dup = await trx
          .selectFrom("approval_case")
          .select("case_id")
          .where("office_id", "=", officeId)
          .where("year", "=", year)
          .where("case_id", "=", c.id)
          .executeTakeFirst();
        if (dup) throw new StorageConflict(`办件编号 ${c.id} 已存在`);
        await trx
          .insertInto("approval_case")
          .values({
            office_id: officeId,
            year,
            seq: seq++,
            case_id: c.id,
            record: JSON.stringify(c),
            updated_at: at,
          })
          .execute();
        rows.push([c.id, "", null, JSON.stringify(c)]);
      }
      await this.historyRows(trx, officeId, year, at, who, action, rows);
      await this.bump(trx, officeId, year);
    });
  }

  /**
   * A confirmed ledger of approval cases, in one transaction: each case new (`before` null,
   * appended) or an update of the stored one, which must still be what the preview was made
   * against (`before`, its JSON); every changed field is a history row, old → new.
   */
  async saveCases(
    officeId: number,
    year: number,
    writes: readonly { record: ApprovalCase; before: string | null }[],
    who: Who,
    action: string,
    /** The confirmed preview, removed in the same transaction (confirmed at most once). */
    preview?: string,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await this.lockOffice(trx, officeId);
      await this.takePreview(trx, officeId, preview);
      let seq = await this.nextSeq(trx, "approval_case", officeId, year);
      const at = now();
      const rows: HistoryRow[] = [];
      for (const w of writes) {
        const c = w.record;
        const row = await trx
          .selectFrom("approval_case")
          .select("record")
          .where("office_id", "=", officeId)
          .where("year", "=", year)
          .where("case_id", "=", c.id)
          .executeTakeFirst();
        if (w.before === null) {
          if (row) throw new StorageConflict(`办件编号 ${c.id} 已存在`);
          await trx
            .insertInto("approval_case")
            .values({
              office_id: officeId,
              year,
              seq: seq++,
              case_id: c.id,
              record: JSON.stringify(c),
              updated_at: at,
            })
            .execute();
          rows.push([c.id, "", null, JSON.stringify(c)]);
          continue;
        }
        if (!row || JSON.stringify(JSON.parse(row.record)) !== w.before)
          throw new StorageConflict(`办件 ${c.id} 在读取台账后已被修改`);
        for (const [field, o, n] of recordChanges(JSON.parse(row.record), c)) rows.push([c.id, field, o, n]);
        await trx
          .updateTable("approval_case")
          .set({ record: JSON.stringify(c), updated_at: at })
          .where("office_id", "=", officeId)
          .where("year", "=", year)
          .where("case_id", "=", c.id)
          .execute();
      }
      await this.historyRows(trx, officeId, year, at, who, action, rows);
      await this.bump(trx, officeId, year);
    });
  }

  /**
   * A confirmed ledger of applications, in one transaction: each new (`version` null, appended
   * at the end of the year's list) or an update of a stored one still at `version`; every
   * changed field is a history row, old → new.
   */
  async saveApplications(
    officeId: number,
    year: number,
    writes: readonly { record: Application; version: number | null }[],
    who: Who,
    action: string,
    /** The confirmed preview, removed in the same transaction (confirmed at most once). */
    preview?: string,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await this.lockOffice(trx, officeId);
      await this.takePreview(trx, officeId, preview);
      let seq = await this.nextSeq(trx, "application", officeId, year);
      const at = now();
      const rows: HistoryRow[] = [];
      for (const w of writes) {
        const a = w.record;
        const row = await trx
          .selectFrom("application")
          .select(["record", "version"])
          .where("office_id", "=", officeId)
          .where("year", "=", year)
          .where("app_id", "=", a.id)
          .executeTakeFirst();
        if (w.version === null) {
          if (row) throw new StorageConflict(`登记号 ${a.id} 已被使用`);
          await trx
            .insertInto("application")
            .values({
              office_id: officeId,
              year,
              seq: seq++,
              app_id: a.id,
              replied: a.reply?.date ?? null,
              record: JSON.stringify(a),
              version: 1,
              updated_at: at,
            })
            .execute();
          for (const [field, , n] of recordChanges(undefined, a)) rows.push([a.id, field, null, n]);
          continue;
        }
        if (!row || Number(row.version) !== w.version)
          throw new StorageConflict(`申请 ${a.id} 在读取台账后已被修改`);
        for (const [field, o, n] of recordChanges(JSON.parse(row.record), a)) rows.push([a.id, field, o, n]);
        await trx
          .updateTable("application")
          .set({
            record: JSON.stringify(a),
            replied: a.reply?.date ?? null,
            version: w.version + 1,
            updated_at: at,
          })
          .where("office_id", "=", officeId)
          .where("year", "=", year)
          .where("app_id", "=", a.id)
          .execute();
      }
      await this.historyRows(trx, officeId, year, at, who, action, rows);
      await this.bump(trx, officeId, year);
    });
  }

  // ---- ledger previews ---------------------------------------------------------------------

  /** Keep a ledger preview; previews expired by its creation time are removed first. */
  async putPreview(p: {
    token: string;
    officeId: number;
    kind: string;
    year: number;
    payload: string;
    createdAt: string;
    expiresAt: string;
  }): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("import_preview").where("expires_at", "<=", p.createdAt).execute();
      await trx
        .insertInto("import_preview")
        .values({
          token: p.token,
          office_id: p.officeId,
          kind: p.kind,
          year: p.year,
          payload: p.payload,
          created_at: p.createdAt,
          expires_at: p.expiresAt,
        })
        .execute();
    });
  }

  /** A ledger preview of the office not expired at `now`. */
  async preview(
    officeId: number,
    token: string,
    now: string,
  ): Promise<{ kind: string; year: number; payload: string } | null> {
    const row = await this.db
      .selectFrom("import_preview")
      .select(["kind", "year", "payload"])
      .where("office_id", "=", officeId)
      .where("token", "=", token)
      .where("expires_at", ">", now)
      .executeTakeFirst();
    return row ? { kind: row.kind, year: Number(row.year), payload: row.payload } : null;
  }

  async deletePreview(officeId: number, token: string): Promise<void> {
    await this.db
      .deleteFrom("import_preview")
      .where("office_id", "=", officeId)
      .where("token", "=", token)
      .execute();
  }

  /** Inside a confirming transaction: remove the preview, refusing one already confirmed. */
  /** The position after the last record of a year's list (0 for an empty list). */
  private async nextSeq(
    trx: Db,
    table: "application" | "approval_case",
    officeId: number,
    year: number,
  ): Promise<number> {
    const max = await trx
      .selectFrom(table)
      .select(sql<number | string | null>`max(seq)`.as("m"))
      .where("office_id", "=", officeId)
      .where("year", "=", year)
      .executeTakeFirst();
    return max?.m === null || max?.m === undefined ? 0 : Number(max.m) + 1;
  }

  private async takePreview(trx: Db, officeId: number, token: string | undefined): Promise<void> {
    if (token === undefined) return;
    const r = await trx
      .deleteFrom("import_preview")
      .where("office_id", "=", officeId)
      .where("token", "=", token)
      .executeTakeFirst();
    if (Number(r.numDeletedRows) !== 1)
      throw new StorageConflict("这次导入已经确认过（可能在另一窗口），或其预览已失效");
  }

  /**
   * Numbers a loaded dataset already issued (its records' `issued`): each pattern's counter in
   * each year is raised to the highest of them, never lowered, so the next letter issued here
   * takes the number after it (numbers are never reused).
   */
  private async raiseCounters(trx: Db, officeId: number, floors: readonly CounterFloor[]): Promise<void> {
    for (const f of floors)
      await trx
        .insertInto("counter")
        .values({ office_id: officeId, name: counterName(f.pattern, f.year), value: f.seq })
        .onConflict((oc) =>
          oc.columns(["office_id", "name"]).doUpdateSet({
            value: sql<number>`CASE WHEN counter.value < excluded.value THEN excluded.value ELSE counter.value END`,
          }),
        )
        .execute();
  }

  // ---- data revisions ----------------------------------------------------------------------

  /**
   * Count a change of the year's data (the last statement of every write transaction, so the
   * row lock it takes on PostgreSQL is held for the shortest time and never before another).
   * Kept in the counter table under "revision/<year>", never reset (a year replaced by an
   * import counts on), so a page computed at one revision is never taken for another.
   */
  private async bump(trx: Db, officeId: number, year: number): Promise<void> {
    await trx
      .insertInto("counter")
      .values({ office_id: officeId, name: `revision/${year}`, value: 1 })
      .onConflict((oc) =>
        oc.columns(["office_id", "name"]).doUpdateSet({ value: sql<number>`counter.value + 1` }),
      )
      .execute();
  }

  /** The data revision of each year (0 for a year never written), as of now. */
  async revisions(officeId: number, years: readonly number[]): Promise<Map<number, number>> {
    const out = new Map<number, number>(years.map((y) => [y, 0]));
    if (years.length === 0) return out;
    const rows = await this.db
      .selectFrom("counter")
      .select(["name", "value"])
      .where("office_id", "=", officeId)
      .where(
        "name",
        "in",
        years.map((y) => `revision/${y}`),
      )
      .execute();
    for (const r of rows) out.set(Number(r.name.slice("revision/".length)), Number(r.value));
    return out;
  }

  /**
   * The data revision of every year of several agencies (see revisions), by agency and year, in
   * one query (chunked as yearsOfAgencies); a year never written is absent (revision 0).
   */
  async revisionsOfAgencies(officeIds: readonly number[]): Promise<Map<number, Map<number, number>>> {
    const out = new Map<number, Map<number, number>>(officeIds.map((id) => [id, new Map()]));
    const ids = [...new Set(officeIds)];
    for (let i = 0; i < ids.length; i += SCOPE_CHUNK) {
      const rows = await this.db
        .selectFrom("counter")
        .select(["office_id", "name", "value"])
        .where("office_id", "in", ids.slice(i, i + SCOPE_CHUNK))
        .where("name", "like", "revision/%")
        .execute();
      for (const r of rows) {
        const year = Number(r.name.slice("revision/".length));
        if (Number.isInteger(year)) out.get(Number(r.office_id))?.set(year, Number(r.value));
      }
    }
    return out;
  }

  // ---- history -----------------------------------------------------------------------------

  /** One history row: `historyRows` with a single row. */
  private async history(
    trx: Db,
    officeId: number,
    year: number,
    recordId: string,
    at: string,
    who: Who,
    action: string,
    field: string,
    oldValue: string | null,
    newValue: string | null,
  ): Promise<void> {
    await this.historyRows(trx, officeId, year, at, who, action, [[recordId, field, oldValue, newValue]]);
  }

  /**
   * The history rows of one change (same time, user and action), in one multi-row INSERT
   * (chunked to stay well under either engine's parameter limit) inside the change's transaction.
   */
  private async historyRows(
    trx: Db,
    officeId: number,
    year: number,
    at: string,
    who: Who,
    action: string,
    rows: readonly HistoryRow[],
  ): Promise<void> {
    const name = whoName(who);
    const userId = whoId(who);
    for (let i = 0; i < rows.length; i += HISTORY_CHUNK)
      await trx
        .insertInto("history")
        .values(
          rows.slice(i, i + HISTORY_CHUNK).map(([recordId, field, oldValue, newValue]) => ({
            office_id: officeId,
            year,
            record_id: recordId,
            at,
            who: name,
            user_id: userId,
            action,
            field,
            old_value: oldValue,
            new_value: newValue,
          })),
        )
        .execute();
  }

  /** A record's history; `who` is the user's display name where a user made the change. */
  async historyOf(officeId: number, year: number, recordId: string): Promise<HistoryEntry[]> {
    const rows = await this.db
      .selectFrom("history")
      .leftJoin("app_user", "app_user.id", "history.user_id")
      .selectAll("history")
      .select("app_user.display_name")
      .where("history.office_id", "=", officeId)
      .where("history.year", "=", year)
      .where("history.record_id", "=", recordId)
      .orderBy("history.id")
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      recordId: r.record_id,
      at: r.at,
      who: r.display_name ?? r.who,
      userId: r.user_id === null ? null : Number(r.user_id),
      action: r.action,
      field: r.field,
      oldValue: r.old_value,
      newValue: r.new_value,
    }));
  }

  async historyCount(officeId: number): Promise<number> {
    const r = await this.db
      .selectFrom("history")
      .select(sql<number | string>`count(*)`.as("n"))
      .where("office_id", "=", officeId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  // ---- sign-off ----------------------------------------------------------------------------

  /**
   * The head of the office signs off the reply of an application at `version` (the record as
   * the head saw it): one row per version, and a history row naming the user.
   */
  async signOff(
    officeId: number,
    year: number,
    appId: string,
    version: number,
    who: { userId: number; name: string },
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom("application")
        .select("version")
        .where("office_id", "=", officeId)
        .where("year", "=", year)
        .where("app_id", "=", appId)
        .executeTakeFirst();
      if (!row) throw new StorageConflict(`没有登记号为 ${appId} 的申请`);
      if (Number(row.version) !== version)
        throw new StorageConflict("申请在打开本页后已被修改：请刷新页面，核对后再签批");
      const done = await trx
        .selectFrom("sign_off")
        .select("version")
        .where("office_id", "=", officeId)
        .where("year", "=", year)
        .where("app_id", "=", appId)
        .where("version", "=", version)
        .executeTakeFirst();
      if (done) throw new StorageConflict("这一答复已经签批");
      const at = now();
      await trx
        .insertInto("sign_off")
        .values({ office_id: officeId, year, app_id: appId, version, user_id: who.userId, at })
        .execute();
      await this.history(
        trx,
        officeId,
        year,
        appId,
        at,
        who,
        "sign-off",
        "letter.reply",
        null,
        JSON.stringify("已签批"),
      );
      await this.bump(trx, officeId, year);
    });
  }

  /** The sign-offs of an application, oldest first, with the signing user's display name. */
  async signOffs(officeId: number, year: number, appId: string): Promise<SignOff[]> {
    const rows = await this.db
      .selectFrom("sign_off")
      .innerJoin("app_user", "app_user.id", "sign_off.user_id")
      .select(["sign_off.version", "sign_off.user_id", "sign_off.at", "app_user.display_name"])
      .where("sign_off.office_id", "=", officeId)
      .where("sign_off.year", "=", year)
      .where("sign_off.app_id", "=", appId)
      .orderBy("sign_off.version")
      .execute();
    return rows.map((r) => ({
      version: Number(r.version),
      userId: Number(r.user_id),
      name: r.display_name,
      at: r.at,
    }));
  }

  // ---- letters -----------------------------------------------------------------------------

  /**
   * Issue a letter: its number (the next of its pattern in the letter's year, when it carries
   * one) and date are fixed now, with the record it was made from; a letter issued again is a
   * new version with a new number, and the old one is kept.
   */
  async issueLetter(
    officeId: number,
    year: number,
    letter: { appId: string; suffix: string; kind: string; date: string; snapshot: Application },
    numbering: { pattern: string; format: (seq: number) => string } | null,
    who: Who,
  ): Promise<IssuedLetter> {
    return this.db.transaction().execute(async (trx) => {
      await this.lockOffice(trx, officeId);
      const last = await trx
        .selectFrom("letter")
        .select(sql<number | string | null>`max(version)`.as("v"))
        .where("office_id", "=", officeId)
        .where("year", "=", year)
        .where("app_id", "=", letter.appId)
        .where("suffix", "=", letter.suffix)
        .executeTakeFirst();
      const version = last?.v === null || last?.v === undefined ? 1 : Number(last.v) + 1;
      let docNumber: string | null = null;
      if (numbering) {
        // One atomic increment (no read-then-write): a number is never handed out twice.
        const name = counterName(numbering.pattern, letter.date.slice(0, 4));
        const c = await trx
          .insertInto("counter")
          .values({ office_id: officeId, name, value: 1 })
          .onConflict((oc) =>
            oc.columns(["office_id", "name"]).doUpdateSet({ value: sql<number>`counter.value + 1` }),
          )
          .returning("value")
          .executeTakeFirstOrThrow();
        const value = Number(c.value);
        docNumber = numbering.format(value);
      }
      const at = now();
      const row = await trx
        .insertInto("letter")
        .values({
          office_id: officeId,
          year,
          app_id: letter.appId,
          suffix: letter.suffix,
          kind: letter.kind,
          version,
          doc_number: docNumber,
          letter_date: letter.date,
          snapshot: JSON.stringify(letter.snapshot),
          issued_at: at,
          who: whoName(who),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await this.history(
        trx,
        officeId,
        year,
        letter.appId,
        at,
        who,
        "issue-letter",
        `letter.${letter.suffix}`,
        null,
        `${version}${docNumber ? ` ${docNumber}` : ""}`,
      );
      await this.bump(trx, officeId, year);
      return {
        id: Number(row.id),
        appId: letter.appId,
        suffix: letter.suffix,
        kind: letter.kind,
        version,
        docNumber,
        date: letter.date,
        snapshot: letter.snapshot,
        issuedAt: at,
        who: whoName(who),
      };
    });
  }

  async letters(officeId: number, year: number, appId: string): Promise<IssuedLetter[]> {
    const rows = await this.db
      .selectFrom("letter")
      .selectAll()
      .where("office_id", "=", officeId)
      .where("year", "=", year)
      .where("app_id", "=", appId)
      .orderBy("id")
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      appId: r.app_id,
      suffix: r.suffix,
      kind: r.kind,
      version: Number(r.version),
      docNumber: r.doc_number,
      date: r.letter_date,
      snapshot: JSON.parse(r.snapshot) as Application,
      issuedAt: r.issued_at,
      who: r.who,
    }));
  }

  // ---- settings ----------------------------------------------------------------------------

  async setting(officeId: number, key: string): Promise<Json | undefined> {
    const r = await this.db
      .selectFrom("setting")
      .select("value")
      .where("office_id", "=", officeId)
      .where("key", "=", key)
      .executeTakeFirst();
    return r ? (JSON.parse(r.value) as Json) : undefined;
  }

  async setSetting(officeId: number, key: string, value: Json): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("setting").where("office_id", "=", officeId).where("key", "=", key).execute();
      await trx
        .insertInto("setting")
        .values({ office_id: officeId, key, value: JSON.stringify(value) })
        .execute();
    });
  }

  /**
   * Rename an agency, and with it the agency's name in each of its years' datasets (the letters
   * and documents print it from there), in one transaction: each year's body changed is a
   * settings history row naming the user, with a new updated_at (a process keeping the body
   * reads it again) and a new data revision.
   */
  // ---- mail (the daily digest's SMTP server) -----------------------------------------------

  /** The stored SMTP settings, or null when none are set (no password in it: see mailPassword). */
  async mailSettings(): Promise<MailSettings | null> {
    const r = await this.db
      .selectFrom("mail_setting")
      .leftJoin("app_user", "app_user.id", "mail_setting.updated_by")
      .select([
        "mail_setting.host",
        "mail_setting.port",
        "mail_setting.secure",
        "mail_setting.username",
        "mail_setting.password",
        "mail_setting.from_address",
        "mail_setting.updated_at",
        "app_user.display_name",
      ])
      .where("mail_setting.id", "=", 1)
      .executeTakeFirst();
    if (!r) return null;
    return {
      host: r.host,
      port: Number(r.port),
      secure: Number(r.secure) === 1,
      username: r.username,
      from: r.from_address,
      hasPassword: r.password !== null && r.password !== "",
      updatedAt: r.updated_at,
      updatedBy: r.display_name ?? null,
    };
  }

  /** The stored SMTP password, for the sender only (null when none). */
  async mailPassword(): Promise<string | null> {
    const r = await this.db
      .selectFrom("mail_setting")
      .select("password")
      .where("id", "=", 1)
      .executeTakeFirst();
    return r?.password ?? null;
  }

  /**
   * Save the SMTP settings; `password` undefined keeps the stored one, null removes it. `null`
   * for the whole removes the settings (no e-mail is sent unless the command line gives a server).
   */
  async setMailSettings(
    settings: {
      host: string;
      port: number;
      secure: boolean;
      username: string | null;
      from: string;
      password?: string | null;
    } | null,
    userId: number | null,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      if (settings === null) {
        await trx.deleteFrom("mail_setting").where("id", "=", 1).execute();
        return;
      }
      const old = await trx
        .selectFrom("mail_setting")
        .select("password")
        .where("id", "=", 1)
        .executeTakeFirst();
      const password = settings.password === undefined ? (old?.password ?? null) : settings.password;
      const row = {
        host: settings.host,
        port: settings.port,
        secure: settings.secure ? 1 : 0,
        username: settings.username,
        password,
        from_address: settings.from,
        updated_at: now(),
        updated_by: userId,
      };
      await trx
        .insertInto("mail_setting")
        .values({ id: 1, ...row })
        .onConflict((oc) => oc.column("id").doUpdateSet(row))
        .execute();
    });
  }

  async renameOffice(officeId: number, name: string, who: Who): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await this.lockOffice(trx, officeId);
      await trx.updateTable("office").set({ name }).where("id", "=", officeId).execute();
      const years = await trx
        .selectFrom("year_data")
        .select(["year", "body"])
        .where("office_id", "=", officeId)
        .orderBy("year")
        .execute();
      const at = now();
      const changed: number[] = [];
      for (const y of years) {
        const body = JSON.parse(y.body) as Dataset;
        const old = body.agency?.name;
        if (!body.agency || old === name) continue;
        body.agency.name = name;
        const year = Number(y.year);
        await this.historyRows(trx, officeId, year, at, who, "rename-agency", [
          ["", "agency.name", JSON.stringify(old ?? null), JSON.stringify(name)],
        ]);
        await trx
          .updateTable("year_data")
          .set({ body: JSON.stringify(body), updated_at: at })
          .where("office_id", "=", officeId)
          .where("year", "=", year)
          .execute();
        changed.push(year);
      }
      for (const year of changed) await this.bump(trx, officeId, year);
    });
  }

  /**
   * Put an agency under another in the tree. Refused (StorageConflict, nothing changed) when the
   * new parent is the agency itself or one below it: the tree would become a cycle.
   */
  async moveOffice(officeId: number, parentId: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      // Serialize moves on PostgreSQL (two moves at once could each see no cycle).
      if (this.engine === "postgres") await sql`LOCK TABLE office IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
      const rows = await trx.selectFrom("office").select(["id", "parent_id"]).execute();
      const parent = new Map(
        rows.map((r) => [Number(r.id), r.parent_id === null ? null : Number(r.parent_id)]),
      );
      if (!parent.has(parentId)) throw new StorageConflict("没有这个上级机关");
      for (let at: number | null = parentId; at !== null; at = parent.get(at) ?? null)
        if (at === officeId)
          throw new StorageConflict("不能把机关移到它自己或它的下属机关之下（机关的上下级会形成循环）");
      await trx.updateTable("office").set({ parent_id: parentId }).where("id", "=", officeId).execute();
    });
  }
}
