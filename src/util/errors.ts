/**
 * Error classes that are part of gongwen's interface. A UserError is bad input: the CLI prints
 * its message (no stack trace) and exits with 2. An AuditFailure exits with 1.
 */
export class UserError extends Error {
  readonly exitCode = 2;
  /** Further messages (e.g. every validation error), printed after the main message. */
  readonly details: string[];
  constructor(message: string, details: string[] = []) {
    super(message);
    this.name = "UserError";
    this.details = details;
  }
}

export class AuditFailure extends Error {
  readonly exitCode = 1;
  constructor(message: string) {
    super(message);
    this.name = "AuditFailure";
  }
}

export const EXIT = { ok: 0, audit: 1, input: 2 } as const;
