/**
 * Year-end batch work on a job queue (BullMQ on the deployment's PostgreSQL; in the server's
 * own process on the embedded database). An adapter like the server: it calls the library's
 * public API in-process and stores the files through src/storage; it computes nothing itself.
 */
export {
  BATCH_FILES,
  mediaTypeOf,
  revisionOf,
  revisionText,
  runYearEnd,
  yearEndEnv,
  yearEndJobId,
  type BatchFileName,
  type YearEndEnv,
  type YearEndJob,
  type YearEndResult,
} from "./year-end.js";
export {
  BullBatchQueue,
  InProcessBatchQueue,
  QUEUE_NAME,
  bullQueue,
  bullWorker,
  queueConnection,
  type BatchJobView,
  type BatchQueue,
  type BatchState,
  type QueueConnection,
} from "./queue.js";
