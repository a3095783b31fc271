/** The workbench's storage: one module, both engines (SQLite embedded, PostgreSQL). */
export {
  Store,
  StorageConflict,
  recordChanges,
  type StoredApplication,
  type HistoryEntry,
  type IssuedLetter,
  type Office,
  type CounterFloor,
  type Who,
  type SignOff,
  type MailSettings,
} from "./store.js";
export { Accounts, type StoredUser, type StoredSession } from "./accounts.js";
export { BatchOutputs, type BatchFile, type StoredBatchFile } from "./batch-outputs.js";
export { openDatabase, isPostgresUrl, type Engine, type OpenedDatabase } from "./engine.js";
export { migrateToLatest } from "./migrations.js";
export type { Database } from "./schema.js";
export { copyDatabase, digestRows, CopyFailed, type TableCopy } from "./copy.js";
