/**
 * Error classes that are part of gongwen's interface. A UserError is bad input: the CLI prints
 * its message (no stack trace) and exits with 2. An AuditFailure exits with 1. Their messages go
 * to logs: anything shaped like a phone number, an ID number or an e-mail address is masked.
 */
import { maskPersonalPatterns } from "./personal-patterns.js";

export class UserError extends Error {
  readonly exitCode = 2;
  /** Further messages (e.g. every validation error), printed after the main message. */
  readonly details: string[];
  constructor(message: string, details: string[] = []) {
    super(maskPersonalPatterns(message));
    this.name = "UserError";
    this.details = details.map((d) => maskPersonalPatterns(d));
  }
}

/** A UserError from the file system (fsError): its errno code and the path it names. */
export class FileSystemError extends UserError {
  constructor(
    message: string,
    readonly fsCode: string,
    readonly path: string,
  ) {
    super(message);
    this.name = "FileSystemError";
  }
}

export class AuditFailure extends Error {
  readonly exitCode = 1;
  constructor(message: string) {
    super(maskPersonalPatterns(message));
    this.name = "AuditFailure";
  }
}

export const EXIT = { ok: 0, audit: 1, input: 2 } as const;
