#!/usr/bin/env node
/** The `gongwen` binary. */
import { hideBin } from "yargs/helpers";
import { main } from "./app.js";
import { reportError } from "./report-error.js";
import { runInterruptHooks } from "../util/fs-atomic.js";
import { recordInterruptedRuns } from "../render/manifest.js";

// Interrupted (Ctrl-C, kill): stop the worker threads of a batch and remove every temp file of
// this process (its threads' too), record what was written, then exit as a signal would. The handler runs only when the event loop turns: long batches yield
// between files (letters), and the process yields once more before it ends, so a signal that
// arrived while a command ran synchronously is never swallowed into exit 0.
for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
] as const)
  process.once(signal, () => {
    void runInterruptHooks().finally(() => {
      recordInterruptedRuns();
      process.exit(code);
    });
  });

// A reader that goes away early (`gongwen audit … | head`): the rest of the output is dropped
// quietly, as other command-line tools do, and the command finishes its work (files it writes,
// its exit code) — no "write EPIPE" stack trace.
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
    stream.write = (() => true) as typeof stream.write;
  });

// Two nested turns: the second callback comes after a poll phase, where libuv delivers signals.
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

main(hideBin(process.argv))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.exitCode = reportError(e, process.argv);
    },
  )
  .then(turn);
