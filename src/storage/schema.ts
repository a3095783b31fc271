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

/** An agency (机关): a root (a government), or a department under its parent. */
export interface OfficeTable {
  id: Generated<number>;
  name: string;
  created_at: string;
  /** The agency above it in the tree; null for a root (every office before 0004). */
  parent_id: ColumnType<number | null, number | null | undefined, number | null>;
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
  /** The user who made the change (null before users existed, or from the command line). */
  user_id: ColumnType<number | null, number | null | undefined, number | null>;
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

/** A user of an agency, with roles (comma-separated: clerk, head, admin, supervisor). */
export interface UserTable {
  id: Generated<number>;
  office_id: number;
  username: string;
  display_name: string;
  roles: string;
  /** scrypt$N$r$p$salt$hash (base64url). */
  password_hash: string;
  created_at: string;
  /** Where the daily digest goes (none: no e-mail). */
  email: ColumnType<string | null, string | null | undefined, string | null>;
  /** When an administrator disabled the user (null: active). */
  disabled_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A logged-in session: the sha256 of the cookie's random id, never the id itself. */
export interface SessionTable {
  id: string;
  user_id: number;
  /** The agency the session works on (the user's own, or one below it for a supervisor). */
  agency_id: number;
  csrf: string;
  created_at: string;
  expires_at: string;
}

/** Failed logins by account or client address (the sha256 of the key). */
export interface LoginFailureTable {
  key: string;
  failures: number;
  last_at: string;
}

/** A reply signed off by the head of the office, for one version of the record. */
export interface SignOffTable {
  office_id: number;
  year: number;
  app_id: string;
  version: number;
  user_id: number;
  at: string;
}

/**
 * A file made by a year-end batch job (annual report, self-audit, the year's letters), written
 * once per (agency, year, data revision, name): a retried job finds it there and adds nothing.
 */
export interface BatchOutputTable {
  office_id: number;
  year: number;
  /** The data revision the file was made from: "<year's revision>.<previous year's>". */
  revision: string;
  /** The file's name in the batch (annual-report.pdf, letters.zip …). */
  name: string;
  media_type: string;
  bytes: Uint8Array;
  sha256: string;
  size: number;
  /** The queue job that wrote it. */
  job_id: string;
  created_at: string;
}

/** A daily digest sent to a user (at most one a day). */
export interface DigestSentTable {
  user_id: number;
  /** The digest's day, YYYY-MM-DD. */
  day: string;
  sent_at: string;
}

/** The deployment's SMTP server for the daily digest (one row, id 1). */
export interface MailSettingTable {
  id: number;
  host: string;
  port: number;
  /** 1: TLS from the start (port 465); 0: STARTTLS when offered. */
  secure: number;
  username: string | null;
  /** For logging in to the SMTP server: write-only on every page. */
  password: string | null;
  from_address: string;
  updated_at: string;
  /** The administrator who saved it. */
  updated_by: number | null;
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
  app_user: UserTable;
  session: SessionTable;
  login_failure: LoginFailureTable;
  sign_off: SignOffTable;
  batch_output: BatchOutputTable;
  digest_sent: DigestSentTable;
  mail_setting: MailSettingTable;
}

/** count(*) is a number on SQLite and a string on PostgreSQL (bigint). */
export type Count = ColumnType<number | string | bigint>;
