/**
 * The tables of the workbench database, as Kysely sees them. One database holds one or more
 * offices (the embedded default holds one; a city deployment on PostgreSQL holds many).
 *
 * A year's dataset is stored as its body (everything but the record lists) plus one row per
 * record (disclosure applications, approval cases) in dataset order, each row holding the
 * record's JSON exactly as the dataset schema describes it. Export joins them back, so the
 * dataset JSON is an import/export format of the database, not a second source.
 */
import type { ColumnType, Generated } from "kysely";

export interface OfficeTable {
  id: Generated<number>;
  name: string;
  created_at: string;
}

export interface YearTable {
  office_id: number;
  year: number;
  /** The dataset JSON without its record lists (their places kept as empty arrays). */
  body: string;
  /** Which record lists the dataset had ("applications", "cases"), comma-separated. */
  lists: string;
  updated_at: string;
}

export interface ApplicationTable {
  office_id: number;
  year: number;
  /** Position in disclosure.applications. */
  seq: number;
  app_id: string;
  /** The reply date, or null while the application is open (for the worklist's index). */
  replied: string | null;
  record: string;
  /** Incremented on every change (optimistic concurrency). */
  version: number;
  updated_at: string;
}

export interface CaseTable {
  office_id: number;
  year: number;
  seq: number;
  case_id: string;
  record: string;
  updated_at: string;
}

/** Append-only: rows are inserted, never updated or deleted. */
export interface HistoryTable {
  id: Generated<number>;
  office_id: number;
  year: number;
  /** Application or case id; "" for the year's own settings. */
  record_id: string;
  at: string;
  who: string;
  /** What was done (register, step, import, issue-letter …). */
  action: string;
  /** The field changed (a dotted path inside the record), or "" for the whole record. */
  field: string;
  old_value: string | null;
  new_value: string | null;
}

/** Letters issued: number and date fixed at issue; a re-issue is a new version. */
export interface LetterTable {
  id: Generated<number>;
  office_id: number;
  year: number;
  app_id: string;
  /** The planned letter's suffix (reply, consultation-2 …). */
  suffix: string;
  kind: string;
  version: number;
  doc_number: string | null;
  letter_date: string;
  /** The application record the letter was made from (it renders the same letter again). */
  snapshot: string;
  issued_at: string;
  who: string;
}

export interface CounterTable {
  office_id: number;
  /** The document-number pattern and the year it counts in. */
  name: string;
  value: number;
}

export interface SettingTable {
  office_id: number;
  key: string;
  value: string;
}

/** A ledger read and previewed, waiting for the clerk's confirmation (until it expires). */
export interface ImportPreviewTable {
  token: string;
  office_id: number;
  /** applications | approval-cases */
  kind: string;
  year: number;
  /** What confirming writes, with what the preview showed (JSON). */
  payload: string;
  created_at: string;
  expires_at: string;
}

export interface Database {
  office: OfficeTable;
  year_data: YearTable;
  application: ApplicationTable;
  approval_case: CaseTable;
  history: HistoryTable;
  letter: LetterTable;
  counter: CounterTable;
  setting: SettingTable;
  import_preview: ImportPreviewTable;
}

/** count(*) is a number on SQLite and a string on PostgreSQL (bigint). */
export type Count = ColumnType<number | string | bigint>;
