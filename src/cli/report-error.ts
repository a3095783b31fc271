/**
 * Turn any error into a message on stderr and an exit code. User errors (bad input) never
 * show a stack trace; an unexpected error is a bug and says so (stack only with GONGWEN_DEBUG=1).
 */
import { AuditFailure, UserError, WordedUserError } from "../util/errors.js";
import { langOfArgv } from "./help.js";

export const EXIT_INTERNAL = 3;

export function reportError(e: unknown, argv: readonly string[]): number {
  const en = argv.includes("en") && argv.some((a) => a === "--lang" || a === "--lang=en");
  if (e instanceof UserError) {
    // Thrown below the edges with a message id: worded here, in the command's language.
    const { message, details } = e instanceof WordedUserError ? e.wordedIn(langOfArgv(argv)) : e;
    process.stderr.write(message + "\n");
    for (const d of details) process.stderr.write(d + "\n");
    return e.exitCode;
  }
  if (e instanceof AuditFailure) {
    process.stderr.write(e.message + "\n");
    return e.exitCode;
  }
  if (e instanceof Error && e.name === "YError") {
    process.stderr.write(e.message + "\n" + (en ? "See gongwen --help" : "用法见 gongwen --help") + "\n");
    return 2;
  }
  if (e instanceof Error && e.constructor.name === "CliUsageError") {
    process.stderr.write(e.message + "\n" + (en ? "See gongwen --help" : "用法见 gongwen --help") + "\n");
    return 2;
  }
  const msg = e instanceof Error ? e.message : String(e);
  process.stderr.write((en ? "gongwen internal error: " : "gongwen 内部错误：") + msg + "\n");
  if (process.env.GONGWEN_DEBUG === "1" && e instanceof Error && e.stack)
    process.stderr.write(e.stack + "\n");
  return EXIT_INTERNAL;
}
